"""The media store: images kept by content hash, anything else refused."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from hotline.bot.media import MediaRejected, MediaStore, is_stored, sniff
from tests.support.fake_telegram import TINY_JPEG
from tests.support.images import photo, picture

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8


def test_sniff_knows_images_by_their_first_bytes() -> None:
    assert sniff(TINY_JPEG) == "jpg"
    assert sniff(PNG) == "png"
    assert sniff(WEBP) == "webp"
    assert sniff(b"<html>") is None
    assert sniff(b"GIF89a") is None


async def test_a_photo_is_kept_once_under_its_hash(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    ref = await store.save(TINY_JPEG)
    assert is_stored(ref) and ref.endswith(".jpg")
    assert await store.save(TINY_JPEG) == ref
    assert picture(store.path_of(ref).read_bytes()) == ("JPEG", (1, 1), False)
    assert len(_files(tmp_path)) == 1


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
async def test_a_photo_is_kept_without_its_exif_and_gps(tmp_path: Path, kind: str) -> None:
    sent = photo(kind, gps=True)
    assert picture(sent)[2], "the photo as taken says where"
    store = MediaStore(tmp_path)
    kept = store.path_of(await store.save(sent)).read_bytes()
    assert picture(kept) == (kind, (8, 6), False)
    assert b"PhoneMaker" not in kept


async def test_polyglots_and_pixel_bombs_are_refused(tmp_path: Path) -> None:
    store = MediaStore(tmp_path, max_pixels=10_000)
    page = b"<html><script>alert(document.cookie)</script></html>"
    with pytest.raises(MediaRejected, match="markup"):
        await store.save(photo("JPEG") + page)
    with pytest.raises(MediaRejected, match="pixels"):
        await store.save(_png_header(50000, 50000))
    with pytest.raises(MediaRejected, match="pixels"):
        await store.save(photo("PNG", size=(200, 100)))
    with pytest.raises(MediaRejected, match="cannot be read"):
        await store.save(photo("JPEG")[:40])  # cut short
    assert _files(tmp_path) == []
    junk_after = photo("JPEG") + b"\x00trailing bytes"
    kept = store.path_of(await store.save(junk_after)).read_bytes()
    assert b"trailing" not in kept


def _png_header(width: int, height: int) -> bytes:
    """A few hundred bytes that claim a huge picture: the probe's 50000×50000 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1000)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)


async def test_too_big_or_not_an_image_is_refused(tmp_path: Path) -> None:
    store = MediaStore(tmp_path, max_bytes=64)
    with pytest.raises(MediaRejected):
        await store.save(b"\xff\xd8\xff" + b"\x00" * 100)
    with pytest.raises(MediaRejected):
        await MediaStore(tmp_path).save(b"MZ\x90\x00 an executable")
    assert _files(tmp_path) == []


def test_only_our_references_map_to_paths(tmp_path: Path) -> None:
    store = MediaStore(tmp_path)
    with pytest.raises(ValueError):
        store.path_of("media:../../etc/passwd")
    with pytest.raises(ValueError):
        store.path_of("https://example.com/a.jpg")


async def test_download_is_bounded(tmp_path: Path) -> None:
    app = web.Application()
    app.router.add_get("/small", _small)
    app.router.add_get("/big", _big)
    app.router.add_get("/gone", _missing)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    store = MediaStore(tmp_path, max_bytes=1000)
    try:
        async with aiohttp.ClientSession() as session:
            ref = await store.keep(session, str(server.make_url("/small")))
            assert picture(store.path_of(ref).read_bytes())[:2] == ("JPEG", (1, 1))
            with pytest.raises(MediaRejected):
                await store.download(session, str(server.make_url("/big")))
            with pytest.raises(MediaRejected):
                await store.download(session, str(server.make_url("/gone")))
    finally:
        await server.close()


async def _small(request: web.Request) -> web.Response:
    return web.Response(body=TINY_JPEG, content_type="image/jpeg")


async def _big(request: web.Request) -> web.Response:
    return web.Response(body=TINY_JPEG * 100, content_type="image/jpeg")


async def _missing(request: web.Request) -> web.Response:
    return web.Response(status=404)


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]

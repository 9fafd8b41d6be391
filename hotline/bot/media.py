"""The media store: photos citizens send, copied here because platform media URLs expire.

A photo is kept under its SHA-256 (the same photo sent twice is one file) and referred to as
`media:<sha256>.<ext>` in the attachment, so evidence never points at a platform's short-lived URL.
Only JPEG, PNG and WebP are kept, recognised by their first bytes, not by what the sender claims,
then decoded and written again without metadata (`hotline.bot.photos`): what is kept is pixels.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from pathlib import Path

import aiohttp

from hotline.bot.photos import MAX_PIXELS, NotAPhoto, redrawn

PREFIX = "media:"
_REF = re.compile(r"^media:([0-9a-f]{64})\.(jpg|png|webp)$")


class MediaRejected(Exception):
    """A download that is not kept: too big, not an image we accept, or unreachable."""


def sniff(data: bytes) -> str | None:
    """The file extension for JPEG, PNG or WebP bytes, else None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def is_stored(url: str | None) -> bool:
    return bool(url and _REF.match(url))


class MediaStore:
    def __init__(
        self, root: Path, max_bytes: int = 10 * 1024 * 1024, max_pixels: int = MAX_PIXELS
    ) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels

    async def save(self, data: bytes) -> str:
        """Keep an image and return its reference; raises MediaRejected for anything else."""
        if len(data) > self.max_bytes:
            raise MediaRejected(f"photo is {len(data)} bytes, over {self.max_bytes}")
        if sniff(data) is None:
            raise MediaRejected("not a JPEG, PNG or WebP image")
        try:
            data, ext = await asyncio.to_thread(redrawn, data, self.max_pixels)
        except NotAPhoto as exc:
            raise MediaRejected(str(exc)) from exc
        ref = f"{PREFIX}{hashlib.sha256(data).hexdigest()}.{ext}"
        await asyncio.to_thread(self._write, self.path_of(ref), data)
        return ref

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(path.suffix + ".part")
        partial.write_bytes(data)
        partial.replace(path)  # a reader never sees half a photo

    def path_of(self, ref: str) -> Path:
        """Where a reference's file lives; refuses anything that is not one of our references."""
        found = _REF.match(ref)
        if found is None:
            raise ValueError(f"not a media reference: {ref!r}")
        digest = found.group(1)
        return self.root / digest[:2] / ref.removeprefix(PREFIX)

    async def download(
        self,
        session: aiohttp.ClientSession,
        url: str,
        headers: dict[str, str] | None = None,
        seconds: float = 20.0,
    ) -> bytes:
        """Fetch a photo, reading at most `max_bytes`; raises MediaRejected on any failure."""
        try:
            async with session.get(
                url, headers=headers, timeout=aiohttp.ClientTimeout(total=seconds)
            ) as resp:
                if resp.status != 200:
                    raise MediaRejected(f"download answered HTTP {resp.status}")
                if (resp.content_length or 0) > self.max_bytes:
                    raise MediaRejected(f"photo is {resp.content_length} bytes")
                chunks, size = [], 0
                async for chunk in resp.content.iter_chunked(64 * 1024):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise MediaRejected(f"photo is over {self.max_bytes} bytes")
                    chunks.append(chunk)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise MediaRejected(f"download failed: {exc!r}") from exc
        return b"".join(chunks)

    async def keep(
        self, session: aiohttp.ClientSession, url: str, headers: dict[str, str] | None = None
    ) -> str:
        """Download a photo and keep it; its reference."""
        return await self.save(await self.download(session, url, headers))

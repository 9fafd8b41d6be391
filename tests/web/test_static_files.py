"""The pages' own files, served from memory: content, type, revalidation and names outside."""

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from hotline.web.static_files import static_route

Client = Callable[..., Awaitable[TestClient]]


async def _serving(tmp_path: Path, aiohttp_client: Client) -> TestClient:
    served = tmp_path / "served"
    (served / "nested").mkdir(parents=True)
    (served / "app.js").write_text("console.log('chào');\n", encoding="utf-8")
    (served / "nested" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not yours", encoding="utf-8")  # beside, not inside
    app = web.Application()
    app.add_routes([static_route("/files/", served)])
    return await aiohttp_client(app)


async def test_a_file_is_served_with_its_type_and_an_etag(
    tmp_path: Path, aiohttp_client: Client
) -> None:
    client = await _serving(tmp_path, aiohttp_client)
    got = await client.get("/files/app.js")
    assert got.status == 200 and await got.text() == "console.log('chào');\n"
    assert "javascript" in got.headers["Content-Type"] and "utf-8" in got.headers["Content-Type"]
    nested = await client.get("/files/nested/logo.svg")
    assert nested.status == 200 and nested.headers["Content-Type"].startswith("image/svg+xml")
    assert got.headers["ETag"] != nested.headers["ETag"]
    head = await client.head("/files/app.js")
    assert head.status == 200 and head.headers["ETag"] == got.headers["ETag"]


async def test_a_browser_holding_the_same_file_is_told_304(
    tmp_path: Path, aiohttp_client: Client
) -> None:
    client = await _serving(tmp_path, aiohttp_client)
    tag = (await client.get("/files/app.js")).headers["ETag"]
    again = await client.get("/files/app.js", headers={"If-None-Match": tag})
    assert again.status == 304 and await again.read() == b""
    stale = await client.get("/files/app.js", headers={"If-None-Match": '"old"'})
    assert stale.status == 200 and await stale.text() == "console.log('chào');\n"


async def test_names_outside_the_folder_or_unknown_are_404(
    tmp_path: Path, aiohttp_client: Client
) -> None:
    client = await _serving(tmp_path, aiohttp_client)
    for name in ("missing.js", "../secret.txt", "%2e%2e/secret.txt", "nested", "nested/"):
        got = await client.get(f"/files/{name}")
        assert got.status == 404, name
        assert "not yours" not in await got.text()


def test_a_prefix_without_its_slash_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="/files"):
        static_route("/files", tmp_path)


async def test_the_hotline_pages_files_are_served(client: TestClient) -> None:
    paths = ("/", "/static/favicon.svg", "/console/static/console.js", "/portal-static/portal.js")
    for path in (*paths, "/admin/static/admin.css"):
        got = await client.get(path)
        assert got.status == 200 and got.headers.get("ETag"), path
    page = await client.get("/")
    assert page.headers["Content-Type"].startswith("text/html") and "widget.js" in await page.text()
    again = await client.get("/", headers={"If-None-Match": page.headers["ETag"]})
    assert again.status == 304

"""The pages' own scripts, styles and images: read once when the app is built, served from memory.

Not aiohttp's static route: that opens the file on every request, and when the browser drops a
request midway (Chromium gives up a favicon fetch when the page moves on), the open file may be
left for the garbage collector to close, a leaked handle in a long-running server. The files ship
inside the package and weigh about 200 KB together, so holding them costs less than one handle
per request. An ETag taken from the content lets a browser revalidate with a 304.
"""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler

TEXT_KINDS = ("text/", "application/javascript", "image/svg+xml", "application/json")


@dataclass(frozen=True, slots=True)
class StaticFile:
    body: bytes
    content_type: str
    etag: str


def read_folder(folder: Path) -> dict[str, StaticFile]:
    """Every file under `folder`, by its path relative to it (with forward slashes)."""
    found: dict[str, StaticFile] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            found[path.relative_to(folder).as_posix()] = _file(path)
    return found


def _file(path: Path) -> StaticFile:
    body = path.read_bytes()
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return StaticFile(body, kind, hashlib.sha256(body).hexdigest()[:20])


def _answer(request: web.Request, found: StaticFile) -> web.Response:
    sent = request.if_none_match
    if sent is not None and any(tag.value in (found.etag, "*") for tag in sent):
        response = web.Response(status=304)
    else:
        text = found.content_type.startswith(TEXT_KINDS)
        response = web.Response(
            body=found.body, content_type=found.content_type, charset="utf-8" if text else None
        )
    response.etag = found.etag
    return response


def static_page(path: Path) -> Handler:
    """A handler answering one file (a page at a path of its own, such as the demo page)."""
    found = _file(path)

    async def serve(request: web.Request) -> web.StreamResponse:
        return _answer(request, found)

    return serve


def static_route(prefix: str, folder: Path) -> web.RouteDef:
    """A GET (and HEAD) route answering `prefix` + a file's name from `folder`'s files."""
    if not prefix.endswith("/"):
        raise ValueError(f"a static prefix ends with '/': {prefix!r}")
    files = read_folder(folder)

    async def serve(request: web.Request) -> web.StreamResponse:
        found = files.get(request.match_info["name"])
        if found is None:  # a name outside the folder (../, absolute) is simply not a key
            raise web.HTTPNotFound()
        return _answer(request, found)

    return web.get(prefix + "{name:.+}", serve)

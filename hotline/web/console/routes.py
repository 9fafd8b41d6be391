"""The agent console's routes: the page at /console, its live line, the labels it shows.

`mount` adds them to the application; the tickets API the page calls lives in hotline/web/api.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from hotline.bot.events import EventBus
from hotline.bot.media import PREFIX, MediaStore
from hotline.channels.base import json_response
from hotline.handoff.store import TicketStore
from hotline.web.console.auth import console_viewer
from hotline.web.console.feed import CONSOLE_ROLES, Viewer
from hotline.web.console.labels import console_labels
from hotline.web.console.live import RECHECK_SECONDS, Authenticate, LiveLine
from hotline.web.console.presence import Presence
from hotline.web.keys import HOTLINE
from hotline.web.static_files import static_route

STATIC = Path(__file__).parent / "static"
LOGIN = "/login?next=/console"
NOT_FOR_YOU = "Bảng điều khiển chỉ dành cho tổng đài viên, giám sát viên và quản trị viên."
MEDIA_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
# A photo is evidence: private to staff, never cached by a shared proxy, never run as a page.
MEDIA_HEADERS = {
    "Cache-Control": "private, max-age=3600",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Referrer-Policy": "same-origin",
}
# The page loads nothing from elsewhere; photos citizens send may sit on the platforms' servers.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' https: data:; connect-src 'self'; "
        "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


class Console:
    def __init__(
        self,
        events: EventBus,
        presence: Presence,
        recheck_seconds: float = RECHECK_SECONDS,
        authenticate: Authenticate = console_viewer,
        media: MediaStore | None = None,
    ) -> None:
        self.authenticate = authenticate
        self.media = media
        self.live = LiveLine(events, presence, authenticate, self._tickets, recheck_seconds)

    def _tickets(self, request: web.Request) -> TicketStore:
        return request.app[HOTLINE].desk.store

    def mount(self, app: web.Application) -> None:
        app.router.add_get("/console", self.page)
        app.router.add_get("/console/ws", self.live.connect)
        app.router.add_get("/console/labels", self.labels)
        app.router.add_get("/console/media/{name}", self.photo)
        app.add_routes([static_route("/console/static/", STATIC)])
        app.on_shutdown.append(self._close)

    async def _viewer(self, request: web.Request) -> Viewer:
        viewer = await self.authenticate(request)
        if viewer is None:
            raise web.HTTPUnauthorized(text="Hãy đăng nhập để dùng bảng điều khiển.")
        if viewer.role not in CONSOLE_ROLES:
            raise web.HTTPForbidden(text=NOT_FOR_YOU)
        return viewer

    async def page(self, request: web.Request) -> web.StreamResponse:
        viewer = await self.authenticate(request)
        if viewer is None:
            raise web.HTTPFound(LOGIN)
        if viewer.role not in CONSOLE_ROLES:
            raise web.HTTPForbidden(text=NOT_FOR_YOU)
        return web.FileResponse(STATIC / "console.html", headers=PAGE_HEADERS)

    async def labels(self, request: web.Request) -> web.Response:
        await self._viewer(request)
        return json_response(console_labels(request.app[HOTLINE].units))

    async def photo(self, request: web.Request) -> web.StreamResponse:
        """A photo a citizen sent (`media:<sha256>.<ext>`), for logged-in staff only."""
        await self._viewer(request)
        name = request.match_info["name"]
        try:
            path = self.media.path_of(PREFIX + name) if self.media else None
        except ValueError:
            path = None
        if path is None or not path.is_file():
            raise web.HTTPNotFound(text="Không tìm thấy ảnh.")
        kind = MEDIA_TYPES[name.rsplit(".", 1)[1]]
        return web.FileResponse(path, headers={**MEDIA_HEADERS, "Content-Type": kind})

    async def _close(self, app: web.Application) -> None:
        await self.live.close_all()

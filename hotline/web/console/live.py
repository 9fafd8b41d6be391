"""The console's live line: a WebSocket that pushes each person the events that are theirs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from hotline.bot.events import Event, EventBus
from hotline.bot.waits import at_most
from hotline.channels.base import json_dumps
from hotline.handoff.store import TicketStore
from hotline.web.console.feed import CONSOLE_ROLES, ConsoleFeed, Viewer
from hotline.web.console.presence import Presence
from hotline.web.keys import HOTLINE

log = logging.getLogger(__name__)

Authenticate = Callable[[web.Request], Awaitable[Viewer | None]]
# A socket outlives a logout in another tab by at most this long.
RECHECK_SECONDS = 60.0
SESSION_ENDED = 4401  # close code the page reads as "log in again"


def same_origin(request: web.Request) -> bool:
    """Browsers send cookies with cross-site WebSocket handshakes; refuse other sites' pages."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser: the session cookie alone decides
    return urlsplit(origin).netloc == request.host


class LiveLine:
    def __init__(
        self,
        events: EventBus,
        presence: Presence,
        authenticate: Authenticate,
        tickets: Callable[[web.Request], TicketStore],
        recheck_seconds: float = RECHECK_SECONDS,
    ) -> None:
        self.events = events
        self.presence = presence
        self.authenticate = authenticate
        self.tickets = tickets
        self.recheck_seconds = recheck_seconds
        self._sockets: set[web.WebSocketResponse] = set()

    async def connect(self, request: web.Request) -> web.StreamResponse:
        if not same_origin(request):
            raise web.HTTPForbidden(text="Không cho phép kết nối bảng điều khiển từ trang khác.")
        viewer = await self.authenticate(request)
        if viewer is None:
            raise web.HTTPUnauthorized(text="Hãy đăng nhập để dùng bảng điều khiển.")
        if viewer.role not in CONSOLE_ROLES:
            raise web.HTTPForbidden(
                text="Bảng điều khiển chỉ dành cho tổng đài viên, giám sát viên và quản trị viên."
            )
        ws = web.WebSocketResponse(heartbeat=30)
        await ws.prepare(request)
        self._sockets.add(ws)
        feed = ConsoleFeed(self.tickets(request), request.app[HOTLINE].pseudonyms)
        try:
            # On duty first, then listening: the hello already says who is online.
            with self.presence.on_duty(viewer.name):
                async with self.events.subscribe() as queue:
                    hello = {
                        "kind": "hello",
                        "user": viewer.name,
                        "role": viewer.role,
                        "online": sorted(self.presence.online()),
                    }
                    await ws.send_json(hello, dumps=json_dumps)
                    await self._serve(request, ws, viewer, queue, feed)
        finally:
            self._sockets.discard(ws)
        return ws

    async def _serve(
        self,
        request: web.Request,
        ws: web.WebSocketResponse,
        viewer: Viewer,
        queue: asyncio.Queue[Event],
        feed: ConsoleFeed,
    ) -> None:
        pump = asyncio.create_task(self._pump(request, ws, viewer, queue, feed))
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT and message.data == "ping":
                    await ws.send_str("pong")  # lets the page notice a dead line quickly
        finally:
            pump.cancel()
            with suppress(asyncio.CancelledError):
                await pump

    async def _pump(
        self,
        request: web.Request,
        ws: web.WebSocketResponse,
        viewer: Viewer,
        queue: asyncio.Queue[Event],
        feed: ConsoleFeed,
    ) -> None:
        while not ws.closed:
            event = await at_most(self.recheck_seconds, queue.get())
            if event is None:
                if await self.authenticate(request) != viewer:
                    await ws.close(code=SESSION_ENDED, message=b"session ended")
                    return
                continue
            if event.kind == "presence":
                # Who is online as this worker knows it, whichever worker announced the change.
                self.presence.heard(event)
                event = Event("presence", {"online": sorted(self.presence.online())})
            frame = await feed.frame(viewer, event)
            if frame is None:
                continue
            try:
                await ws.send_json(frame, dumps=json_dumps)
            except ConnectionError:
                log.info("console socket of %s closed while sending", viewer.name)
                return

    async def close_all(self) -> None:
        for ws in list(self._sockets):
            await ws.close()

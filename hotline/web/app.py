"""The aiohttp application: one factory for production and tests alike."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

from aiohttp import web

from hotline.bot.conversation import OutboxItem
from hotline.bot.event_feed import check_sharing, share_events
from hotline.bot.events import EventBus
from hotline.bot.media import MediaStore
from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.bot.outbox import Outbox, hand_over_waiting
from hotline.bot.takeover import Takeover
from hotline.channels.base import Channel
from hotline.channels.platform import Intake
from hotline.channels.registry import delivering, media_channels, platform_channels
from hotline.channels.rest import RestChannel
from hotline.channels.webchat import WebChatChannel
from hotline.config import Settings
from hotline.runtime import Hotline, background, open_hotline, refresh_faq_forever
from hotline.web import ops
from hotline.web.console import Console, Presence
from hotline.web.portal import Portal

log = logging.getLogger(__name__)

HOTLINE = web.AppKey("hotline", Hotline)
OUTBOX = web.AppKey("outbox", Outbox)
EVENTS = web.AppKey("events", EventBus)
TAKEOVER = web.AppKey("takeover", Takeover)
CHANNELS = web.AppKey("channels", dict[str, Channel])
PRESENCE = web.AppKey("presence", Presence)
STATIC = Path(__file__).parent / "static"


class _Inbox:
    """What channels see of the core, bound once the hotline is open."""

    def __init__(self, app: web.Application) -> None:
        self._app = app

    @property
    def _hotline(self) -> Hotline:
        return self._app[HOTLINE]

    async def handle(self, message: InboundMessage) -> list[OutboxItem]:
        return await self._hotline.engine.handle(message)

    async def accept(self, message: InboundMessage) -> bool:
        return await self._hotline.engine.accept(message)

    async def finish(self, message: InboundMessage, is_new: bool = True) -> list[OutboxItem]:
        return await self._hotline.engine.finish(message, is_new)

    async def mark_delivered(self, ids: list[int]) -> None:
        await self._hotline.conversations.mark_delivered(ids)

    async def pending(self, key: ConversationKey) -> list[OutboxItem]:
        return await self._hotline.conversations.pending(key)


def create_app(settings: Settings) -> web.Application:
    check_sharing(settings.share_events)  # a typo fails the start, not a background task
    app = web.Application(client_max_size=settings.max_body_bytes)
    inbox = _Inbox(app)
    webchat = WebChatChannel(inbox, max_frame_bytes=settings.max_body_bytes)
    channels: dict[str, Channel] = {"rest": RestChannel(inbox), "webchat": webchat}
    intake = Intake(inbox, MediaStore(Path(settings.media_dir), settings.media_max_bytes))
    platforms = platform_channels(settings, intake)
    channels.update(platforms)
    app[CHANNELS] = channels
    app[EVENTS] = EventBus()
    app[PRESENCE] = Presence(app[EVENTS])

    async def hotline_ctx(app: web.Application) -> AsyncIterator[None]:
        async with (
            open_hotline(
                settings,
                media_channels(platforms),
                app[EVENTS],
                app[PRESENCE],
                letter_channels=frozenset(platforms) & {"email"},
            ) as hotline,
            delivering(
                settings, platforms, intake, hotline.conversations, hotline.storage
            ) as courier,
        ):
            app[HOTLINE] = hotline
            app[OUTBOX] = Outbox(
                hotline.conversations, {**channels, **courier.lanes()}, app[EVENTS]
            )
            app[TAKEOVER] = Takeover(hotline.conversations, app[OUTBOX], app[EVENTS])
            recovered = await hotline.engine.recover()
            if recovered:
                log.info("finished %d messages left unprocessed by the last run", recovered)
            async with (
                background(refresh_faq_forever(hotline.faq, settings.faq_refresh_seconds)),
                background(share_events(hotline.storage, app[EVENTS], settings.share_events)),
                background(hand_over_waiting(app[EVENTS], channels)),
                background(app[PRESENCE].follow()),
            ):
                yield
                await webchat.close_all()

    app.cleanup_ctx.append(hotline_ctx)
    from hotline.web.api import (
        setup_backoffice,  # late: the API's handlers import this module's keys
    )

    setup_backoffice(app, settings)  # after hotline_ctx: its context needs the hotline open
    from hotline.web.admin.routes import setup_admin

    setup_admin(app)
    if "email" in platforms:
        from hotline.channels.mail.channel import EmailChannel

        if isinstance(mail := platforms["email"], EmailChannel):
            app.cleanup_ctx.append(mail.reading)  # reads once the hotline is open, stops first
    for channel in channels.values():
        app.add_routes(channel.routes())
    app.add_routes(ops.routes(HOTLINE))
    Console(HOTLINE, app[EVENTS], app[PRESENCE], settings.console_recheck_seconds).mount(app)
    Portal(HOTLINE, intake.media, settings).mount(app)
    app.router.add_get("/", _demo_page)
    app.router.add_static("/static/", STATIC, append_version=False)
    return app


async def _demo_page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "index.html")

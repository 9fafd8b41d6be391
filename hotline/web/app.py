"""The aiohttp application: one factory for production and tests alike, and all its wiring.

`create_app` builds what needs no I/O and mounts every route. The running parts are built once the
app starts, each by one async generator in `cleanup_ctx`, in order, and torn down in reverse:

1. the hotline's core: database, stores, FAQ, NLU, ticket desk, engine (`HOTLINE`);
2. the channels on the shared HTTP session, the courier, the outbox and takeover (`CHANNELS`,
   `OUTBOX`, `TAKEOVER`); messages a crash left unprocessed are finished in the background,
   and every few seconds any a dead worker left;
3. background work: the FAQ index's first build and refresh (the server listens before the
   index is built: turns wait for it, /readyz says "loading": ["faq"]), the event relay
   between workers, hand-overs, presence;
4. the casework: accounts, lifecycle, assignment, deadlines (`CASEWORK`);
5. the admin tools (`ADMIN_TOOLS`);
6. notices to subscribers (`BROADCASTS`), finishing any broadcast the last run left;
7. the channels' background readers (the mailbox), last in and first out.

Handlers reach the parts through the keys in `hotline.web.keys`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from datetime import timedelta
from functools import partial
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler

from hotline.bot.broadcasts import Broadcaster
from hotline.bot.event_feed import check_sharing, share_events
from hotline.bot.events import EventBus
from hotline.bot.media import MediaStore
from hotline.bot.outbox import Outbox, hand_over_waiting
from hotline.bot.recovery import recover_forever
from hotline.bot.takeover import Takeover
from hotline.bot.unsubscribe import UnsubscribeLinks
from hotline.bot.waits import background
from hotline.channels.base import Channel, ChannelHandler
from hotline.channels.registry import channels_on
from hotline.channels.running import open_channels
from hotline.config import Settings
from hotline.handoff.crypto import load_or_create_key
from hotline.runtime import key_file, open_hotline, refresh_faq_forever
from hotline.web import ops
from hotline.web.admin import routes as admin_routes
from hotline.web.admin.services import open_admin_tools
from hotline.web.api import routes as api_routes
from hotline.web.api.services import running_casework
from hotline.web.client_address import forwarded, networks
from hotline.web.console.presence import Presence
from hotline.web.console.routes import Console
from hotline.web.keys import (
    ADMIN_TOOLS,
    BROADCASTS,
    CASEWORK,
    CHANNELS,
    EVENTS,
    HOTLINE,
    OUTBOX,
    PRESENCE,
    STORE_HEALTH,
    TAKEOVER,
)
from hotline.web.portal import notices as notice_pages
from hotline.web.portal.routes import Portal
from hotline.web.safety import guarded
from hotline.web.static_files import static_page, static_route
from hotline.web.store_health import StoreHealth

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
Kinds = tuple[type[Channel], ...]


def create_app(settings: Settings) -> web.Application:
    check_sharing(settings.share_events)  # a typo fails the start, not a background task
    kinds = channels_on(settings)
    media = MediaStore(
        Path(settings.media_dir), settings.media_max_bytes, settings.photo_max_pixels
    )
    app = web.Application(client_max_size=settings.max_body_bytes)
    proxies = networks(settings.trusted_proxies)
    public_https = settings.public_url.lower().startswith("https://")
    if proxies or public_https:  # else it would change nothing, at a cost on every request
        app.middlewares.append(forwarded(proxies, public_https))
    app.middlewares.append(guarded(lambda: app.get(STORE_HEALTH)))
    app[EVENTS] = EventBus()
    app[PRESENCE] = Presence(app[EVENTS])
    app.cleanup_ctx.extend(
        [
            partial(_hotline, settings, kinds),
            partial(_channels, settings, kinds, media),
            partial(_background_work, settings),
            partial(_casework, settings),
            _admin_tools,
            partial(_broadcasts, settings),
            _reading,
        ]
    )
    app.add_routes(api_routes.routes())
    app.add_routes(admin_routes.routes())
    for kind in kinds:
        app.add_routes(channel_routes(kind))
    app.add_routes(ops.routes())
    Console(app[EVENTS], app[PRESENCE], settings.console_recheck_seconds, media=media).mount(app)
    Portal(media, settings).mount(app)
    app.add_routes(notice_pages.routes())
    app.router.add_get("/", static_page(STATIC / "index.html"))
    app.on_shutdown.append(_let_connections_go)
    app.add_routes([static_route("/static/", STATIC)])
    return app


def channel_routes(kind: type[Channel]) -> list[web.RouteDef]:
    """A channel's routes, each answered by the running channel of that kind."""

    def served(handler: ChannelHandler) -> Handler:
        async def serve(request: web.Request) -> web.StreamResponse:
            channel = request.app[CHANNELS].get(kind.name)
            if channel is None:  # its platform was unreachable at start: retried meanwhile
                return _channel_not_open(kind.name)
            return await handler(channel, request)

        return serve

    return [web.route(r.method, r.path, served(r.handler)) for r in kind.routes()]


def _channel_not_open(name: str) -> web.Response:
    body = {"error": f"the {name} channel is not open yet", "trouble": "platform unreachable"}
    response = web.json_response(body, status=503)
    response.headers["Retry-After"] = "30"  # the platform delivers the update again later
    return response


async def _hotline(settings: Settings, kinds: Kinds, app: web.Application) -> AsyncIterator[None]:
    async with open_hotline(
        settings,
        app[EVENTS],
        app[PRESENCE],
        media_channels=frozenset(k.name for k in kinds if k.carries_media),
        letter_channels=frozenset(k.name for k in kinds if k.writes_letters),
        faq_later=True,  # built by the refresher once the server listens (_background_work)
    ) as hotline:
        app[HOTLINE] = hotline
        app[STORE_HEALTH] = health = StoreHealth(hotline.storage.probe_write)
        async with background(health.watch()):
            yield


async def _channels(
    settings: Settings, kinds: Kinds, media: MediaStore, app: web.Application
) -> AsyncIterator[None]:
    hotline, events = app[HOTLINE], app[EVENTS]
    async with open_channels(
        settings,
        kinds,
        hotline.engine,
        hotline.conversations,
        hotline.storage,
        media,
        hotline.proofs,
    ) as running:
        app[CHANNELS] = running.channels
        app[OUTBOX] = Outbox(hotline.conversations, running.channels, events, running.wake_courier)
        app[TAKEOVER] = Takeover(hotline.conversations, app[OUTBOX], events)
        # In the background: the server listens at once, however much the last run left.
        recovering = recover_forever(
            hotline.engine,
            running.busy,
            settings.sweep_seconds,
            settings.stale_seconds,
            app[OUTBOX].hand_out,
        )
        async with background(recovering):
            yield


async def _background_work(settings: Settings, app: web.Application) -> AsyncIterator[None]:
    hotline, events = app[HOTLINE], app[EVENTS]
    async with (
        background(refresh_faq_forever(hotline.faq, settings.faq_refresh_seconds)),
        background(share_events(hotline.storage, events, settings.share_events)),
        background(hand_over_waiting(events, app[CHANNELS])),
        background(app[PRESENCE].follow()),
    ):
        yield


async def _casework(settings: Settings, app: web.Application) -> AsyncIterator[None]:
    chats = frozenset(app[CHANNELS].keys())  # the channels a staff member can answer on
    async with running_casework(
        settings, app[HOTLINE], app[EVENTS], app[TAKEOVER], app[PRESENCE], chats
    ) as casework:
        app[CASEWORK] = casework
        yield


async def _admin_tools(app: web.Application) -> AsyncIterator[None]:
    app[ADMIN_TOOLS] = await open_admin_tools(app[HOTLINE], app[CASEWORK])
    yield


async def _broadcasts(settings: Settings, app: web.Application) -> AsyncIterator[None]:
    """Notices to subscribers; a broadcast the last run left unfinished is finished."""
    hotline, storage = app[HOTLINE], app[HOTLINE].storage
    secret = await asyncio.to_thread(load_or_create_key, settings.secret_key, key_file(settings))
    base_url = settings.public_url or f"http://{settings.host}:{settings.port}"
    app[BROADCASTS] = Broadcaster(
        await storage.notices(),
        await storage.notice_deliveries(),
        await storage.subscriptions(),
        await storage.contact_book(),
        hotline.conversations,
        app[OUTBOX],
        poll_seconds=settings.broadcast_poll_seconds,
        stale_claim=timedelta(seconds=settings.broadcast_stale_claim_seconds),
        links=UnsubscribeLinks(secret.encode(), base_url),
    )
    async with background(app[BROADCASTS].run()):
        yield


async def _reading(app: web.Application) -> AsyncIterator[None]:
    """Readers start once every part can take what they read (a mail may file an emergency,
    which the casework announces), and stop first."""
    async with AsyncExitStack() as stack:
        for channel in app[CHANNELS].values():
            await stack.enter_async_context(channel.reading())
        yield


async def _let_connections_go(app: web.Application) -> None:
    """Before aiohttp waits for open requests: web chat sockets closed (1001), long polls woken."""
    channels = app.get(CHANNELS, {})
    await asyncio.gather(*(channel.stopping() for channel in channels.values()))

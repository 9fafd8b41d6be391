"""Which messaging platforms are on: those whose credentials are set (DESIGN §4).

Channels are built when the app is (their routes must be mounted before it starts) and opened
with the app's shared ClientSession once it runs; see `opened`. A platform module is imported
only when its credentials are set.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager, suppress
from dataclasses import dataclass

import aiohttp

from hotline.bot.conversation import ConversationStore
from hotline.bot.courier import Backoff, Courier
from hotline.channels.platform import Intake, PlatformChannel
from hotline.config import Settings
from hotline.storage.base import Storage


@dataclass(frozen=True)
class Platform:
    """A platform the hotline can talk on: when it is on, and how its channel is built."""

    name: str
    enabled: Callable[[Settings], bool]
    build: Callable[[Settings, Intake], PlatformChannel]


def _telegram(settings: Settings, intake: Intake) -> PlatformChannel:
    from hotline.channels.telegram.channel import TelegramChannel

    return TelegramChannel(settings, intake)


def _viber(settings: Settings, intake: Intake) -> PlatformChannel:
    from hotline.channels.viber.channel import ViberChannel

    return ViberChannel(settings, intake)


def _zalo(settings: Settings, intake: Intake) -> PlatformChannel:
    from hotline.channels.zalo.channel import ZaloChannel

    return ZaloChannel(settings, intake)


def _messenger(settings: Settings, intake: Intake) -> PlatformChannel:
    from hotline.channels.messenger.channel import MessengerChannel

    return MessengerChannel(settings, intake)


def _email(settings: Settings, intake: Intake) -> PlatformChannel:
    from hotline.channels.mail.channel import EmailChannel

    return EmailChannel(settings, intake)


PLATFORMS: tuple[Platform, ...] = (
    Platform("telegram", lambda s: bool(s.telegram_token and s.telegram_secret), _telegram),
    Platform("viber", lambda s: bool(s.viber_token), _viber),
    Platform(
        "zalo",
        lambda s: bool(s.zalo_app_id and s.zalo_secret_key and s.zalo_access_token),
        _zalo,
    ),
    Platform(
        "messenger",
        lambda s: bool(
            s.messenger_page_token and s.messenger_app_secret and s.messenger_verify_token
        ),
        _messenger,
    ),
    Platform("email", lambda s: bool(s.email_imap_host and s.email_imap_user), _email),
)


def platform_channels(settings: Settings, intake: Intake) -> dict[str, PlatformChannel]:
    """The channels of every platform whose credentials are set, by name."""
    return {p.name: p.build(settings, intake) for p in PLATFORMS if p.enabled(settings)}


def media_channels(channels: dict[str, PlatformChannel]) -> frozenset[str]:
    """Channels that carry photos and locations, so the report form asks for evidence."""
    return frozenset(name for name, channel in channels.items() if channel.carries_media)


@asynccontextmanager
async def opened(
    channels: dict[str, PlatformChannel], session: aiohttp.ClientSession
) -> AsyncIterator[None]:
    """Open every channel on the shared session; close them in reverse on the way out."""
    async with AsyncExitStack() as stack:
        for channel in channels.values():
            await channel.open(session)
            stack.push_async_callback(channel.close)
        yield


@asynccontextmanager
async def delivering(
    settings: Settings,
    channels: dict[str, PlatformChannel],
    intake: Intake,
    conversations: ConversationStore,
    storage: Storage,
) -> AsyncIterator[Courier]:
    """The platforms' side of a running app: the shared ClientSession, the channels opened,
    the courier running; on the way out background work is drained before the courier stops."""
    intake.storage = storage  # before the channels open: some keep small stores in it
    async with aiohttp.ClientSession() as session, opened(channels, session):
        courier = Courier(
            conversations,
            channels,
            backoff=Backoff(base=settings.courier_backoff_seconds),
            poll_seconds=settings.courier_poll_seconds,
        )
        intake.bind(conversations, courier.wake)
        task = asyncio.create_task(courier.run())
        try:
            yield courier
            await intake.drain()
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task


async def _register_telegram(settings: Settings, session: aiohttp.ClientSession) -> str:
    from hotline.channels.telegram.channel import register_webhook

    return await register_webhook(settings, session)


async def _register_viber(settings: Settings, session: aiohttp.ClientSession) -> str:
    from hotline.channels.viber.channel import register_webhook

    return await register_webhook(settings, session)


async def _zalo_steps(settings: Settings, session: aiohttp.ClientSession) -> str:
    from hotline.channels.zalo.channel import setup_instructions

    return setup_instructions(settings)


async def _messenger_steps(settings: Settings, session: aiohttp.ClientSession) -> str:
    from hotline.channels.messenger.channel import setup_instructions

    return setup_instructions(settings)


async def _email_note(settings: Settings, session: aiohttp.ClientSession) -> str:
    return f"email: no webhook; the mailbox {settings.email_imap_user} is read over IMAP"


Registrar = Callable[[Settings, aiohttp.ClientSession], Awaitable[str]]
REGISTRARS: dict[str, Registrar] = {
    "telegram": _register_telegram,
    "viber": _register_viber,
    "zalo": _zalo_steps,  # no API: the steps to take in Zalo's developer console
    "messenger": _messenger_steps,  # likewise in the Meta app dashboard
    "email": _email_note,  # no webhook: the mailbox is read over IMAP
}


async def set_webhooks(settings: Settings) -> list[str]:
    """`hotline webhooks set`: register our webhook with every platform that is on."""
    notes = []
    async with aiohttp.ClientSession() as session:
        for platform in PLATFORMS:
            if platform.enabled(settings):
                notes.append(await REGISTRARS[platform.name](settings, session))
    return notes or ["no messaging platform is configured (see HOTLINE_*_TOKEN)"]

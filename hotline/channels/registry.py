"""Every channel the hotline has, named once; a platform is on when its credentials are set
(the README's "Channels" section lists them).

Telegram and Viber are loaded only when they are on: their SDKs (python-telegram-bot, viberbot)
cost about 16 MiB of memory a process that does not use them need not pay.
"""

from __future__ import annotations

from collections.abc import Callable

import aiohttp

from hotline.channels.base import Channel
from hotline.channels.mail.channel import EmailChannel
from hotline.channels.messenger.channel import MessengerChannel
from hotline.channels.rest import RestChannel
from hotline.channels.telegram import telegram_on
from hotline.channels.viber import viber_on
from hotline.channels.webchat import WebChatChannel
from hotline.channels.zalo.channel import ZaloChannel
from hotline.config import Settings

# Whether a channel is on, and how to get its class.
Entry = tuple[Callable[[Settings], bool], Callable[[], type[Channel]]]


def _telegram() -> type[Channel]:
    from hotline.channels.telegram.channel import TelegramChannel

    return TelegramChannel


def _viber() -> type[Channel]:
    from hotline.channels.viber.channel import ViberChannel

    return ViberChannel


def _loaded(channel: type[Channel]) -> Entry:
    return channel.enabled, lambda: channel


CHANNELS: tuple[Entry, ...] = (
    _loaded(RestChannel),
    _loaded(WebChatChannel),
    (telegram_on, _telegram),
    (viber_on, _viber),
    _loaded(ZaloChannel),
    _loaded(MessengerChannel),
    _loaded(EmailChannel),
)


def channels_on(settings: Settings) -> tuple[type[Channel], ...]:
    """The channels these settings turn on, in the order they are opened."""
    return tuple(load() for on, load in CHANNELS if on(settings))


def every_channel() -> tuple[type[Channel], ...]:
    """Every channel, on or not (each platform's SDK loaded), in the order they are opened."""
    return tuple(load() for _, load in CHANNELS)


async def set_webhooks(settings: Settings) -> list[str]:
    """`hotline webhooks set`: register our webhook with every platform that is on."""
    notes = []
    async with aiohttp.ClientSession() as session:
        for channel in channels_on(settings):
            note = await channel.register(settings, session)
            if note is not None:
                notes.append(note)
    return notes or ["no messaging platform is configured (see HOTLINE_*_TOKEN)"]

"""Every channel the hotline has, named once; a platform is on when its credentials are set
(the README's "Channels" section lists them)."""

from __future__ import annotations

import aiohttp

from hotline.channels.base import Channel
from hotline.channels.mail.channel import EmailChannel
from hotline.channels.messenger.channel import MessengerChannel
from hotline.channels.rest import RestChannel
from hotline.channels.telegram.channel import TelegramChannel
from hotline.channels.viber.channel import ViberChannel
from hotline.channels.webchat import WebChatChannel
from hotline.channels.zalo.channel import ZaloChannel
from hotline.config import Settings

CHANNELS: tuple[type[Channel], ...] = (
    RestChannel,
    WebChatChannel,
    TelegramChannel,
    ViberChannel,
    ZaloChannel,
    MessengerChannel,
    EmailChannel,
)


def channels_on(settings: Settings) -> tuple[type[Channel], ...]:
    """The channels these settings turn on, in the order they are opened."""
    return tuple(channel for channel in CHANNELS if channel.enabled(settings))


async def set_webhooks(settings: Settings) -> list[str]:
    """`hotline webhooks set`: register our webhook with every platform that is on."""
    notes = []
    async with aiohttp.ClientSession() as session:
        for channel in channels_on(settings):
            note = await channel.register(settings, session)
            if note is not None:
                notes.append(note)
    return notes or ["no messaging platform is configured (see HOTLINE_*_TOKEN)"]

"""The channels at work: built on the running hotline, the courier sending for the platforms."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Container, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

import aiohttp

from hotline.bot.conversation import ConversationStore
from hotline.bot.courier import Backoff, Courier
from hotline.bot.media import MediaStore
from hotline.bot.waits import background
from hotline.channels.base import Channel, ChannelParts
from hotline.channels.delivery import Delivery
from hotline.channels.intake import Inbox, Intake
from hotline.config import Settings
from hotline.storage.base import Storage


@dataclass(frozen=True)
class OpenChannels:
    channels: Mapping[str, Channel]  # by name
    wake_courier: Callable[[], None]  # a reply for a platform was stored: send it now
    # (channel, message id) of the messages being processed in the background right now
    busy: Callable[[], Container[tuple[str, str]]] = frozenset


@asynccontextmanager
async def open_channels(
    settings: Settings,
    kinds: tuple[type[Channel], ...],
    inbox: Inbox,
    conversations: ConversationStore,
    storage: Storage,
    media: MediaStore,
) -> AsyncIterator[OpenChannels]:
    """Open each channel on the app's shared ClientSession and run the courier; on the way out,
    background work is drained, then the courier stops and the channels close in reverse."""
    woken = asyncio.Event()  # the courier's doorbell: the intake and the outbox ring it
    intake = Intake(inbox, conversations, media, wake=woken.set)
    async with aiohttp.ClientSession() as session, AsyncExitStack() as stack:
        parts = ChannelParts(settings, inbox, conversations, intake, session, storage)
        channels: dict[str, Channel] = {}
        for kind in kinds:
            channels[kind.name] = channel = await kind.open(parts)
            stack.push_async_callback(channel.close)
        courier = Courier(
            conversations,
            {n: c for n, c in channels.items() if c.delivery is Delivery.COURIER},
            woken=woken,
            backoff=Backoff(base=settings.courier_backoff_seconds),
            poll_seconds=settings.courier_poll_seconds,
            worker=settings.worker_id or None,
        )
        async with background(courier.run()):
            yield OpenChannels(channels, courier.wake, intake.in_flight)
            await intake.drain()

"""The channels at work: built on the running hotline, the courier sending for the platforms."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Container, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, replace

import aiohttp

from hotline.bot.conversation import ConversationStore
from hotline.bot.courier import Backoff, Courier
from hotline.bot.media import MediaStore
from hotline.bot.waits import background
from hotline.channels.base import Channel, ChannelParts
from hotline.channels.delivery import Delivery
from hotline.channels.intake import Inbox, Intake
from hotline.config import Settings
from hotline.handoff.confidentiality import SenderProofs
from hotline.storage.base import Storage

log = logging.getLogger(__name__)

RETRY_CAP = 60.0  # seconds between two tries to open a channel whose platform is unreachable


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
    proofs: SenderProofs | None = None,
) -> AsyncIterator[OpenChannels]:
    """Open each channel on the app's shared ClientSession and run the courier; on the way out,
    background work is drained, then the courier stops and the channels close in reverse."""
    woken = asyncio.Event()  # the courier's doorbell: the intake and the outbox ring it
    intake = Intake(inbox, conversations, media, wake=woken.set)
    async with aiohttp.ClientSession() as session, AsyncExitStack() as stack:
        parts = ChannelParts(settings, inbox, conversations, intake, session, storage)
        if proofs is not None:
            parts = replace(parts, proofs=proofs)
        channels: dict[str, Channel] = {}  # the app's, so a channel opened late joins it

        def opened(channel: Channel) -> None:
            channels[channel.name] = channel
            stack.push_async_callback(channel.close)

        late = [kind for kind in kinds if not await _opened(kind, parts, opened)]
        courier = Courier(
            conversations,
            {n: c for n, c in channels.items() if c.delivery is Delivery.COURIER},
            woken=woken,
            backoff=Backoff(base=settings.courier_backoff_seconds),
            poll_seconds=settings.courier_poll_seconds,
            worker=settings.worker_id or None,
        )

        def joined(channel: Channel) -> None:
            opened(channel)
            if channel.delivery is Delivery.COURIER:
                courier.add(channel)

        retrying = _open_late(late, parts, joined, settings.channel_retry_seconds)
        async with background(courier.run()), background(retrying):
            yield OpenChannels(channels, courier.wake, intake.in_flight)
            await intake.drain(settings.shutdown_seconds)


async def _opened(
    kind: type[Channel], parts: ChannelParts, opened: Callable[[Channel], None]
) -> bool:
    """Open a channel; False when its platform cannot be reached now (the rest serves)."""
    try:
        channel = await kind.open(parts)
    except Exception as exc:  # a platform's API down or unreachable must not stop the hotline
        if not kind.unreachable(exc):
            raise
        log.warning(
            "the %s channel could not open (%s); retrying in the background", kind.name, exc
        )
        return False
    opened(channel)
    return True


async def _open_late(
    kinds: list[type[Channel]],
    parts: ChannelParts,
    opened: Callable[[Channel], None],
    first_wait: float,
) -> None:
    """Retry each channel that could not open, waiting twice as long each time (at most
    RETRY_CAP seconds), until it opens; until cancelled."""

    async def retry(kind: type[Channel]) -> None:
        wait = first_wait
        while not await _opened(kind, parts, opened):
            await asyncio.sleep(wait)
            wait = min(wait * 2, RETRY_CAP)
        log.info("the %s channel is open", kind.name)

    await asyncio.gather(*(retry(kind) for kind in kinds))

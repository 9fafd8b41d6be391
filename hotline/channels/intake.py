"""How messages enter the hotline: the engine's front door, and the platforms' intake.

A webhook (or the mail reader) hands a message to `Intake.take`: it is stored before the webhook
answers 200, then processed in a tracked background task (photos downloaded first), and the
courier is woken so the reply goes out at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import replace
from typing import Any, Protocol

import aiohttp

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.media import MediaRejected, MediaStore, is_stored
from hotline.bot.messages import Attachment, ConversationKey, InboundMessage
from hotline.channels.delivery import DeliveryFailed

log = logging.getLogger(__name__)

# Fetches the bytes of a photo attachment whose url is the platform's own reference.
MediaFetch = Callable[[Attachment], Awaitable[bytes]]


class Inbox(Protocol):
    """All a channel may ask of the engine: take a message in."""

    async def handle(self, message: InboundMessage, hand_over: bool = False) -> list[OutboxItem]:
        """Store and process a message; a redelivery gets the replies it got before.
        `hand_over`: with what else waits for the conversation, marked delivered."""
        ...

    async def accept(self, message: InboundMessage) -> bool:
        """Store a message only (False for a redelivery); answer the webhook, then `finish`."""
        ...

    async def finish(self, message: InboundMessage, is_new: bool = True) -> list[OutboxItem]: ...


async def mark_unreachable(
    conversations: ConversationStore, key: ConversationKey, reason: str
) -> None:
    """Stop sending to a conversation until the citizen writes again."""
    state = await conversations.load(key)
    if state.unreachable != reason:
        await conversations.save_state(replace(state, unreachable=reason))


class Intake:
    """Store first, answer fast, process in the background; every task tracked."""

    def __init__(
        self,
        inbox: Inbox,
        conversations: ConversationStore,
        media: MediaStore,
        wake: Callable[[], None],
        max_downloads: int = 8,
    ) -> None:
        self.inbox = inbox
        self.conversations = conversations
        self.media = media
        self.wake = wake  # the courier's: replies were stored
        self._downloads = asyncio.Semaphore(max_downloads)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._in_flight: set[tuple[str, str]] = set()

    async def take(self, message: InboundMessage, fetch: MediaFetch | None = None) -> bool:
        """Store a message, then process it in the background (its photos fetched first with
        `fetch`); False for a redelivery."""
        if not any(a.kind == "photo" for a in message.attachments):
            fetch = None  # nothing to download
        is_new = await self.inbox.accept(message)
        handle = (message.key.channel, message.message_id)
        if not is_new and handle in self._in_flight:
            return False  # the first delivery is being processed right now
        self._in_flight.add(handle)
        task = self.spawn(self._process(message, is_new, fetch))
        task.add_done_callback(lambda _: self._in_flight.discard(handle))
        return is_new

    async def download(self, session: aiohttp.ClientSession, attachment: Attachment) -> bytes:
        """A photo at a plain URL (Viber's, Zalo's and Messenger's CDNs) through our session."""
        if not attachment.url:
            raise MediaRejected("photo without a URL")
        return await self.media.download(session, attachment.url)

    async def unreachable(self, key: ConversationKey, reason: str) -> None:
        """The platform told us the citizen left (unsubscribed, unfollowed)."""
        await mark_unreachable(self.conversations, key, reason)

    async def reachable(self, key: ConversationKey) -> None:
        """The platform told us the citizen is back (subscribed, followed)."""
        state = await self.conversations.load(key)
        if state.unreachable:
            await self.conversations.save_state(replace(state, unreachable=None))

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run work after the webhook answered, tracked so shutdown can wait for it."""
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # The message stays stored and unprocessed: a redelivery or the restart's
            # recovery processes it again.
            log.error("background work failed", exc_info=task.exception())

    async def _process(
        self, message: InboundMessage, is_new: bool, fetch: MediaFetch | None
    ) -> None:
        if fetch is not None and is_new:
            message = await self._with_media(message, fetch)
        items = await self.inbox.finish(message, is_new)
        if items:
            self.wake()

    async def _with_media(self, message: InboundMessage, fetch: MediaFetch) -> InboundMessage:
        kept = []
        for attachment in message.attachments:
            if attachment.kind == "photo" and not is_stored(attachment.url):
                attachment = await self._keep(attachment, fetch)
            kept.append(attachment)
        return replace(message, attachments=tuple(kept))

    async def _keep(self, attachment: Attachment, fetch: MediaFetch) -> Attachment:
        try:
            async with self._downloads:
                ref = await self.media.save(await fetch(attachment))
        except (MediaRejected, DeliveryFailed, aiohttp.ClientError, TimeoutError) as exc:
            log.warning("photo %s not kept: %s", attachment.url, exc)
            note = f"ảnh không lưu được ({exc})"
            return replace(attachment, url=None, caption=attachment.caption or note)
        return replace(attachment, url=ref)

    async def drain(self, grace: float = 10.0) -> None:
        """Wait for background work to end; cancel what is left after `grace` seconds."""
        pending = set(self._tasks)
        if not pending:
            return
        _, late = await asyncio.wait(pending, timeout=grace)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)
            log.warning("cancelled %d background tasks at shutdown", len(late))

    def in_flight(self) -> frozenset[tuple[str, str]]:
        """(channel, message id) of the messages taken and not yet finished here."""
        return frozenset(self._in_flight)

    @property
    def busy(self) -> int:
        return len(self._tasks)

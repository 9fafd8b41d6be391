"""What every messaging-platform channel shares.

`PlatformChannel` is the shape the courier drives: `send` only sends (True, or DeliveryFailed),
and the courier records the outcome. `Intake` is the webhook side: a message is stored before the
webhook answers 200, then processed in a tracked background task (photos downloaded first), and
the courier is woken so the reply goes out at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any, Protocol, TypeVar

import aiohttp
from aiohttp import web

from hotline.bot.contact_book import ContactBook
from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.media import MediaRejected, MediaStore, is_stored
from hotline.bot.messages import Attachment, ConversationKey, InboundMessage
from hotline.bot.ratelimit import RateLimit
from hotline.channels.base import DeliveryFailed, Inbox
from hotline.config import Settings
from hotline.storage.base import Storage

log = logging.getLogger(__name__)

# Fetches the bytes of a photo attachment whose url is the platform's own reference.
MediaFetch = Callable[[Attachment], Awaitable[bytes]]
Part = TypeVar("Part")


class RecipientGone(DeliveryFailed):
    """The citizen cannot be reached here any more (bot blocked, unsubscribed, no such chat)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, None)


class PlatformChannel(Protocol):
    """A messaging platform: webhook routes, a session-bound client, and a plain `send`."""

    name: str
    limit: RateLimit
    carries_media: bool  # photos and locations reach the report form as evidence

    def routes(self) -> list[web.AbstractRouteDef]: ...

    async def open(self, session: aiohttp.ClientSession) -> None:
        """Start talking to the platform through the app's shared session."""
        ...

    async def send(self, item: OutboxItem) -> bool:
        """Send a stored reply; True when the platform took it, else raise DeliveryFailed."""
        ...

    async def close(self) -> None: ...


async def mark_unreachable(
    conversations: ConversationStore, key: ConversationKey, reason: str
) -> None:
    """Stop sending to a conversation until the citizen writes again."""
    state = await conversations.load(key)
    if state.unreachable != reason:
        await conversations.save_state(replace(state, unreachable=reason))


class PartsSent:
    """How many parts of each long reply went out, so a retry sends only the rest."""

    def __init__(self) -> None:
        self._done: dict[int, int] = {}  # outbox id -> parts already sent

    async def send(
        self,
        item: OutboxItem,
        parts: Sequence[Part],
        send_part: Callable[[Part, bool], Awaitable[object]],
    ) -> None:
        """Send the parts not sent yet, in order; `send_part` is told which one is the last."""
        for index in range(self._done.get(item.id, 0), len(parts)):
            await send_part(parts[index], index == len(parts) - 1)
            self._done[item.id] = index + 1
        self._done.pop(item.id, None)


class ChannelContacts:
    """A channel's contact book (when each citizen last wrote, what was delivered and read),
    kept in the hotline's database on the hotline's own connection."""

    def __init__(self, channel: str) -> None:
        self._channel = channel
        self._book: ContactBook | None = None

    async def open(self, storage: Storage) -> None:
        self._book = await storage.contact_book()

    async def close(self) -> None:
        self._book = None  # the connection is the hotline's, closed by it

    @property
    def book(self) -> ContactBook:
        if self._book is None:
            raise RuntimeError(f"the {self._channel} channel is not open")
        return self._book


class ContactBookChannel:
    """What Zalo's and Messenger's channels share: our own client for the platform's HTTP API on
    the app's shared session, a contact book, and long replies sent in parts."""

    name: str
    limit: RateLimit
    carries_media = True

    def __init__(self, settings: Settings, intake: Intake) -> None:
        self._settings = settings
        self._intake = intake
        self._contacts = ChannelContacts(self.name)
        self._session: aiohttp.ClientSession | None = None
        self._parts_sent = PartsSent()

    async def open(self, session: aiohttp.ClientSession) -> None:
        """Keep the session, open the contact book, then connect to the platform's API."""
        self._session = session
        storage = self._intake.opened_storage()
        await self._contacts.open(storage)
        await self.connect(session, storage)

    async def connect(self, session: aiohttp.ClientSession, storage: Storage) -> None:
        """Build the API client; `storage` (the hotline's) keeps the channel's own stores."""
        raise NotImplementedError

    async def close(self) -> None:
        await self._contacts.close()

    async def _fetch(self, attachment: Attachment) -> bytes:
        return await self._intake.download(self._session, attachment)


def _nothing() -> None:
    return None


class Intake:
    """Store first, answer fast, process in the background; every task tracked."""

    def __init__(self, inbox: Inbox, media: MediaStore, max_downloads: int = 8) -> None:
        self.inbox = inbox
        self.media = media
        self.wake: Callable[[], None] = _nothing
        self.conversations: ConversationStore | None = None
        self.storage: Storage | None = None  # the hotline's, for the channels' own small stores
        self._downloads = asyncio.Semaphore(max_downloads)
        self._tasks: set[asyncio.Task[Any]] = set()
        self._in_flight: set[tuple[str, str]] = set()

    def bind(self, conversations: ConversationStore, wake: Callable[[], None]) -> None:
        """Connect to the open hotline: its store and the courier's wake-up."""
        self.conversations = conversations
        self.wake = wake

    def opened_storage(self) -> Storage:
        if self.storage is None:
            raise RuntimeError("the hotline is not open: channels open after it")
        return self.storage

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

    async def download(
        self, session: aiohttp.ClientSession | None, attachment: Attachment
    ) -> bytes:
        """A photo at a plain URL (Viber's, Zalo's and Messenger's CDNs) through our session."""
        if session is None or not attachment.url:
            raise MediaRejected("channel not open or photo without a URL")
        return await self.media.download(session, attachment.url)

    async def unreachable(self, key: ConversationKey, reason: str) -> None:
        """The platform told us the citizen left (unsubscribed, unfollowed)."""
        if self.conversations is None:
            raise RuntimeError("the intake is not bound to an open hotline")
        await mark_unreachable(self.conversations, key, reason)

    async def reachable(self, key: ConversationKey) -> None:
        """The platform told us the citizen is back (subscribed, followed)."""
        if self.conversations is None:
            raise RuntimeError("the intake is not bound to an open hotline")
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

    @property
    def busy(self) -> int:
        return len(self._tasks)

"""Live console events across workers: every worker's events go through the store.

Each worker's EventBus is in-process; an agent's console is connected to one worker while a
citizen's message may reach another. The relay appends each local event to a feed in the
store and publishes the other workers' events on the local bus, polling the feed (the
fallback that works on SQLite and on any MongoDB; a replica set could use a change stream
instead of the poll). Events are kept an hour: the console reloads anything older.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import deque
from datetime import UTC, datetime, timedelta
from typing import Protocol

from hotline.bot.events import Event, EventBus

log = logging.getLogger(__name__)
KEEP = timedelta(hours=1)

Entry = tuple[int, str, Event]  # sequence number, origin worker, event


class EventFeed(Protocol):
    async def append(self, origin: str, event: Event) -> None: ...

    async def after(self, seq: int, limit: int = 500) -> list[Entry]:
        """Events appended after `seq`, in order."""
        ...

    async def latest(self) -> int: ...

    async def prune(self, before: datetime) -> None: ...


class EventRelay:
    """Carries one worker's bus to the feed and the other workers' events back onto it."""

    def __init__(self, feed: EventFeed, bus: EventBus, poll_seconds: float = 0.5) -> None:
        self.feed = feed
        self.bus = bus
        self.poll_seconds = poll_seconds
        self.origin = uuid.uuid4().hex
        # Events this relay put on the bus itself: not to be sent back to the feed.
        self._relayed: deque[Event] = deque(maxlen=1000)

    async def run(self) -> None:
        """Relay until cancelled; a store that fails is retried, never fatal to the worker."""
        async with self.bus.subscribe() as local:
            seen = await self.feed.latest()
            outgoing = asyncio.create_task(self._send(local))
            try:
                polls = 0
                while True:
                    try:
                        seen = await self._receive(seen)
                        polls += 1
                        if polls % 1000 == 0:
                            await self.feed.prune(datetime.now(UTC) - KEEP)
                    except Exception:
                        log.exception("reading the console event feed failed; trying again")
                    await asyncio.sleep(self.poll_seconds)
            finally:
                outgoing.cancel()
                await asyncio.gather(outgoing, return_exceptions=True)

    async def _send(self, local: asyncio.Queue[Event]) -> None:
        while True:
            event = await local.get()
            if any(event is mine for mine in self._relayed):
                continue
            try:
                await self.feed.append(self.origin, event)
            except Exception:
                log.exception("could not share a console event with the other workers")

    async def _receive(self, seen: int) -> int:
        for seq, origin, event in await self.feed.after(seen):
            seen = seq
            if origin != self.origin:
                self._relayed.append(event)
                self.bus.publish(event)
        return seen


SHARING = ("auto", "on", "off")


def check_sharing(mode: str) -> None:
    if mode not in SHARING:
        raise ValueError(f"HOTLINE_SHARE_EVENTS must be one of {', '.join(SHARING)}, not {mode!r}")


class FeedSource(Protocol):
    """The hotline's storage, as far as sharing events needs it."""

    several_workers: bool

    async def event_feed(self) -> EventFeed: ...


def shared_by_workers(storage: FeedSource, mode: str = "auto") -> bool:
    """Whether several workers may use this store (HOTLINE_SHARE_EVENTS): then events go
    through it and conversations are leased; a process alone on a SQLite file needs neither."""
    return mode == "on" or (mode == "auto" and storage.several_workers)


async def share_events(storage: FeedSource, bus: EventBus, mode: str = "auto") -> None:
    """Relay this worker's live events through the store while the app runs.

    "auto" relays on MongoDB only, the shape with several workers: one process on a SQLite file
    has every console on its own bus already, and is spared a write per event and a poll. "on"
    relays on SQLite too, for several `hotline serve` processes sharing one file.
    """
    check_sharing(mode)
    if shared_by_workers(storage, mode):
        await EventRelay(await storage.event_feed(), bus).run()

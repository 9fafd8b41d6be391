"""Live console events across workers: every worker's events go through the store.

Each worker's EventBus is in-process; an agent's console is connected to one worker while a
citizen's message may reach another. The relay appends each local event to a feed in the
store and publishes the other workers' events on the local bus, polling the feed (the
fallback that works on SQLite and on any MongoDB; a replica set could use a change stream
instead of the poll). Events are kept an hour: the console reloads anything older.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import uuid
from collections import deque
from datetime import UTC, datetime, timedelta
from typing import Protocol

from pymongo import ASCENDING, IndexModel

from hotline.bot.events import Event, EventBus
from hotline.storage.mongo import MongoDatabase
from hotline.storage.open import Database
from hotline.storage.sqlite import SqliteDatabase

log = logging.getLogger(__name__)
KEEP = timedelta(hours=1)

SCHEMA = """
CREATE TABLE IF NOT EXISTS console_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    origin TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS console_events_at ON console_events (at);
"""

Entry = tuple[int, str, Event]  # sequence number, origin worker, event


class EventFeed(Protocol):
    async def append(self, origin: str, event: Event) -> None: ...

    async def after(self, seq: int, limit: int = 500) -> list[Entry]:
        """Events appended after `seq`, in order."""
        ...

    async def latest(self) -> int: ...

    async def prune(self, before: datetime) -> None: ...


class SqliteEventFeed:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteEventFeed:
        await db.migrate(SCHEMA)
        return cls(db)

    async def append(self, origin: str, event: Event) -> None:
        row = (origin, datetime.now(UTC).isoformat(), event.kind, json.dumps(event.data))
        await self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO console_events (origin, at, kind, data) VALUES (?, ?, ?, ?)", row
            )
        )

    async def after(self, seq: int, limit: int = 500) -> list[Entry]:
        def run(conn: sqlite3.Connection) -> list[Entry]:
            rows = conn.execute(
                "SELECT * FROM console_events WHERE seq > ? ORDER BY seq LIMIT ?", (seq, limit)
            )
            return [(r["seq"], r["origin"], Event(r["kind"], json.loads(r["data"]))) for r in rows]

        return await self._db.query(run)

    async def latest(self) -> int:
        row = await self._db.query(
            lambda c: c.execute("SELECT max(seq) FROM console_events").fetchone()
        )
        return int(row[0] or 0)

    async def prune(self, before: datetime) -> None:
        await self._db.transaction(
            lambda c: c.execute("DELETE FROM console_events WHERE at < ?", (before.isoformat(),))
        )


class MongoEventFeed:
    def __init__(self, db: MongoDatabase) -> None:
        self._db = db
        self._events = db.collection("console_events")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoEventFeed:
        # MongoDB drops old events itself: the TTL index does the pruning.
        indexes = [IndexModel([("at", ASCENDING)], expireAfterSeconds=int(KEEP.total_seconds()))]
        await db.ensure_indexes("console_events", indexes)
        return cls(db)

    async def append(self, origin: str, event: Event) -> None:
        (seq,) = await self._db.next_ids("console_events")
        doc = {"_id": seq, "origin": origin, "at": datetime.now(UTC), "kind": event.kind}
        await self._events.insert_one({**doc, "data": event.data})

    async def after(self, seq: int, limit: int = 500) -> list[Entry]:
        cursor = self._events.find({"_id": {"$gt": seq}}).sort("_id", ASCENDING).limit(limit)
        return [
            (d["_id"], d["origin"], Event(d["kind"], d["data"])) for d in await cursor.to_list()
        ]

    async def latest(self) -> int:
        doc = await self._events.find_one({}, sort=[("_id", -1)])
        return int(doc["_id"]) if doc else 0

    async def prune(self, before: datetime) -> None:
        return None


async def open_event_feed(db: Database) -> EventFeed:
    if isinstance(db, MongoDatabase):
        return await MongoEventFeed.open(db)
    return await SqliteEventFeed.open(db)


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


async def share_events(db: Database, bus: EventBus, mode: str = "auto") -> None:
    """Relay this worker's live events through the store while the app runs.

    "auto" relays on MongoDB only, the shape with several workers: one process on a SQLite file
    has every console on its own bus already, and is spared a write per event and a poll. "on"
    relays on SQLite too, for several `hotline serve` processes sharing one file.
    """
    check_sharing(mode)
    if mode == "on" or (mode == "auto" and isinstance(db, MongoDatabase)):
        await EventRelay(await open_event_feed(db), bus).run()

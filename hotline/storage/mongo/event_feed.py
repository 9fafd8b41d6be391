"""The console event feed in MongoDB: numbered documents that a TTL index drops after KEEP."""

from __future__ import annotations

from datetime import datetime

from pymongo import ASCENDING, IndexModel

from hotline.bot.event_feed import KEEP, Entry
from hotline.bot.events import Event
from hotline.clock import utc_now
from hotline.storage.mongo.database import MongoDatabase


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
        doc = {"_id": seq, "origin": origin, "at": utc_now(), "kind": event.kind}
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

"""FAQ entries in MongoDB: one document per entry (`_id` its id), a revision counter beside them.

Two admins saving at once cannot lose an edit: an update only lands on the version it read
(compare-and-set), and the loser reads again. The revision is bumped with `$inc` after every
write, so every worker's `refresh` sees a change within its polling interval.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace

from pymongo import ASCENDING, IndexModel, ReplaceOne
from pymongo.errors import DuplicateKeyError

from hotline.clock import utc_stamp
from hotline.faq.entries import STATUSES, FaqEntry
from hotline.storage.mongo.database import Document, MongoDatabase
from hotline.storage.portable import Record

INDEXES = [IndexModel([("status", ASCENDING), ("topic", ASCENDING), ("_id", ASCENDING)])]
_ORDER = [("topic", ASCENDING), ("_id", ASCENDING)]


class MongoFaqStore:
    """The production FAQ store. The database belongs to the app and outlives this store."""

    def __init__(self, db: MongoDatabase, clock: Callable[[], str] = utc_stamp) -> None:
        self._entries = db.collection("faq_entries")
        self._meta = db.collection("faq_meta")
        self._clock = clock
        self._closed = False

    @classmethod
    async def open(
        cls, db: MongoDatabase, *, clock: Callable[[], str] = utc_stamp
    ) -> MongoFaqStore:
        await db.ensure_indexes("faq_entries", INDEXES)
        return cls(db, clock)

    async def list(self, status: str | None = None) -> builtins.list[FaqEntry]:
        """Entries ordered by topic then id; only those with `status` when it is given."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown FAQ status: {status!r}")
        self._check_open()
        cursor = self._entries.find({} if status is None else {"status": status}).sort(_ORDER)
        return [_entry(d) for d in await cursor.to_list()]

    async def get(self, id: str) -> FaqEntry | None:
        self._check_open()
        doc = await self._entries.find_one({"_id": id})
        return None if doc is None else _entry(doc)

    async def put(self, entry: FaqEntry) -> FaqEntry:
        """Insert at version 1, or update and bump the version; unchanged content is kept as is."""
        self._check_open()
        while True:
            now = self._clock()
            current = await self.get(entry.id)
            if current is None:
                stored = replace(entry, version=1, updated_at=now)
                try:
                    await self._entries.insert_one(_doc(stored))
                except DuplicateKeyError:
                    continue  # someone created it first: update theirs
            else:
                if current.same_content(entry):
                    return current
                stored = replace(entry, version=current.version + 1, updated_at=now)
                result = await self._entries.replace_one(
                    {"_id": entry.id, "version": current.version}, _doc(stored)
                )
                if result.matched_count != 1:
                    continue  # someone saved in between: read theirs and try again
            await self._bump_revision()
            return stored

    async def put_many(self, entries: Sequence[FaqEntry]) -> builtins.list[FaqEntry]:
        """`put` each entry in turn (MongoDB has no cheap multi-document transaction here)."""
        return [await self.put(entry) for entry in entries]

    async def delete(self, id: str) -> bool:
        self._check_open()
        deleted = (await self._entries.delete_one({"_id": id})).deleted_count > 0
        if deleted:
            await self._bump_revision()
        return deleted

    async def revision(self) -> int:
        self._check_open()
        doc = await self._meta.find_one({"_id": "revision"})
        return int(doc["value"]) if doc else 0

    async def close(self) -> None:
        """Stop using the database; the app closes the database itself."""
        self._closed = True

    parts = ("faq_entries", "faq_revision")

    async def export(self, part: str) -> AsyncIterator[Record]:
        if part == "faq_revision":
            yield {"value": await self.revision()}
            return
        async for doc in self._entries.find().sort("_id", ASCENDING):
            yield _entry(doc).to_dict()

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if part == "faq_revision":
            # Never back: a worker that saw a revision must see the next change as one.
            value = max(r["value"] for r in records)
            await self._meta.update_one(
                {"_id": "revision"}, {"$max": {"value": value}}, upsert=True
            )
        elif records:
            docs = [_doc(FaqEntry.from_dict(r)) for r in records]
            requests = [ReplaceOne({"_id": d["_id"]}, d, upsert=True) for d in docs]
            await self._entries.bulk_write(requests, ordered=False)

    async def _bump_revision(self) -> None:
        await self._meta.update_one({"_id": "revision"}, {"$inc": {"value": 1}}, upsert=True)

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("FAQ store is closed")


def _doc(entry: FaqEntry) -> Document:
    data = entry.to_dict()
    return {"_id": data.pop("id"), **data}


def _entry(doc: Document) -> FaqEntry:
    data = dict(doc)
    return FaqEntry.from_dict({"id": data.pop("_id"), **data})

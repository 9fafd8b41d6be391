"""The Shelf on MongoDB: one collection, one document per record."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel, ReplaceOne, UpdateOne
from pymongo.errors import BulkWriteError

from hotline.storage.mongo.database import Document, MongoDatabase
from hotline.storage.portable import Record
from hotline.storage.shelf import Layout, MongoIndex

DUPLICATE_KEY = 11000  # MongoDB's error code for a taken key


class MongoShelf:
    def __init__(self, db: MongoDatabase, layout: Layout) -> None:
        self._db = db
        self.layout = layout
        self._docs = db.collection(layout.name)
        key, seq = layout.key, layout.sequence
        # Where the sequence number lives: `_id` when it is the key, else its own field.
        self._seq = "_id" if seq and key == (seq,) else seq
        self._kept = set(key) if len(key) > 1 and layout.mongo_key_fields else set[str]()

    @classmethod
    async def open(cls, db: MongoDatabase, layout: Layout) -> MongoShelf:
        await db.ensure_indexes(layout.name, [_index_model(i) for i in layout.mongo_indexes])
        return cls(db, layout)

    def _id(self, values: Sequence[Any]) -> Any:
        return values[0] if len(values) == 1 else self.layout.mongo_joint.join(map(str, values))

    def _field(self, field: str) -> str:
        return "_id" if self.layout.key == (field,) else field

    def _doc(self, record: Record) -> Document:
        key = self.layout.key
        doc = {f: v for f, v in record.items() if f not in key or f in self._kept}
        if key and all(k in record for k in key):
            doc["_id"] = self._id([record[k] for k in key])
        return doc

    def _record(self, doc: Document) -> Record:
        record = {f: v for f, v in doc.items() if f != "_id"}
        key = self.layout.key
        if len(key) == 1:
            record[key[0]] = doc["_id"]
        elif key and not all(k in record for k in key):
            parts = str(doc["_id"]).split(self.layout.mongo_joint, len(key) - 1)
            record.update(zip(key, parts, strict=True))
        return record

    def _order(self, newest_first: bool = False) -> list[tuple[str, int]]:
        way = DESCENDING if newest_first else ASCENDING
        return [(self._seq or "_id", way)]

    async def add(self, record: Record) -> Record | None:
        added = await self.add_many([record])
        return added[0] if added else None

    async def add_many(self, records: Sequence[Record]) -> list[Record]:
        seq = self.layout.sequence
        unnumbered = [i for i, r in enumerate(records) if seq and seq not in r]
        if seq and unnumbered:
            numbers = await self._db.next_ids(self.layout.name, len(unnumbered))  # across workers
            numbered = dict(zip(unnumbered, numbers, strict=True))
            records = [
                {**r, seq: numbered[i]} if i in numbered else r for i, r in enumerate(records)
            ]
        if not records:
            return []
        taken: set[int] = set()
        try:
            await self._docs.insert_many([self._doc(r) for r in records], ordered=False)
        except BulkWriteError as failed:
            errors = failed.details.get("writeErrors", [])
            if any(e.get("code") != DUPLICATE_KEY for e in errors):
                raise
            taken = {int(e["index"]) for e in errors}
        return [r for i, r in enumerate(records) if i not in taken]

    async def put(self, record: Record) -> None:
        doc = self._doc(record)
        await self._docs.replace_one({"_id": doc.pop("_id")}, doc, upsert=True)

    async def merge(self, record: Record, later: Collection[str]) -> None:
        doc = self._doc(record)
        key = doc.pop("_id")
        update: Document = {"$set": {f: v for f, v in doc.items() if f not in later}}
        update["$max"] = {f: v for f, v in doc.items() if f in later}
        await self._docs.update_one(
            {"_id": key}, {k: v for k, v in update.items() if v}, upsert=True
        )

    async def get(self, *key: Any) -> Record | None:
        doc = await self._docs.find_one({"_id": self._id(key)})
        return None if doc is None else self._record(doc)

    async def find(
        self, *, newest_first: bool = False, limit: int | None = None, **equal: Any
    ) -> list[Record]:
        cursor = self._docs.find(self._filter(equal))
        cursor = cursor.sort(self._order(newest_first))
        if limit is not None:
            cursor = cursor.limit(limit)
        return [self._record(d) for d in await cursor.to_list()]

    def _filter(self, equal: dict[str, Any]) -> Document:
        return {self._field(f): v for f, v in equal.items()}

    async def between(
        self, field: str, since: datetime, until: datetime | None = None, **equal: Any
    ) -> list[Record]:
        within = {"$gte": since} if until is None else {"$gte": since, "$lt": until}
        order = [(field, ASCENDING), *(self._order() if self._seq else [])]
        cursor = self._docs.find({**self._filter(equal), field: within}).sort(order)
        return [self._record(d) for d in await cursor.to_list()]

    async def update(self, keys: Sequence[Any], **values: Any) -> None:
        await self._docs.update_many({"_id": {"$in": list(keys)}}, {"$set": values})

    async def update_each(self, values: Mapping[Any, Mapping[str, Any]]) -> None:
        if values:
            requests = [UpdateOne({"_id": k}, {"$set": dict(v)}) for k, v in values.items()]
            await self._docs.bulk_write(requests, ordered=False)

    async def delete(self, **equal: Any) -> None:
        await self._docs.delete_many(self._filter(equal))

    async def export(self) -> AsyncIterator[Record]:
        async for doc in self._docs.find().sort("_id", ASCENDING):
            yield self._record(doc)

    async def restore(self, records: Sequence[Record]) -> None:
        if not records:
            return
        seq = self.layout.sequence
        requests = []
        for record in records:
            doc = self._doc(record)
            # Which stored document it replaces: by key, else by its sequence number.
            which = {"_id": doc.pop("_id")} if "_id" in doc else {str(seq): record[str(seq)]}
            requests.append(ReplaceOne(which, doc, upsert=True))
        await self._docs.bulk_write(requests, ordered=False)
        if seq:
            await self._db.count_past(self.layout.name, max(int(r[seq]) for r in records))


def _index_model(index: MongoIndex) -> IndexModel:
    options: dict[str, Any] = {}
    if index.expire_after_seconds is not None:
        options["expireAfterSeconds"] = index.expire_after_seconds
    return IndexModel(list(index.keys), **options)

"""Tickets in MongoDB: one document per ticket, `_id` its code, shaped for the queue queries.

Next to the ticket's own document the store keeps the fields the console sorts and filters on:
`due` and `created` (UTC instants), `closed` (so open tickets sort first) and `version` (the
number of history events, for compare-and-set). The reporter is sealed before it is stored.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel, ReplaceOne
from pymongo.errors import DuplicateKeyError

from hotline.handoff.crypto import Cipher
from hotline.handoff.store import CodeTaken, TicketQuery
from hotline.handoff.tickets import CLOSED_STATUSES, OPEN_STATUSES, Ticket
from hotline.storage.mongo.database import Document, MongoDatabase
from hotline.storage.portable import Record
from hotline.storage.sealed import opened_ticket, sealed_doc

CLOSED = CLOSED_STATUSES
INDEXES = [
    IndexModel([("source_key", ASCENDING)], unique=True),
    IndexModel([("channel", ASCENDING), ("sender", ASCENDING), ("created", DESCENDING)]),
    IndexModel([("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("status", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("team", ASCENDING), ("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("assignee", ASCENDING), ("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("district", ASCENDING), ("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("ward", ASCENDING), ("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("category", ASCENDING), ("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("forwarded_to", ASCENDING), ("closed", ASCENDING), ("due", ASCENDING)]),
    IndexModel([("created", ASCENDING)]),
]
_QUEUE_ORDER = [("closed", ASCENDING), ("due", ASCENDING)]


class MongoTicketStore:
    """`cipher` None keeps contact details readable: for tests of other parts only."""

    def __init__(self, db: MongoDatabase, cipher: Cipher | None = None) -> None:
        self._tickets = db.collection("tickets")
        self._cipher = cipher

    @classmethod
    async def open(cls, db: MongoDatabase, cipher: Cipher | None = None) -> MongoTicketStore:
        await db.ensure_indexes("tickets", INDEXES)
        return cls(db, cipher)

    def _doc(self, ticket: Ticket) -> Document:
        return _stored(sealed_doc(ticket, self._cipher))

    def _ticket(self, doc: Document | None) -> Ticket | None:
        return None if doc is None else opened_ticket(_own(doc), self._cipher)

    async def _many(self, cursor: Any) -> builtins.list[Ticket]:
        return [t for d in await cursor.to_list() if (t := self._ticket(d))]

    async def insert(self, ticket: Ticket) -> Ticket:
        existing = await self._tickets.find_one({"source_key": ticket.source_key})
        if existing:
            return self._ticket(existing) or ticket
        try:
            await self._tickets.insert_one(self._doc(ticket))
        except DuplicateKeyError as exc:
            # Another worker filed the same report a moment ago: theirs is the ticket.
            existing = await self._tickets.find_one({"source_key": ticket.source_key})
            if existing:
                return self._ticket(existing) or ticket
            raise CodeTaken(ticket.code) from exc
        return ticket

    async def get(self, code: str) -> Ticket | None:
        return self._ticket(await self._tickets.find_one({"_id": code}))

    async def save(self, ticket: Ticket) -> None:
        result = await self._tickets.replace_one({"_id": ticket.code}, self._doc(ticket))
        if result.matched_count != 1:
            raise KeyError(ticket.code)

    async def replace(self, ticket: Ticket, seen: Ticket) -> bool:
        # The version in the filter makes this one atomic compare-and-set across workers.
        result = await self._tickets.replace_one(
            {"_id": ticket.code, "version": seen.version}, self._doc(ticket)
        )
        return result.modified_count == 1

    async def for_conversation(self, channel: str, sender: str) -> builtins.list[Ticket]:
        cursor = self._tickets.find({"channel": channel, "sender": sender}).sort(
            "created", DESCENDING
        )
        return await self._many(cursor)

    async def list(self, status: str | None = None, limit: int = 100) -> builtins.list[Ticket]:
        cursor = self._tickets.find({"status": status} if status else {})
        return await self._many(cursor.sort("due", ASCENDING).limit(limit))

    async def find(self, query: TicketQuery) -> builtins.list[Ticket]:
        cursor = self._tickets.find(_filter(query)).sort(_QUEUE_ORDER).limit(query.limit)
        return await self._many(cursor)

    async def count(self, query: TicketQuery) -> int:
        return await self._tickets.count_documents(_filter(query), limit=query.limit)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    parts = ("tickets",)

    async def export(self, part: str) -> AsyncIterator[Record]:
        async for doc in self._tickets.find().sort("_id", ASCENDING):
            yield _own(doc)  # as stored: the reporter stays sealed

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if records:
            docs = [_stored(r) for r in records]
            requests = [ReplaceOne({"_id": d["_id"]}, d, upsert=True) for d in docs]
            await self._tickets.bulk_write(requests, ordered=False)


# What the store keeps beside the ticket's own document, for the queues and compare-and-set.
QUEUE_FIELDS = ("_id", "due", "created", "closed", "version")


def _stored(doc: Document) -> Document:
    """A ticket's document as stored, with the fields the console sorts and filters on."""
    due, created = (_utc(datetime.fromisoformat(doc[k])) for k in ("due_at", "created_at"))
    closed = doc["status"] in CLOSED
    version = len(doc["history"])
    return {
        **doc,
        "_id": doc["code"],
        "due": due,
        "created": created,
        "closed": closed,
        "version": version,
    }


def _own(doc: Document) -> Document:
    return {k: v for k, v in doc.items() if k not in QUEUE_FIELDS}


def _utc(moment: datetime) -> str:
    """UTC ISO strings, as the SQLite store keeps: text order is time order."""
    return moment.astimezone(UTC).isoformat()


def _filter(query: TicketQuery) -> Document:
    where: Document = {}
    if query.statuses:
        where["status"] = {"$in": list(query.statuses)}
        # Redundant with the statuses, but it lets a (..., closed, due) index seek.
        if set(query.statuses) <= set(OPEN_STATUSES):
            where["closed"] = False
        elif set(query.statuses) <= set(CLOSED):
            where["closed"] = True
    for field in ("category", "channel", "district", "ward", "team", "assignee"):
        value = getattr(query, field)
        if value:
            where[field] = value
    if query.unassigned:
        where["assignee"] = None
    if query.forwarded_to:
        where["forwarded_to"] = query.forwarded_to
    created: Document = {}
    if query.created_from:
        created["$gte"] = _utc(query.created_from)
    if query.created_until:
        created["$lt"] = _utc(query.created_until)
    if created:
        where["created"] = created
    if query.overdue_at:
        open_now = {
            "status": {"$in": list(OPEN_STATUSES)},
            "closed": False,
            "due": {"$lt": _utc(query.overdue_at)},
        }
        where = {"$and": [where, open_now]} if where else open_now
    return where

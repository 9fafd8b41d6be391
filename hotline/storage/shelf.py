"""A shelf: flat records in one SQLite table or one MongoDB collection.

Nine small stores (users, the audit log, deadline alerts, the contact log, rule documents,
platform tokens, the contact book, FAQ history, asked questions) keep flat records found by
key, by a few fields' values or by a time range. Each is written once, over shelves
(`storage/shared/`), and each back end implements the Shelf once (`sqlite/shelf.py`,
`mongo/shelf.py`). A store's `Layout` says how its records lie on each back end: the names,
the SQLite schema, the MongoDB indexes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from hotline.storage.portable import Record

ASCENDING = 1
DESCENDING = -1


@dataclass(frozen=True)
class MongoIndex:
    """A MongoDB index as plain data: the MongoDB back end builds pymongo's `IndexModel` from
    it, so a SQLite deployment loads the shared stores without loading pymongo."""

    keys: tuple[tuple[str, int], ...]  # (field, ASCENDING or DESCENDING), in order
    expire_after_seconds: int | None = None  # a TTL index


@dataclass(frozen=True, eq=False)
class Layout:
    """Where and how a store's records lie, on SQLite and on MongoDB.

    On MongoDB a one-field key is the document's `_id` (not repeated as a field); a key of
    several fields is joined into `_id` with `mongo_joint`, its fields kept in the document too
    unless `mongo_key_fields` is False; with no key, MongoDB's own `_id` is used and records are
    told apart by `sequence`, a number the back end hands out in insertion order (SQLite's
    AUTOINCREMENT, a MongoDB counter named after the collection).
    """

    name: str  # the SQLite table and the MongoDB collection
    sqlite_schema: str  # idempotent DDL
    mongo_indexes: tuple[MongoIndex, ...] = ()
    key: tuple[str, ...] = ()
    sequence: str | None = None
    times: frozenset[str] = frozenset()  # aware datetimes; UTC ISO text on SQLite
    documents: frozenset[str] = frozenset()  # nested JSON values; text on SQLite
    sqlite_columns: Mapping[str, str] = field(default_factory=dict)  # where a column is named apart
    # Columns added after the first release (name: definition): an older file gets them in place.
    sqlite_added: Mapping[str, str] = field(default_factory=dict)
    mongo_joint: str = "/"
    mongo_key_fields: bool = True


class Shelf(Protocol):
    layout: Layout

    async def add(self, record: Record) -> Record | None:
        """Insert; the record with its sequence number, or None when its key is taken."""
        ...

    async def add_many(self, records: Sequence[Record]) -> list[Record]:
        """Insert, in one write, the records whose key is free; those inserted, in order."""
        ...

    async def put(self, record: Record) -> None:
        """Insert, or replace the record with the same key whole."""
        ...

    async def merge(self, record: Record, later: Collection[str]) -> None:
        """Insert, or set these fields on the record with the same key; the fields in `later`
        only move forward (two workers, or a platform's receipts, may arrive out of order)."""
        ...

    async def get(self, *key: Any) -> Record | None: ...

    async def find(
        self, *, newest_first: bool = False, limit: int | None = None, **equal: Any
    ) -> list[Record]:
        """Records whose fields equal these values (None: empty), in sequence (else key) order."""
        ...

    async def between(
        self, field: str, since: datetime, until: datetime | None = None, **equal: Any
    ) -> list[Record]:
        """Records with `since <= field < until` (and these values), in that field's order, then
        sequence order."""
        ...

    async def update(self, keys: Sequence[Any], **values: Any) -> None:
        """Set fields on the records with these keys (a one-field key)."""
        ...

    async def update_each(self, values: Mapping[Any, Mapping[str, Any]]) -> None:
        """Set each record's own values, in one write: its key (a one-field key) → fields."""
        ...

    async def delete(self, **equal: Any) -> None: ...

    def export(self) -> AsyncIterator[Record]: ...

    async def restore(self, records: Sequence[Record]) -> None: ...


class OnShelf:
    """A store kept on one shelf: portable as the shelf's one table or collection."""

    def __init__(self, shelf: Shelf) -> None:
        self._shelf = shelf

    @property
    def parts(self) -> tuple[str, ...]:
        return (self._shelf.layout.name,)

    def export(self, part: str) -> AsyncIterator[Record]:
        return self._shelf.export()

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        await self._shelf.restore(records)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

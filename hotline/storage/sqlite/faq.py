"""FAQ entries in SQLite: one JSON document per entry, with the fields we filter on as columns."""

from __future__ import annotations

import asyncio
import builtins
import json
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from hotline.clock import utc_stamp
from hotline.faq.entries import STATUSES, FaqEntry
from hotline.storage.portable import Record
from hotline.storage.sqlite.database import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS faq_entries (
    id TEXT PRIMARY KEY,
    topic TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_entries_status_topic ON faq_entries (status, topic, id);
CREATE TABLE IF NOT EXISTS faq_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO faq_revision (id, value) VALUES (1, 0);
"""


class SqliteFaqStore:
    """The embedded FAQ store. The database belongs to the app and outlives this store."""

    def __init__(self, db: SqliteDatabase, clock: Callable[[], str] = utc_stamp) -> None:
        self._db = db
        self._clock = clock
        self._closed = False

    @classmethod
    async def open(
        cls, db: SqliteDatabase, *, clock: Callable[[], str] = utc_stamp
    ) -> SqliteFaqStore:
        """Create the tables if needed and return the store."""
        await db.migrate(SCHEMA)
        return cls(db, clock)

    async def list(self, status: str | None = None) -> builtins.list[FaqEntry]:
        """Entries ordered by topic then id; only those with `status` when it is given."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown FAQ status: {status!r}")

        def run(conn: sqlite3.Connection) -> builtins.list[str]:
            if status is None:
                rows = conn.execute("SELECT doc FROM faq_entries ORDER BY topic, id")
            else:
                rows = conn.execute(
                    "SELECT doc FROM faq_entries WHERE status = ? ORDER BY topic, id", (status,)
                )
            return [row["doc"] for row in rows]

        # Decoded and checked off the database's one thread: 10,000 entries take seconds, and
        # every turn's reads and writes would wait behind them.
        docs = await self._database().query(run)
        return await asyncio.to_thread(lambda: [_entry(doc) for doc in docs])

    async def get(self, id: str) -> FaqEntry | None:
        def run(conn: sqlite3.Connection) -> FaqEntry | None:
            row = conn.execute("SELECT doc FROM faq_entries WHERE id = ?", (id,)).fetchone()
            return None if row is None else _entry(row["doc"])

        return await self._database().query(run)

    async def put(self, entry: FaqEntry) -> FaqEntry:
        """Insert at version 1, or update and bump the version; unchanged content is kept as is."""
        return (await self.put_many([entry]))[0]

    async def put_many(self, entries: Sequence[FaqEntry]) -> builtins.list[FaqEntry]:
        """`put` each entry in one transaction, with one revision bump if any changed.

        The batch is worked out before the transaction (the stored versions read, the documents
        decoded, compared and encoded off the database's thread), so the file's write lock is
        held only for the writes: the server answering citizens on the same file waits
        milliseconds, not the seconds an import of 10,000 entries takes to encode. Should any
        entry change meanwhile, the transaction works the batch out again inside."""
        now = self._clock()
        db = self._database()
        ids = list(dict.fromkeys(entry.id for entry in entries))
        found = await db.query(partial(_stored, ids), quick=len(ids) <= QUICK_ENTRIES)
        plan = await asyncio.to_thread(_plan, entries, found, now)

        def run(conn: sqlite3.Connection) -> list[FaqEntry]:
            done = plan
            if _versions(conn, ids) != plan.versions:
                done = _plan(entries, _stored(ids, conn), now)
            conn.executemany(_INSERT, done.inserts)
            conn.executemany(_UPDATE, done.updates)
            if any(changed for _, changed in done.done):
                _bump_revision(conn)
            return [stored for stored, _ in done.done]

        return await db.transaction(run, quick=len(entries) <= QUICK_ENTRIES)

    async def delete(self, id: str) -> bool:
        def run(conn: sqlite3.Connection) -> bool:
            deleted = conn.execute("DELETE FROM faq_entries WHERE id = ?", (id,)).rowcount > 0
            if deleted:
                _bump_revision(conn)
            return deleted

        return await self._database().transaction(run)

    async def revision(self) -> int:
        def run(conn: sqlite3.Connection) -> int:
            row = conn.execute("SELECT value FROM faq_revision WHERE id = 1").fetchone()
            return int(row["value"])

        return await self._database().query(run, quick=True)

    async def close(self) -> None:
        """Stop using the database; the app closes the database itself."""
        self._closed = True

    parts = ("faq_entries", "faq_revision")

    async def export(self, part: str) -> AsyncIterator[Record]:
        if part == "faq_revision":
            yield {"value": await self.revision()}
            return
        async for row in self._db.rows("faq_entries"):
            yield json.loads(row["doc"])

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if part == "faq_revision":
            # Never back: a worker that saw a revision must see the next change as one.
            value = max(r["value"] for r in records)
            await self._db.transaction(
                lambda c: c.execute("UPDATE faq_revision SET value = max(value, ?)", (value,))
            )
            return
        entries = [FaqEntry.from_dict(r) for r in records]
        names = ("id", "topic", "status", "version", "updated_at", "doc")
        rows = [dict(zip(names, (*_columns(e), _doc(e)), strict=True)) for e in entries]
        await self._db.replace_rows("faq_entries", rows)

    def _database(self) -> SqliteDatabase:
        if self._closed:
            raise RuntimeError("FAQ store is closed")
        return self._db


def _bump_revision(conn: sqlite3.Connection) -> None:
    # Same transaction as the write: a reader never sees new content with an old revision.
    conn.execute("UPDATE faq_revision SET value = value + 1 WHERE id = 1")


def _columns(entry: FaqEntry) -> tuple[Any, ...]:
    return (entry.id, entry.topic, entry.status, entry.version, entry.updated_at)


def _doc(entry: FaqEntry) -> str:
    return json.dumps(entry.to_dict(), ensure_ascii=False)


def _entry(doc: str) -> FaqEntry:
    return FaqEntry.from_dict(json.loads(doc))


_COLUMNS = "id, topic, status, version, updated_at, doc"
_INSERT = f"INSERT INTO faq_entries ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)"
_SETS = "topic = ?, status = ?, version = ?, updated_at = ?, doc = ?"
_UPDATE = f"UPDATE faq_entries SET {_SETS} WHERE id = ?"
_IDS_A_QUERY = 500  # ids in one IN (...) list, well under SQLite's limit on parameters
QUICK_ENTRIES = (
    16  # entries put in one write on the loop's thread (an edit); more: the SQLite thread
)


def _outcome(entry: FaqEntry, current: FaqEntry | None, now: str) -> tuple[FaqEntry, bool]:
    """What putting `entry` over `current` stores, and whether it changes anything."""
    if current is None:
        return replace(entry, version=1, updated_at=now), True
    if current.same_content(entry):
        return current, False
    return replace(entry, version=current.version + 1, updated_at=now), True


@dataclass(frozen=True)
class _Plan:
    """A `put_many` worked out against the versions read before its transaction."""

    versions: dict[str, int]  # what the transaction must still find, or work it out again
    inserts: list[tuple[Any, ...]]
    updates: list[tuple[Any, ...]]
    done: list[tuple[FaqEntry, bool]]


def _stored(ids: Sequence[str], conn: sqlite3.Connection) -> dict[str, tuple[int, str]]:
    """The stored version and document of each of `ids` that exists."""
    found: dict[str, tuple[int, str]] = {}
    for first in range(0, len(ids), _IDS_A_QUERY):
        chunk = ids[first : first + _IDS_A_QUERY]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id, version, doc FROM faq_entries WHERE id IN ({marks})"
        for row in conn.execute(sql, chunk):
            found[row["id"]] = (row["version"], row["doc"])
    return found


def _versions(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for first in range(0, len(ids), _IDS_A_QUERY):
        chunk = ids[first : first + _IDS_A_QUERY]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT id, version FROM faq_entries WHERE id IN ({marks})"
        found.update((row["id"], row["version"]) for row in conn.execute(sql, chunk))
    return found


def _plan(entries: Sequence[FaqEntry], found: dict[str, tuple[int, str]], now: str) -> _Plan:
    """Inserts first, then updates in order: an id put twice is compared, the second time,
    with what the first put stores."""
    plan = _Plan({id: version for id, (version, _) in found.items()}, [], [], [])
    current: dict[str, FaqEntry | None] = {}
    for entry in entries:
        if entry.id not in current:
            stored_doc = found.get(entry.id)
            current[entry.id] = None if stored_doc is None else _entry(stored_doc[1])
        before = current[entry.id]
        stored, changed = _outcome(entry, before, now)
        if changed and before is None:
            plan.inserts.append((*_columns(stored), _doc(stored)))
        elif changed:
            plan.updates.append((*_columns(stored)[1:], _doc(stored), stored.id))
        current[entry.id] = stored
        plan.done.append((stored, changed))
    return plan

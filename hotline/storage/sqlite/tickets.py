"""Tickets in SQLite: one JSON document per ticket, with indexed columns for the queues.

The queue columns (district, ward, team, assignee, closed) are generated from the document by
SQLite itself, so no writer (this store, `hotline store migrate`, a benchmark's bulk fill) can
let them drift from it. Every queue index ends in (closed, due_at): "open first, then by
deadline" is index order and needs no sort. A database made before these columns existed gets
them on open, in one transaction. The reporter's contact details are sealed with the cipher
before they reach the file.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from typing import Any

from hotline.handoff.crypto import Cipher
from hotline.handoff.store import CodeTaken, TicketQuery
from hotline.handoff.tickets import CLOSED_STATUSES, OPEN_STATUSES, Ticket
from hotline.storage.portable import Record
from hotline.storage.sealed import opened_ticket, sealed_doc
from hotline.storage.sqlite.database import SqliteDatabase

TABLE = """
CREATE TABLE IF NOT EXISTS tickets (
    code TEXT PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    doc TEXT NOT NULL
)
"""
CLOSED = CLOSED_STATUSES
QUICK_COUNT = 100  # a count over at most this many rows runs on the loop's thread (the quota)
# Virtual generated columns: computed on read, stored only in the indexes below. SQLite adds
# these to an existing table without rewriting it (ALTER TABLE cannot add STORED ones).
QUEUE_COLUMNS = {
    "district": "TEXT GENERATED ALWAYS AS (json_extract(doc, '$.district')) VIRTUAL",
    "ward": "TEXT GENERATED ALWAYS AS (json_extract(doc, '$.ward')) VIRTUAL",
    "team": "TEXT GENERATED ALWAYS AS (json_extract(doc, '$.team')) VIRTUAL",
    "assignee": "TEXT GENERATED ALWAYS AS (json_extract(doc, '$.assignee')) VIRTUAL",
    "closed": "INTEGER GENERATED ALWAYS AS (status IN ('resolved', 'closed')) VIRTUAL",
}
INDEXES = {
    "tickets_conversation": "channel, sender, created_at",
    "tickets_queue": "status, due_at",
    "tickets_open": "closed, due_at",
    "tickets_team": "team, closed, due_at",
    "tickets_assignee": "assignee, closed, due_at",  # an agent's queue and the unassigned one
    "tickets_district": "district, closed, due_at",
    "tickets_ward": "ward, closed, due_at",
    # a rare category (emergencies) would otherwise walk the whole open queue to fill a page
    "tickets_category": "category, closed, due_at",
    "tickets_created": "created_at",
}
# Which agencies a ticket was sent to, a row each with the ticket's queue order (closed, due_at),
# kept by triggers from the ticket row (so by every writer, as the generated columns are): an
# agency's list reads its own rows in order, whether it has many tickets or none.
FORWARDS = """
CREATE TABLE IF NOT EXISTS ticket_forwards (
    agency TEXT NOT NULL,
    closed INTEGER NOT NULL,
    due_at TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (agency, closed, due_at, code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ticket_forwards_code ON ticket_forwards (code);
CREATE TRIGGER IF NOT EXISTS ticket_forwards_insert AFTER INSERT ON tickets BEGIN
    DELETE FROM ticket_forwards WHERE code = NEW.code;  -- an INSERT OR REPLACE of the ticket
    INSERT OR IGNORE INTO ticket_forwards (agency, closed, due_at, code)
        SELECT value, NEW.closed, NEW.due_at, NEW.code
        FROM json_each(NEW.doc, '$.forwarded_to');
END;
CREATE TRIGGER IF NOT EXISTS ticket_forwards_update AFTER UPDATE OF status, due_at, doc ON tickets
BEGIN
    DELETE FROM ticket_forwards WHERE code = OLD.code;
    INSERT OR IGNORE INTO ticket_forwards (agency, closed, due_at, code)
        SELECT value, NEW.closed, NEW.due_at, NEW.code
        FROM json_each(NEW.doc, '$.forwarded_to');
END;
CREATE TRIGGER IF NOT EXISTS ticket_forwards_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM ticket_forwards WHERE code = OLD.code;
END;
"""


def upgrade(conn: sqlite3.Connection) -> None:
    """Create the table, add the queue columns an older file lacks, and build the indexes."""
    conn.execute(TABLE)
    present = {row["name"] for row in conn.execute("PRAGMA table_xinfo(tickets)")}
    for name, definition in QUEUE_COLUMNS.items():
        if name not in present:
            conn.execute(f"ALTER TABLE tickets ADD COLUMN {name} {definition}")
    for name, columns in INDEXES.items():
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON tickets ({columns})")
    new = (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ticket_forwards'"
        ).fetchone()
        is None
    )
    for statement in _statements(FORWARDS):
        conn.execute(statement)
    if new:  # a file from before the table: what was forwarded already
        conn.execute(
            "INSERT OR IGNORE INTO ticket_forwards (agency, closed, due_at, code)"
            " SELECT f.value, t.closed, t.due_at, t.code"
            " FROM tickets t, json_each(t.doc, '$.forwarded_to') f"
        )


def _statements(script: str) -> list[str]:
    """A script's statements one by one (executescript would commit the open transaction)."""
    statements, current = [], ""
    for line in script.strip().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):  # a trigger's inner ";" does not end it
            statements.append(current)
            current = ""
    return statements


class SqliteTicketStore:
    """`cipher` None keeps contact details readable in the file: for tests of other parts only."""

    def __init__(self, db: SqliteDatabase, cipher: Cipher | None = None) -> None:
        self._db = db
        self._cipher = cipher

    @classmethod
    async def open(cls, db: SqliteDatabase, cipher: Cipher | None = None) -> SqliteTicketStore:
        await db.transaction(upgrade)
        return cls(db, cipher)

    def _row(self, ticket: Ticket) -> tuple[str, ...]:
        return _row_of(sealed_doc(ticket, self._cipher))

    def _ticket(self, row: sqlite3.Row | None) -> Ticket | None:
        return None if row is None else opened_ticket(json.loads(row["doc"]), self._cipher)

    def _tickets(self, rows: list[sqlite3.Row]) -> list[Ticket]:
        return [t for r in rows if (t := self._ticket(r))]

    async def insert(self, ticket: Ticket) -> Ticket:
        row = self._row(ticket)

        def run(conn: sqlite3.Connection) -> sqlite3.Row | None:
            existing = conn.execute(
                "SELECT doc FROM tickets WHERE source_key = ?", (ticket.source_key,)
            ).fetchone()
            if existing:
                return existing
            try:
                conn.execute("INSERT INTO tickets VALUES (?,?,?,?,?,?,?,?,?)", row)
            except sqlite3.IntegrityError as exc:
                raise CodeTaken(ticket.code) from exc
            return None

        existing = await self._db.transaction(run, quick=True)
        return self._ticket(existing) or ticket

    async def get(self, code: str) -> Ticket | None:
        row = await self._db.query(
            lambda c: c.execute("SELECT doc FROM tickets WHERE code = ?", (code,)).fetchone(),
            quick=True,
        )
        return self._ticket(row)

    async def save(self, ticket: Ticket) -> None:
        row = self._row(ticket)

        def run(conn: sqlite3.Connection) -> None:
            cur = conn.execute(
                "UPDATE tickets SET source_key=?, channel=?, sender=?, category=?, status=?,"
                " created_at=?, due_at=?, doc=? WHERE code=?",
                (*row[1:], row[0]),
            )
            if cur.rowcount != 1:
                raise KeyError(ticket.code)

        await self._db.transaction(run, quick=True)

    async def replace(self, ticket: Ticket, seen: Ticket) -> bool:
        row = self._row(ticket)

        def run(conn: sqlite3.Connection) -> bool:
            # One UPDATE with the version in its WHERE: atomic across connections and processes.
            cur = conn.execute(
                "UPDATE tickets SET status=?, due_at=?, doc=? WHERE code=?"
                " AND json_array_length(doc, '$.history') = ?",
                (row[5], row[7], row[8], ticket.code, seen.version),
            )
            return cur.rowcount == 1

        return await self._db.transaction(run, quick=True)

    async def for_conversation(self, channel: str, sender: str) -> list[Ticket]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT doc FROM tickets WHERE channel = ? AND sender = ? ORDER BY created_at DESC",
                (channel, sender),
            ).fetchall(),
            quick=True,  # one citizen's tickets, by an index
        )
        return self._tickets(rows)

    async def list(self, status: str | None = None, limit: int = 100) -> list[Ticket]:
        sql = "SELECT doc FROM tickets"
        args: tuple[object, ...] = ()
        if status:
            sql, args = sql + " WHERE status = ?", (status,)
        rows = await self._db.query(
            lambda c: c.execute(sql + " ORDER BY due_at LIMIT ?", (*args, limit)).fetchall()
        )
        return self._tickets(rows)

    async def find(self, query: TicketQuery) -> builtins.list[Ticket]:
        sql, args = find_sql(query)
        rows = await self._db.query(lambda c: c.execute(sql, args).fetchall())
        return self._tickets(rows)

    async def count(self, query: TicketQuery) -> int:
        sql, args = find_sql(query, count=True)
        # Counted over at most the limit: a small one (the quota's) is quick.
        quick = query.limit <= QUICK_COUNT
        row = await self._db.query(lambda c: c.execute(sql, args).fetchone(), quick=quick)
        return int(row[0])

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    parts = ("tickets",)

    async def export(self, part: str) -> AsyncIterator[Record]:
        async for row in self._db.rows("tickets"):
            yield json.loads(row["doc"])  # as stored: the reporter stays sealed

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        rows = [dict(zip(COLUMNS, _row_of(doc), strict=True)) for doc in records]
        await self._db.replace_rows("tickets", rows)


COLUMNS = tuple("code source_key channel sender category status created_at due_at doc".split())


def _row_of(doc: dict[str, Any]) -> tuple[str, ...]:
    """A stored document's row: the columns the queues read, then the document itself."""
    times = (_utc(datetime.fromisoformat(doc[k])) for k in ("created_at", "due_at"))
    return (*(doc[k] for k in COLUMNS[:6]), *times, json.dumps(doc, ensure_ascii=False))


def _utc(moment: datetime) -> str:
    """Column values in UTC, so text order is time order whatever zone a clock used."""
    return moment.astimezone(UTC).isoformat()


def find_sql(query: TicketQuery, count: bool = False) -> tuple[str, list[object]]:
    """The statement `find` runs and its arguments (for EXPLAIN QUERY PLAN in tests, too);
    with `count`, the statement `count` runs (in no order, so any index may serve it).

    An agency's list walks the agency's rows of ticket_forwards in queue order and joins the
    tickets; every other queue walks a tickets index in that order.
    """
    where, args = _where(query)
    if query.forwarded_to:
        source = "ticket_forwards f JOIN tickets t ON t.code = f.code"
        where, args = f"f.agency = ? AND {where}", [query.forwarded_to, *args]
        order = "f.closed, f.due_at"
    else:
        source, order = "tickets t", "t.closed, t.due_at"
    if count:
        return f"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT ?)", [
            *args,
            query.limit,
        ]
    sql = f"SELECT t.doc FROM {source} WHERE {where} ORDER BY {order} LIMIT ?"
    return sql, [*args, query.limit]


def _where(query: TicketQuery) -> tuple[str, list[object]]:
    """The conditions on the tickets (as `t`) other than the agency."""
    parts, args = ["1 = 1"], list[object]()
    if query.statuses:
        parts.append(f"t.status IN ({','.join('?' * len(query.statuses))})")
        args.extend(query.statuses)
        # Redundant with the statuses, but it lets a (..., closed, due_at) index seek.
        if set(query.statuses) <= set(OPEN_STATUSES):
            parts.append("t.closed = 0")
        elif set(query.statuses) <= set(CLOSED):
            parts.append("t.closed = 1")
    for field in ("category", "channel", "district", "ward", "team", "assignee"):
        value = getattr(query, field)
        if value:
            # A channel's tickets only grow: with a filing time to start from (the quota's
            # last minute), that time's index is the walk, the channel a test on each row
            # ("+" keeps SQLite from seeking tickets_conversation by channel alone, which
            # read every ticket the channel ever filed).
            unindexed = "+" if field == "channel" and query.created_from else ""
            parts.append(f"{unindexed}t.{field} = ?")
            args.append(value)
    if query.unassigned:
        parts.append("t.assignee IS NULL")
    if query.overdue_at:
        parts.append(f"t.status IN ({','.join('?' * len(OPEN_STATUSES))}) AND t.closed = 0")
        parts.append("t.due_at < ?")
        args.extend([*OPEN_STATUSES, _utc(query.overdue_at)])
    if query.created_from:
        parts.append("t.created_at >= ?")
        args.append(_utc(query.created_from))
    if query.created_until:
        parts.append("t.created_at < ?")
        args.append(_utc(query.created_until))
    return " AND ".join(parts), args

"""Tickets in SQLite: one JSON document per ticket, with indexed columns for the queues."""

from __future__ import annotations

import json
import sqlite3

from handoff.store import CodeTaken
from handoff.tickets import Ticket
from store.sqlite import SqliteDatabase

SCHEMA = """
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
);
CREATE INDEX IF NOT EXISTS tickets_conversation ON tickets (channel, sender, created_at);
CREATE INDEX IF NOT EXISTS tickets_queue ON tickets (status, due_at);
"""


def _row(ticket: Ticket) -> tuple[str, ...]:
    return (
        ticket.code,
        ticket.source_key,
        ticket.channel,
        ticket.sender,
        ticket.category,
        ticket.status,
        ticket.created_at.isoformat(),
        ticket.due_at.isoformat(),
        json.dumps(ticket.to_doc(), ensure_ascii=False),
    )


def _ticket(row: sqlite3.Row | None) -> Ticket | None:
    return Ticket.from_doc(json.loads(row["doc"])) if row else None


class SqliteTicketStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteTicketStore:
        await db.migrate(SCHEMA)
        return cls(db)

    async def insert(self, ticket: Ticket) -> Ticket:
        def run(conn: sqlite3.Connection) -> Ticket:
            existing = conn.execute(
                "SELECT doc FROM tickets WHERE source_key = ?", (ticket.source_key,)
            ).fetchone()
            if existing:
                return _ticket(existing) or ticket
            try:
                conn.execute("INSERT INTO tickets VALUES (?,?,?,?,?,?,?,?,?)", _row(ticket))
            except sqlite3.IntegrityError as exc:
                raise CodeTaken(ticket.code) from exc
            return ticket

        return await self._db.transaction(run)

    async def get(self, code: str) -> Ticket | None:
        return await self._db.query(
            lambda c: _ticket(
                c.execute("SELECT doc FROM tickets WHERE code = ?", (code,)).fetchone()
            )
        )

    async def save(self, ticket: Ticket) -> None:
        def run(conn: sqlite3.Connection) -> None:
            row = _row(ticket)
            cur = conn.execute(
                "UPDATE tickets SET source_key=?, channel=?, sender=?, category=?, status=?,"
                " created_at=?, due_at=?, doc=? WHERE code=?",
                (*row[1:], row[0]),
            )
            if cur.rowcount != 1:
                raise KeyError(ticket.code)

        await self._db.transaction(run)

    async def for_conversation(self, channel: str, sender: str) -> list[Ticket]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT doc FROM tickets WHERE channel = ? AND sender = ? ORDER BY created_at DESC",
                (channel, sender),
            ).fetchall()
        )
        return [t for r in rows if (t := _ticket(r))]

    async def list(self, status: str | None = None, limit: int = 100) -> list[Ticket]:
        sql = "SELECT doc FROM tickets"
        args: tuple[object, ...] = ()
        if status:
            sql, args = sql + " WHERE status = ?", (status,)
        rows = await self._db.query(
            lambda c: c.execute(sql + " ORDER BY due_at LIMIT ?", (*args, limit)).fetchall()
        )
        return [t for r in rows if (t := _ticket(r))]

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

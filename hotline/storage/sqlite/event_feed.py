"""The console event feed in SQLite: rows in append order, pruned by the relay."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from hotline.bot.event_feed import Entry
from hotline.bot.events import Event
from hotline.clock import utc_now
from hotline.storage.sqlite.database import SqliteDatabase

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


class SqliteEventFeed:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteEventFeed:
        await db.migrate(SCHEMA)
        return cls(db)

    async def append(self, origin: str, event: Event) -> None:
        row = (origin, utc_now().isoformat(), event.kind, json.dumps(event.data))
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

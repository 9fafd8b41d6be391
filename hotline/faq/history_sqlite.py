"""FAQ version history in SQLite: one row per saved version, the entry kept as a JSON document."""

from __future__ import annotations

import json
import sqlite3

from hotline.faq.entries import FaqEntry
from hotline.faq.history import Action, FaqVersion
from hotline.storage.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS faq_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_versions_entry ON faq_versions (entry_id, seq);
"""


class SqliteFaqHistory:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteFaqHistory:
        await db.migrate(SCHEMA)
        return cls(db)

    async def record(self, version: FaqVersion) -> None:
        entry = version.entry

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO faq_versions (entry_id, version, author, action, at, doc)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    entry.id,
                    entry.version,
                    version.author,
                    version.action,
                    version.at,
                    json.dumps(entry.to_dict(), ensure_ascii=False),
                ),
            )

        await self._db.transaction(run)

    async def versions(self, entry_id: str) -> list[FaqVersion]:
        def run(conn: sqlite3.Connection) -> list[FaqVersion]:
            rows = conn.execute(
                "SELECT author, action, at, doc FROM faq_versions WHERE entry_id = ? ORDER BY seq",
                (entry_id,),
            )
            return [
                FaqVersion(
                    FaqEntry.from_dict(json.loads(r["doc"])),
                    r["author"],
                    r["at"],
                    _action(r["action"]),
                )
                for r in rows
            ]

        return await self._db.query(run)

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""


def _action(value: str) -> Action:
    return value  # type: ignore[return-value]  # written only from the Action literal

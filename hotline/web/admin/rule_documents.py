"""Rules that admins edit as whole documents (deadlines per category, canned responses), kept
in a small store so an edit outlives a restart; SQLite back end here, MongoDB to follow."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any, Protocol

from hotline.storage.sqlite import SqliteDatabase


class RuleDocuments(Protocol):
    async def get(self, name: str) -> Any | None:
        """The document saved under `name`, or None if admins never changed the default."""
        ...

    async def put(self, name: str, doc: Any, author: str) -> None: ...

    async def close(self) -> None: ...


SCHEMA = """
CREATE TABLE IF NOT EXISTS rule_documents (
    name TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


class SqliteRuleDocuments:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteRuleDocuments:
        await db.migrate(SCHEMA)
        return cls(db)

    async def get(self, name: str) -> Any | None:
        def run(conn: sqlite3.Connection) -> Any | None:
            row = conn.execute("SELECT doc FROM rule_documents WHERE name = ?", (name,)).fetchone()
            return None if row is None else json.loads(row["doc"])

        return await self._db.query(run)

    async def put(self, name: str, doc: Any, author: str) -> None:
        row = (name, json.dumps(doc, ensure_ascii=False), author, datetime.now(UTC).isoformat())

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO rule_documents (name, doc, updated_by, updated_at)"
                " VALUES (?, ?, ?, ?)",
                row,
            )

        await self._db.transaction(run)

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""

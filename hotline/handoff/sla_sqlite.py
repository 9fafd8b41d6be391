"""The log of deadline alerts already sent, in SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

from hotline.storage.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS deadline_alerts (
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (code, kind)
);
"""


class SqliteAlertLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteAlertLog:
        await db.migrate(SCHEMA)
        return cls(db)

    async def claim(self, code: str, kind: str, at: datetime) -> bool:
        row = (code, kind, at.astimezone(UTC).isoformat())
        sql = "INSERT OR IGNORE INTO deadline_alerts VALUES (?,?,?)"
        return await self._db.transaction(lambda c: c.execute(sql, row).rowcount == 1)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

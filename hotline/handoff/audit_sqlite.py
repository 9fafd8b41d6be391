"""The audit log in SQLite: append-only rows."""

from __future__ import annotations

from datetime import UTC, datetime

from hotline.handoff.audit import AuditEntry
from hotline.storage.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    what TEXT NOT NULL,
    why TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_code ON audit_log (code, id);
"""


class SqliteAuditLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteAuditLog:
        await db.migrate(SCHEMA)
        return cls(db)

    async def record(self, entry: AuditEntry) -> None:
        row = (
            entry.at.astimezone(UTC).isoformat(),
            entry.who,
            entry.role,
            entry.code,
            entry.what,
            entry.why,
        )
        await self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO audit_log (at, who, role, code, what, why) VALUES (?,?,?,?,?,?)", row
            )
        )

    async def for_ticket(self, code: str) -> list[AuditEntry]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM audit_log WHERE code = ? ORDER BY id", (code,)
            ).fetchall()
        )
        return [
            AuditEntry(
                at=datetime.fromisoformat(r["at"]),
                who=r["who"],
                role=r["role"],
                code=r["code"],
                why=r["why"],
                what=r["what"],
            )
            for r in rows
        ]

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

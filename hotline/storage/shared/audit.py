"""The audit log: append-only, read per ticket in the order written."""

from __future__ import annotations

from hotline.handoff.audit import AuditEntry
from hotline.storage.shelf import ASCENDING, Layout, MongoIndex, OnShelf

AUDIT_LOG = Layout(
    "audit_log",
    sqlite_schema="""
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
""",
    mongo_indexes=(MongoIndex((("code", ASCENDING), ("seq", ASCENDING))),),
    sequence="seq",
    times=frozenset({"at"}),
    sqlite_columns={"seq": "id"},
)


class AuditLogOnShelf(OnShelf):
    async def record(self, entry: AuditEntry) -> None:
        # The sequence, not the clock, orders entries: two workers' clocks may disagree.
        await self._shelf.add(entry.to_record())

    async def for_ticket(self, code: str) -> list[AuditEntry]:
        return [AuditEntry.from_record(r) for r in await self._shelf.find(code=code)]

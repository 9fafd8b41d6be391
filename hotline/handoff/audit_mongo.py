"""The audit log in MongoDB: append-only documents, read per ticket in the order written."""

from __future__ import annotations

from pymongo import ASCENDING, IndexModel

from hotline.handoff.audit import AuditEntry
from hotline.storage.mongo import MongoDatabase

INDEXES = [IndexModel([("code", ASCENDING), ("seq", ASCENDING)])]


class MongoAuditLog:
    def __init__(self, db: MongoDatabase) -> None:
        self._db = db
        self._log = db.collection("audit_log")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoAuditLog:
        await db.ensure_indexes("audit_log", INDEXES)
        return cls(db)

    async def record(self, entry: AuditEntry) -> None:
        # A counter, not the clock, orders entries: two workers' clocks may disagree.
        (seq,) = await self._db.next_ids("audit_log")
        await self._log.insert_one(
            {
                "seq": seq,
                "at": entry.at,
                "who": entry.who,
                "role": entry.role,
                "code": entry.code,
                "what": entry.what,
                "why": entry.why,
            }
        )

    async def for_ticket(self, code: str) -> list[AuditEntry]:
        docs = await self._log.find({"code": code}).sort("seq", ASCENDING).to_list()
        return [
            AuditEntry(
                at=d["at"],
                who=d["who"],
                role=d["role"],
                code=d["code"],
                why=d["why"],
                what=d["what"],
            )
            for d in docs
        ]

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

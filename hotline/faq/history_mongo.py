"""FAQ version history in MongoDB: one document per saved version, in the order saved."""

from __future__ import annotations

from pymongo import ASCENDING, IndexModel

from hotline.faq.entries import FaqEntry
from hotline.faq.history import Action, FaqVersion
from hotline.storage.mongo import MongoDatabase

INDEXES = [IndexModel([("entry_id", ASCENDING), ("seq", ASCENDING)])]


class MongoFaqHistory:
    def __init__(self, db: MongoDatabase) -> None:
        self._db = db
        self._versions = db.collection("faq_versions")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoFaqHistory:
        await db.ensure_indexes("faq_versions", INDEXES)
        return cls(db)

    async def record(self, version: FaqVersion) -> None:
        (seq,) = await self._db.next_ids("faq_versions")  # save order, whatever the clocks say
        await self._versions.insert_one(
            {
                "seq": seq,
                "entry_id": version.entry.id,
                "version": version.entry.version,
                "author": version.author,
                "action": version.action,
                "at": version.at,
                "entry": version.entry.to_dict(),
            }
        )

    async def versions(self, entry_id: str) -> list[FaqVersion]:
        cursor = self._versions.find({"entry_id": entry_id}).sort("seq", ASCENDING)
        return [
            FaqVersion(FaqEntry.from_dict(d["entry"]), d["author"], d["at"], _action(d["action"]))
            for d in await cursor.to_list()
        ]

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""


def _action(value: str) -> Action:
    return value  # type: ignore[return-value]  # written only from the Action literal

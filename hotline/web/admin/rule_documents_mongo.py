"""Admin-edited rule documents in MongoDB: one document per name, replaced whole on save."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hotline.storage.mongo import MongoDatabase


class MongoRuleDocuments:
    def __init__(self, db: MongoDatabase) -> None:
        self._docs = db.collection("rule_documents")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoRuleDocuments:
        return cls(db)

    async def get(self, name: str) -> Any | None:
        found = await self._docs.find_one({"_id": name})
        return None if found is None else found["doc"]

    async def put(self, name: str, doc: Any, author: str) -> None:
        # One replace: a worker reading meanwhile sees the old rules or the new, never a mix.
        await self._docs.replace_one(
            {"_id": name},
            {"doc": doc, "updated_by": author, "updated_at": datetime.now(UTC)},
            upsert=True,
        )

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""

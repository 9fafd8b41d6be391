"""The newest Zalo token pair in MongoDB, shared by every worker."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime

from hotline.channels.zalo.tokens import PLATFORM, TokenPair
from hotline.storage.mongo import MongoDatabase


class MongoTokenStore:
    def __init__(self, db: MongoDatabase) -> None:
        self._tokens = db.collection("platform_tokens")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoTokenStore:
        return cls(db)

    async def load(self) -> TokenPair | None:
        doc = await self._tokens.find_one({"_id": PLATFORM})
        return TokenPair(**doc["pair"]) if doc else None

    async def save(self, pair: TokenPair) -> None:
        await self._tokens.update_one(
            {"_id": PLATFORM},
            {"$set": {"pair": asdict(pair), "updated_at": datetime.now(UTC)}},
            upsert=True,
        )

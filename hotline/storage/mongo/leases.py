"""Conversation leases in MongoDB: a document per conversation with its holder and expiry."""

from __future__ import annotations

from datetime import datetime

from pymongo.errors import DuplicateKeyError

from hotline.bot.messages import ConversationKey
from hotline.clock import utc_now
from hotline.storage.mongo.database import MongoDatabase


class MongoLeases:
    def __init__(self, db: MongoDatabase) -> None:
        self._leases = db.collection("conversation_leases")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoLeases:
        return cls(db)

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        # Matches only an expired lease or the holder's own; with none at all the upsert inserts
        # one, and another's live lease makes that insert collide on `_id`: one worker wins.
        try:
            await self._leases.find_one_and_update(
                {"_id": str(key), "$or": [{"until": {"$lt": utc_now()}}, {"holder": holder}]},
                {"$set": {"holder": holder, "until": until}},
                upsert=True,
            )
        except DuplicateKeyError:
            return False
        return True

    async def give_back(self, key: ConversationKey, holder: str) -> None:
        await self._leases.delete_one({"_id": str(key), "holder": holder})

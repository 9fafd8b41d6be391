"""Whether a sender wrote before: one indexed look, with nothing read back or decrypted."""

from __future__ import annotations

from hotline.bot.messages import ConversationKey
from hotline.storage.mongo.database import MongoDatabase


class MongoSenderHistory:
    """Part of the conversation store (its module is near the size limit)."""

    _db: MongoDatabase

    async def said_before(self, key: ConversationKey, message_id: str) -> bool:
        # The unique index on (channel, sender, message_id) of inbound messages answers it.
        found = await self._db.collection("messages").find_one(
            {
                "channel": key.channel,
                "sender": key.sender,
                "direction": "in",
                "message_id": {"$ne": message_id},
            },
            projection={"_id": 1},
        )
        return found is not None

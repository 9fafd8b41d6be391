"""A conversation's past in MongoDB: its transcript, and whether a sender wrote before (one
indexed look, with nothing read back or decrypted). Part of the conversation store."""

from __future__ import annotations

from typing import Any

from pymongo import DESCENDING
from pymongo.asynchronous.collection import AsyncCollection

from hotline.bot.messages import ConversationKey
from hotline.handoff.crypto import Cipher
from hotline.storage.mongo.database import Document, MongoDatabase
from hotline.storage.sealed import opened_record


class MongoConversationHistory:
    """What a conversation said so far."""

    _db: MongoDatabase
    _cipher: Cipher | None
    _messages: AsyncCollection[Document]

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

    async def transcript(self, key: ConversationKey, limit: int = 200) -> list[dict[str, Any]]:
        cursor = (
            self._messages.find({"channel": key.channel, "sender": key.sender})
            .sort("_id", DESCENDING)
            .limit(limit)
        )
        docs = list(reversed(await cursor.to_list()))
        return [_transcript_line(opened_record(d, self._cipher)) for d in docs]


def _transcript_line(doc: Document) -> dict[str, Any]:
    line: dict[str, Any] = {
        "direction": doc["direction"],
        "at": doc["created_at"].isoformat(),
        "id": doc["_id"],
        "reply_to": doc.get("reply_to"),
    }
    if doc["direction"] == "in":
        for field in ("text", "payload", "attachments", "metadata", "received_at"):
            line[field] = doc[field]
    else:
        line["text"] = doc["text"]
        for field in ("buttons", "agent"):
            if doc.get(field):
                line[field] = doc[field]
    return line

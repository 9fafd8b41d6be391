"""The contact log in MongoDB: one document per inbound message, keyed by its platform id."""

from __future__ import annotations

from datetime import UTC, datetime

from pymongo import ASCENDING, IndexModel

from hotline.bot.messages import InboundMessage
from hotline.storage.mongo import MongoDatabase
from hotline.web.admin.contacts import Contact, conversation_digest

INDEXES = [IndexModel([("at", ASCENDING)])]


class MongoContactLog:
    def __init__(self, db: MongoDatabase) -> None:
        self._contacts = db.collection("contacts")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoContactLog:
        await db.ensure_indexes("contacts", INDEXES)
        return cls(db)

    async def record(self, message: InboundMessage, intent: str | None, handled_by: str) -> None:
        key = message.key
        doc = {
            "channel": key.channel,
            "message_id": message.message_id,
            "at": (message.received_at or datetime.now(UTC)).astimezone(UTC),
            "conversation": conversation_digest(key.channel, key.sender),
            "intent": intent,
            "handled_by": handled_by,
        }
        # Keyed by the platform's message id: a redelivery replaces the document.
        await self._contacts.replace_one(
            {"_id": f"{key.channel}/{message.message_id}"}, doc, upsert=True
        )

    async def between(self, since: datetime, until: datetime) -> list[Contact]:
        cursor = self._contacts.find({"at": {"$gte": since, "$lt": until}}).sort("at", ASCENDING)
        return [
            Contact(d["channel"], d["at"], d["conversation"], d["intent"], d["handled_by"])
            for d in await cursor.to_list()
        ]

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""

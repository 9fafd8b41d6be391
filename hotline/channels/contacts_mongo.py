"""The platform contact book in MongoDB: one document per conversation, times only move forward."""

from __future__ import annotations

from datetime import UTC, datetime

from hotline.bot.messages import ConversationKey
from hotline.channels.contacts import Contact
from hotline.storage.mongo import MongoDatabase


class MongoContactBook:
    def __init__(self, db: MongoDatabase) -> None:
        self._contacts = db.collection("platform_contacts")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoContactBook:
        return cls(db)

    async def get(self, key: ConversationKey) -> Contact:
        doc = await self._contacts.find_one({"_id": str(key)})
        if doc is None:
            return Contact(key)
        return Contact(
            key,
            doc.get("last_inbound_at"),
            doc.get("last_message_id"),
            doc.get("delivered_at"),
            doc.get("read_at"),
        )

    async def heard_from(self, key: ConversationKey, at: datetime, message_id: str | None) -> None:
        """The citizen wrote at `at`: the message a reply quotes, and when the window opened."""
        await self._contacts.update_one(
            {"_id": str(key)},
            {
                "$max": {"last_inbound_at": at.astimezone(UTC)},
                "$set": {"last_message_id": message_id, "updated_at": datetime.now(UTC)},
            },
            upsert=True,
        )

    async def receipt(self, key: ConversationKey, kind: str, at: datetime) -> None:
        """The platform says our messages up to `at` were delivered ("delivery") or read."""
        field = {"delivery": "delivered_at", "read": "read_at"}[kind]
        # $max: receipts arrive out of order, and two workers may take them at once.
        await self._contacts.update_one(
            {"_id": str(key)},
            {"$max": {field: at.astimezone(UTC)}, "$set": {"updated_at": datetime.now(UTC)}},
            upsert=True,
        )

"""The platform channels' contact book: one record per conversation, times only move forward."""

from __future__ import annotations

from datetime import datetime

from hotline.bot.contact_book import PlatformContact
from hotline.bot.messages import ConversationKey
from hotline.clock import utc_now
from hotline.storage.shelf import Layout, OnShelf

PLATFORM_CONTACTS = Layout(
    "platform_contacts",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS platform_contacts (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    last_inbound_at TEXT,
    last_message_id TEXT,
    delivered_at TEXT,
    read_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, sender)
);
""",
    key=("channel", "sender"),
    times=frozenset({"last_inbound_at", "delivered_at", "read_at", "updated_at"}),
    mongo_joint=":",  # `_id` is the conversation key as text, "zalo:123"
    mongo_key_fields=False,
)
RECEIPTS = {"delivery": "delivered_at", "read": "read_at"}


class ContactBookOnShelf(OnShelf):
    async def get(self, key: ConversationKey) -> PlatformContact:
        record = await self._shelf.get(key.channel, key.sender)
        if record is None:
            return PlatformContact(key)
        return PlatformContact(
            key,
            record.get("last_inbound_at"),
            record.get("last_message_id"),
            record.get("delivered_at"),
            record.get("read_at"),
        )

    async def heard_from(self, key: ConversationKey, at: datetime, message_id: str | None) -> None:
        """The citizen wrote at `at`: the message a reply quotes, and when the window opened."""
        record = {"channel": key.channel, "sender": key.sender, "last_inbound_at": at}
        record.update(last_message_id=message_id, updated_at=utc_now())
        await self._shelf.merge(record, later={"last_inbound_at"})

    async def receipt(self, key: ConversationKey, kind: str, at: datetime) -> None:
        """The platform says our messages up to `at` were delivered ("delivery") or read."""
        field = RECEIPTS[kind]
        record = {"channel": key.channel, "sender": key.sender, field: at, "updated_at": utc_now()}
        # Receipts arrive out of order, and two workers may take them at once.
        await self._shelf.merge(record, later={field})

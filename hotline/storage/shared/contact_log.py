"""The dashboard's contact log: one record per inbound message, keyed by its conversation and
its platform id (the `message_id` column holds both, so files made before need no change)."""

from __future__ import annotations

from datetime import datetime

from pymongo import ASCENDING, IndexModel

from hotline.bot.contact_log import Contact, conversation_digest
from hotline.bot.messages import InboundMessage
from hotline.clock import utc_now
from hotline.storage.shelf import Layout, OnShelf

CONTACTS = Layout(
    "contacts",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS contacts (
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    at TEXT NOT NULL,
    conversation TEXT NOT NULL,
    intent TEXT,
    handled_by TEXT NOT NULL,
    PRIMARY KEY (channel, message_id)
);
CREATE INDEX IF NOT EXISTS contacts_at ON contacts (at);
""",
    mongo_indexes=(IndexModel([("at", ASCENDING)]),),
    key=("channel", "message_id"),
    times=frozenset({"at"}),
)


class ContactLogOnShelf(OnShelf):
    async def record(self, message: InboundMessage, intent: str | None, handled_by: str) -> None:
        key = message.key
        conversation = conversation_digest(key.channel, key.sender)
        # Keyed by the conversation and the message id: a redelivery replaces the record, and
        # another sender's message with the same id is a contact of its own.
        await self._shelf.put(
            {
                "channel": key.channel,
                "message_id": f"{conversation}/{message.message_id}",
                "at": message.received_at or utc_now(),
                "conversation": conversation,
                "intent": intent,
                "handled_by": handled_by,
            }
        )

    async def between(self, since: datetime, until: datetime) -> list[Contact]:
        return [Contact.from_record(r) for r in await self._shelf.between("at", since, until)]

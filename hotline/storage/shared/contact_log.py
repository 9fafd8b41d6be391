"""The dashboard's contact log: one record per inbound message, keyed by its conversation and
its platform id (the `message_id` column holds both, so files made before need no change)."""

from __future__ import annotations

from datetime import datetime

from hotline.bot.contact_log import Contact, HandledBy
from hotline.bot.messages import InboundMessage
from hotline.storage.shelf import ASCENDING, Layout, MongoIndex, OnShelf

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
    mongo_indexes=(MongoIndex((("at", ASCENDING),)),),
    key=("channel", "message_id"),
    times=frozenset({"at"}),
)


class ContactLogOnShelf(OnShelf):
    async def record(
        self, message: InboundMessage, intent: str | None, handled_by: HandledBy
    ) -> None:
        await self._shelf.put(Contact.of(message, intent, handled_by).to_record())

    async def between(self, since: datetime, until: datetime) -> list[Contact]:
        return [Contact.from_record(r) for r in await self._shelf.between("at", since, until)]

"""The dashboard's contact log: one record per inbound message, keyed by its conversation and
its platform id (the `message_id` column holds both, so files made before need no change).

On SQLite the table is keyed by (at, channel, message_id), WITHOUT ROWID: one B-tree, appended
in time order, which the dashboard's time range reads, instead of a table, an index on the
random conversation digest and one on the time (about 22 us a row against 5 at 200,000 rows:
each new row's digest landed on a page of its own). The same message is still one row: a turn
writes its contact once, in the transaction that marks the message processed, and a record
put again with its time replaces it. A file made before is rebuilt when the store opens
(`SqliteShelf.open`, every row kept)."""

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
    PRIMARY KEY (at, channel, message_id)
) WITHOUT ROWID;
-- The time's index of the table before, made again by an older process still on the file (a
-- rolling restart): the key serves the dashboard's range, and no statement names it.
DROP INDEX IF EXISTS contacts_at;
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

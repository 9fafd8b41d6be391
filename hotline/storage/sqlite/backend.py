"""Every store on one SQLite file: the embedded default, for one process or a few sharing it."""

from __future__ import annotations

from hotline.bot.event_feed import EventFeed
from hotline.bot.leases import ConversationLeases
from hotline.handoff.crypto import Cipher
from hotline.storage.base import (
    PortableConversations,
    PortableFaq,
    PortableRouting,
    PortableTickets,
    Storage,
)
from hotline.storage.shelf import Layout, Shelf
from hotline.storage.sqlite.conversations import SqliteConversationStore
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.event_feed import SqliteEventFeed
from hotline.storage.sqlite.faq import SqliteFaqStore
from hotline.storage.sqlite.leases import SqliteLeases
from hotline.storage.sqlite.routing import SqliteRoutingStore
from hotline.storage.sqlite.shelf import SqliteShelf
from hotline.storage.sqlite.tickets import SqliteTicketStore


class SqliteStorage(Storage):
    several_workers = False

    def __init__(self, db: SqliteDatabase) -> None:
        self.db = db

    @classmethod
    async def from_url(cls, url: str) -> SqliteStorage:
        """`sqlite:///var/hotline.db`: the file (and its folder) made if missing."""
        # Named, not `cls`: mypy then says so if a store is missing (the class stays abstract).
        return SqliteStorage(await SqliteDatabase.from_url(url))

    async def conversations(self, cipher: Cipher | None = None) -> PortableConversations:
        return await SqliteConversationStore.open(self.db, cipher)

    async def leases(self) -> ConversationLeases:
        return await SqliteLeases.open(self.db)

    async def event_feed(self) -> EventFeed:
        return await SqliteEventFeed.open(self.db)

    async def tickets(self, cipher: Cipher | None = None) -> PortableTickets:
        return await SqliteTicketStore.open(self.db, cipher)

    async def faq(self) -> PortableFaq:
        return await SqliteFaqStore.open(self.db)

    async def routing(self) -> PortableRouting:
        return await SqliteRoutingStore.open(self.db)

    async def shelf(self, layout: Layout) -> Shelf:
        return await SqliteShelf.open(self.db, layout)

    async def ping(self) -> bool:
        return await self.db.ping()

    async def probe_write(self) -> None:
        await self.db.probe_write()

    async def close(self) -> None:
        await self.db.close()

"""Every store on one MongoDB database: production, with several workers on a replica set."""

from __future__ import annotations

from hotline.bot.event_feed import EventFeed
from hotline.bot.leases import ConversationLeases
from hotline.clock import utc_now
from hotline.handoff.crypto import Cipher
from hotline.storage.base import (
    PortableConversations,
    PortableFaq,
    PortableRouting,
    PortableTickets,
    Storage,
)
from hotline.storage.mongo.conversations import MongoConversationStore
from hotline.storage.mongo.database import MongoDatabase
from hotline.storage.mongo.event_feed import MongoEventFeed
from hotline.storage.mongo.faq import MongoFaqStore
from hotline.storage.mongo.leases import MongoLeases
from hotline.storage.mongo.routing import MongoRoutingStore
from hotline.storage.mongo.shelf import MongoShelf
from hotline.storage.mongo.tickets import MongoTicketStore
from hotline.storage.shelf import Layout, Shelf


class MongoStorage(Storage):
    several_workers = True

    def __init__(self, db: MongoDatabase) -> None:
        self.db = db

    @classmethod
    async def from_url(cls, url: str) -> MongoStorage:
        """`mongodb://h1,h2/hotline?replicaSet=rs0`: connected, or an error within seconds."""
        # Named, not `cls`: mypy then says so if a store is missing (the class stays abstract).
        return MongoStorage(await MongoDatabase.from_url(url))

    async def conversations(self, cipher: Cipher | None = None) -> PortableConversations:
        return await MongoConversationStore.open(self.db, cipher)

    async def leases(self) -> ConversationLeases:
        return await MongoLeases.open(self.db)

    async def event_feed(self) -> EventFeed:
        return await MongoEventFeed.open(self.db)

    async def tickets(self, cipher: Cipher | None = None) -> PortableTickets:
        return await MongoTicketStore.open(self.db, cipher)

    async def faq(self) -> PortableFaq:
        return await MongoFaqStore.open(self.db)

    async def routing(self) -> PortableRouting:
        return await MongoRoutingStore.open(self.db)

    async def shelf(self, layout: Layout) -> Shelf:
        return await MongoShelf.open(self.db, layout)

    async def ping(self) -> bool:
        return await self.db.ping()

    async def probe_write(self) -> None:
        await self.db.collection("store_probe").update_one(
            {"_id": "probe"}, {"$set": {"at": utc_now()}}, upsert=True
        )

    async def close(self) -> None:
        await self.db.close()

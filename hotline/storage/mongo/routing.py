"""Routing rules and the agency directory in MongoDB, seeded with the province's defaults once.

The rules are one document (an ordered list), so replacing them is one atomic write: a worker
never routes by half of an admin's new rules.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from pymongo import ASCENDING, ReplaceOne
from pymongo.errors import DuplicateKeyError

from hotline.clock import utc_now
from hotline.handoff.routing import Agency, RoutingRule, load_defaults
from hotline.storage.mongo.database import MongoDatabase
from hotline.storage.portable import Record


class MongoRoutingStore:
    def __init__(self, db: MongoDatabase) -> None:
        self._rules = db.collection("routing")
        self._agencies = db.collection("agencies")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoRoutingStore:
        store = cls(db)
        await store._seed()
        return store

    async def _seed(self) -> None:
        """The defaults, once: an admin who empties the rules keeps them empty."""
        rules, agencies = load_defaults()
        try:
            await self._rules.insert_one(
                {"_id": "rules", "rules": [r.to_doc() for r in rules], "at": utc_now()}
            )
        except DuplicateKeyError:
            return  # seeded before, by this worker or another
        for agency in agencies:
            await self._agencies.update_one(
                {"_id": agency.name}, {"$setOnInsert": agency.to_doc()}, upsert=True
            )

    async def rules(self) -> list[RoutingRule]:
        doc = await self._rules.find_one({"_id": "rules"})
        return [RoutingRule.from_doc(r) for r in (doc or {}).get("rules", [])]

    async def replace_rules(self, rules: list[RoutingRule]) -> None:
        await self._rules.update_one(
            {"_id": "rules"},
            {"$set": {"rules": [r.to_doc() for r in rules], "at": utc_now()}},
            upsert=True,
        )

    async def agencies(self) -> list[Agency]:
        docs = await self._agencies.find().sort("_id", ASCENDING).to_list()
        return [Agency.from_doc({k: v for k, v in d.items() if k != "_id"}) for d in docs]

    async def put_agency(self, agency: Agency) -> None:
        await self._agencies.replace_one({"_id": agency.name}, agency.to_doc(), upsert=True)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    parts = ("routing_rules", "agencies")

    async def export(self, part: str) -> AsyncIterator[Record]:
        if part == "routing_rules":
            yield {"rules": [r.to_doc() for r in await self.rules()]}  # replaced whole
            return
        for agency in await self.agencies():
            yield agency.to_doc()

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if part == "routing_rules":
            for record in records:
                await self.replace_rules([RoutingRule.from_doc(d) for d in record["rules"]])
        elif records:
            docs = [Agency.from_doc(r).to_doc() for r in records]
            requests = [ReplaceOne({"_id": d["name"]}, d, upsert=True) for d in docs]
            await self._agencies.bulk_write(requests, ordered=False)

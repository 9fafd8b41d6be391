"""Routing rules and the agency directory in MongoDB, seeded with the province's defaults once.

The rules are one document (an ordered list), so replacing them is one atomic write: a worker
never routes by half of an admin's new rules.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pymongo import ASCENDING
from pymongo.errors import DuplicateKeyError

from hotline.handoff.routing import Agency, RoutingRule, load_defaults
from hotline.storage.mongo import MongoDatabase


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
                {"_id": "rules", "rules": [r.to_doc() for r in rules], "at": datetime.now(UTC)}
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
            {"$set": {"rules": [r.to_doc() for r in rules], "at": datetime.now(UTC)}},
            upsert=True,
        )

    async def agencies(self) -> list[Agency]:
        docs = await self._agencies.find().sort("_id", ASCENDING).to_list()
        return [Agency.from_doc({k: v for k, v in d.items() if k != "_id"}) for d in docs]

    async def put_agency(self, agency: Agency) -> None:
        await self._agencies.replace_one({"_id": agency.name}, agency.to_doc(), upsert=True)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

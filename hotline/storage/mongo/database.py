"""A MongoDB database shared by the stores of one process, through PyMongo's asyncio API.

The production back end: several bot workers share one replica set. Stores keep documents
shaped for their queries, create their indexes at start-up (`ensure_indexes`), and use
single-document atomic updates (`find_one_and_update`, `$inc`) where workers race. Where a
store must change several documents together, `transaction` runs them in a multi-document
transaction on a replica set, and in order (each step safe to repeat) on a standalone server.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar
from urllib.parse import urlparse

from pymongo import AsyncMongoClient, IndexModel, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import PyMongoError

T = TypeVar("T")
Document = dict[str, Any]
DEFAULT_DATABASE = "hotline"


def database_name(url: str) -> str:
    """`mongodb://h1,h2/hotline?replicaSet=rs0` -> `hotline`; no path -> `hotline`."""
    parsed = urlparse(url)
    if parsed.scheme not in ("mongodb", "mongodb+srv"):
        raise ValueError(f"not a MongoDB URL: {url!r}")
    return parsed.path.strip("/") or DEFAULT_DATABASE


class MongoDatabase:
    """One database of one MongoDB deployment, shared by the stores of a process."""

    def __init__(self, client: AsyncMongoClient[Document], name: str) -> None:
        self.client = client
        self.name = name
        self._db = client[name]
        self._replica_set: bool | None = None

    @classmethod
    async def from_url(cls, url: str, timeout_ms: int = 10_000) -> MongoDatabase:
        """Connect and check the server answers; raise if it does not within `timeout_ms`."""
        client: AsyncMongoClient[Document] = AsyncMongoClient(
            url, tz_aware=True, serverSelectionTimeoutMS=timeout_ms
        )
        db = cls(client, database_name(url))
        try:
            hello = await client.admin.command("hello")
        except BaseException:
            await client.close()
            raise
        db._replica_set = bool(hello.get("setName"))
        return db

    def collection(self, name: str) -> AsyncCollection[Document]:
        return self._db[name]

    async def ensure_indexes(self, collection: str, indexes: Sequence[IndexModel]) -> None:
        """Create a store's indexes (idempotent: MongoDB skips ones that already exist)."""
        if indexes:
            await self._db[collection].create_indexes(list(indexes))

    async def drop_index_if_present(self, collection: str, name: str) -> None:
        """Remove an index an earlier version made (an in-place upgrade); none there is fine."""
        existing = await self._db[collection].index_information()
        if name in existing:
            await self._db[collection].drop_index(name)

    async def next_ids(self, counter: str, count: int = 1) -> list[int]:
        """Reserve `count` consecutive integer ids from a named counter (atomic across workers)."""
        doc = await self._db["counters"].find_one_and_update(
            {"_id": counter},
            {"$inc": {"value": count}},
            upsert=True,
            return_document=ReturnDocument.AFTER,
        )
        if doc is None:  # an upsert with ReturnDocument.AFTER always returns one
            raise RuntimeError(f"counter {counter!r} was not created")
        last = int(doc["value"])
        return list(range(last - count + 1, last + 1))

    async def count_past(self, counter: str, value: int) -> None:
        """Move a counter past ids written from elsewhere (a migration), never back."""
        await self._db["counters"].update_one(
            {"_id": counter}, {"$max": {"value": value}}, upsert=True
        )

    @property
    def replica_set(self) -> bool:
        """Whether the server is a replica set member (multi-document transactions work)."""
        return bool(self._replica_set)

    async def transaction(self, fn: Callable[[AsyncClientSession | None], Awaitable[T]]) -> T:
        """Run `fn` in a transaction on a replica set; on a standalone server, run it plainly.

        `fn` gets the session to pass to every operation (None when there is none), and must
        order its writes so that a crash half-way leaves nothing a retry would duplicate.
        """
        if not self.replica_set:
            return await fn(None)
        async with self.client.start_session() as session:
            result: T = await session.with_transaction(fn)
            return result

    async def ping(self) -> bool:
        try:
            await self.client.admin.command("ping")
        except PyMongoError:
            return False
        return True

    async def drop(self) -> None:
        """Drop the whole database: for tests and benchmarks on a scratch database only."""
        await self.client.drop_database(self.name)

    async def close(self) -> None:
        await self.client.close()

"""The MongoDB database under every store, against the session's MongoDB server."""

from __future__ import annotations

import asyncio
import gc
import warnings
from collections.abc import AsyncIterator

import pytest
from pymongo import ASCENDING, IndexModel
from pymongo.errors import DuplicateKeyError, ServerSelectionTimeoutError

from hotline.storage.mongo.database import MongoDatabase, database_name
from tests.support.mongo_server import scratch_url


@pytest.fixture
async def mongo(mongo_url: str) -> AsyncIterator[MongoDatabase]:
    db = await MongoDatabase.from_url(scratch_url(mongo_url))
    yield db
    await db.drop()
    await db.close()


def test_the_database_comes_from_the_url_path() -> None:
    assert database_name("mongodb://a,b,c/hotline?replicaSet=rs0") == "hotline"
    assert database_name("mongodb://localhost:27017") == "hotline"
    assert database_name("mongodb://localhost/other") == "other"
    with pytest.raises(ValueError):
        database_name("sqlite:///var/hotline.db")


async def test_counters_hand_out_each_id_once_under_concurrency(mongo: MongoDatabase) -> None:
    batches = await asyncio.gather(*(mongo.next_ids("messages", 3) for _ in range(8)))
    ids = sorted(i for batch in batches for i in batch)
    assert ids == list(range(1, 25))
    assert all(batch == list(range(batch[0], batch[0] + 3)) for batch in batches)


async def test_unique_indexes_refuse_duplicates(mongo: MongoDatabase) -> None:
    index = IndexModel([("channel", ASCENDING), ("message_id", ASCENDING)], unique=True)
    await mongo.ensure_indexes("things", [index])
    await mongo.ensure_indexes("things", [index])  # again at the next start: no error
    things = mongo.collection("things")
    await things.insert_one({"channel": "zalo", "message_id": "1"})
    await things.insert_one({"channel": "viber", "message_id": "1"})
    with pytest.raises(DuplicateKeyError):
        await things.insert_one({"channel": "zalo", "message_id": "1"})


async def test_transaction_runs_the_steps(mongo: MongoDatabase) -> None:
    async def steps(session: object) -> int:
        await mongo.collection("a").insert_one({"_id": 1}, session=session)  # type: ignore[arg-type]
        await mongo.collection("b").insert_one({"_id": 1}, session=session)  # type: ignore[arg-type]
        return 2

    assert await mongo.transaction(steps) == 2
    assert await mongo.collection("b").count_documents({}) == 1


async def test_an_unreachable_server_fails_fast() -> None:
    with pytest.raises(ServerSelectionTimeoutError):
        await MongoDatabase.from_url("mongodb://127.0.0.1:9/x", timeout_ms=300)
    # PyMongo 4.20 leaves behind the socket of a connect that closing the client cancels
    # (`_async_create_connection` closes it on OSError, not on CancelledError). Collect it
    # here, where it is known and harmless, not in whichever test runs next.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()

"""The MongoDB conversation store's turn in a multi-document transaction (replica sets)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from hotline.bot.conversation import ConversationState
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.storage.mongo.conversations import RETIRED_INDEX, MongoConversationStore
from hotline.storage.mongo.database import MongoDatabase
from tests.support.mongo_server import scratch_url

KEY = ConversationKey("zalo", "u1")


@pytest.fixture
async def db(mongo_url: str) -> AsyncIterator[MongoDatabase]:
    database = await MongoDatabase.from_url(scratch_url(mongo_url))
    yield database
    await database.drop()
    await database.close()


@pytest.mark.parametrize("replica_set", [False, True])
async def test_a_turn_commits_with_and_without_transactions(
    db: MongoDatabase, replica_set: bool
) -> None:
    db._replica_set = replica_set  # mongoeco runs transactions though it is no replica set
    store = await MongoConversationStore.open(db)
    message = InboundMessage(key=KEY, message_id="m1", text="hết gạo")
    await store.record_inbound(message)
    state = ConversationState(KEY).goto("report", "ask_ward")
    items = await store.commit_turn(message, state, [OutboundMessage(KEY, "Phường nào?")])
    assert await store.replies_to(message) == items  # read back exactly as handed out
    assert await store.load(KEY) == state
    assert await store.pending(KEY) == items
    assert await store.unprocessed() == []


async def test_held_replies_of_a_broken_turn_are_never_sent(db: MongoDatabase) -> None:
    store = await MongoConversationStore.open(db)
    message = InboundMessage(key=KEY, message_id="m1", text="hết gạo")
    await store.record_inbound(message)
    # A worker died after storing its replies, before marking the message processed.
    await store._insert_replies([OutboundMessage(KEY, "nửa chừng")], 1, "held")
    assert await store.pending(KEY) == []
    assert await store.replies_to(message) is None
    assert [m.message_id for m in await store.unprocessed()] == ["m1"]


async def test_a_database_that_deduplicated_by_id_alone_is_upgraded_in_place(
    db: MongoDatabase,
) -> None:
    """Databases made before had a unique index on (channel, message_id): it goes on open."""
    messages = db.collection("messages")
    await messages.create_index(
        [("channel", 1), ("message_id", 1)],
        unique=True,
        partialFilterExpression={"direction": "in"},
        name=RETIRED_INDEX,
    )
    store = await MongoConversationStore.open(db)
    assert RETIRED_INDEX not in await messages.index_information()
    await MongoConversationStore.open(db)  # again: nothing to drop, nothing fails
    assert await store.record_inbound(InboundMessage(key=KEY, message_id="m1"))
    other = InboundMessage(key=ConversationKey("zalo", "u2"), message_id="m1")
    assert await store.record_inbound(other)
    assert not await store.record_inbound(InboundMessage(key=KEY, message_id="m1"))

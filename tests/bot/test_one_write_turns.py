"""A turn is one write: what a failed turn leaves, concurrent turns sharing commits, and leases
taken only when several workers share the store."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.leases import ConversationLeases
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.config import Settings
from hotline.storage.sqlite.backend import SqliteStorage
from hotline.web.app import create_app
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of

# Fails the turn's transaction after its state and processed mark are written, as a full disk
# would at the reply: everything the turn wrote must go.
FAIL_AT_THE_REPLY = """
CREATE TRIGGER fail_at_the_reply AFTER INSERT ON messages WHEN NEW.direction = 'out'
BEGIN SELECT RAISE(ABORT, 'injected failure at the reply'); END
"""


def sqlite_of(client: TestClient) -> SqliteStorage:
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    return storage


async def test_a_turn_that_fails_at_the_reply_leaves_it_to_try_again(client: TestClient) -> None:
    db = sqlite_of(client).db
    conversations = hotline_of(client).conversations
    key = ConversationKey("rest", "fails-once")
    await db.transaction(lambda c: c.execute(FAIL_AT_THE_REPLY))
    body = {"sender": key.sender, "message": "/report_violation"}
    body["metadata"] = {"message_id": "fails-1"}
    resp = await client.post("/webhooks/rest/webhook", json=body)
    assert resp.status >= 500, "no answer without the commit that holds it"

    [kept] = await conversations.unprocessed()  # kept, not processed: no mark
    assert kept.message_id == "fails-1"
    assert await conversations.pending(key) == [], "no reply"
    assert (await conversations.load(key)).dialog is None, "no state"

    await db.transaction(lambda c: c.execute("DROP TRIGGER fail_at_the_reply"))
    assert await hotline_of(client).engine.recover() == 1  # the sweep tries it again
    replies = [item.message.text for item in await conversations.pending(key)]
    assert replies and (await conversations.load(key)).dialog is not None
    again = await client.post("/webhooks/rest/webhook", json=body)  # the app sends it again
    assert [r["text"] for r in await again.json()] == replies


async def test_concurrent_turns_share_commits(client: TestClient) -> None:
    db = sqlite_of(client).db
    engine = hotline_of(client).engine
    messages = [
        InboundMessage(
            ConversationKey("rest", f"group-{n}"),
            f"group-{n}",
            text="cách ly bao nhiêu ngày",
            received_at=datetime.now(UTC),
        )
        for n in range(40)
    ]
    before = db.commits
    answers = await asyncio.gather(*(engine.handle(m) for m in messages))
    commits = db.commits - before
    print(f"{len(messages)} concurrent turns, {commits} commits")
    assert all(answer for answer in answers), "every turn answered"
    assert commits < len(messages), "turns queued together share a commit"
    conversations = hotline_of(client).conversations
    for message, answer in zip(messages, answers, strict=True):
        assert await conversations.replies_to(message) == answer, "and each one kept"


class CountedLeases:
    """The store's leases, counting what the engine asks of them."""

    def __init__(self, leases: ConversationLeases) -> None:
        self.leases = leases
        self.taken = 0

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        self.taken += 1
        return await self.leases.take(key, holder, until)

    async def give_back(self, key: ConversationKey, holder: str) -> None:
        await self.leases.give_back(key, holder)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[CountedLeases]:
    made: list[CountedLeases] = []
    opened = SqliteStorage.leases

    async def leases(self: SqliteStorage) -> ConversationLeases:
        made.append(CountedLeases(await opened(self)))
        return made[-1]

    monkeypatch.setattr(SqliteStorage, "leases", leases)
    return made


async def test_a_process_alone_on_its_store_takes_no_lease(
    client: TestClient, counted: list[CountedLeases]
) -> None:
    chat = RestChat(client, sender="alone")
    await chat.say("xin chào")
    assert chat.last
    assert [c.taken for c in counted] == [], "no lease asked for"
    assert hotline_of(client).engine.leases is None


async def test_workers_sharing_a_store_lease_each_turn(
    aiohttp_client: Callable, settings: Settings, counted: list[CountedLeases]
) -> None:
    shared = replace(settings, share_events="on")
    first = await aiohttp_client(create_app(shared))
    second = await aiohttp_client(create_app(shared))
    await RestChat(first, sender="shared-1").say("xin chào")
    await RestChat(second, sender="shared-2").say("xin chào")
    assert [c.taken for c in counted] == [1, 1], "one lease a turn, on each worker"


async def test_a_rest_answer_hands_over_in_the_turns_own_write(client: TestClient) -> None:
    db = sqlite_of(client).db
    conversations = hotline_of(client).conversations
    key = ConversationKey("rest", "hand-over")
    [waiting] = await conversations.queue([OutboundMessage(key, "Phiếu đã được tiếp nhận")])
    writes = db.transactions

    answer = await client.post(
        "/webhooks/rest/webhook", json={"sender": key.sender, "message": "/greet"}
    )

    replies = [r["text"] for r in await answer.json()]
    assert len(replies) >= 2 and replies[0] == waiting.message.text, "what waited comes first"
    assert db.transactions - writes == 1, "the turn's commit took what waited too"
    assert await conversations.pending(key) == [], "all of it handed over"

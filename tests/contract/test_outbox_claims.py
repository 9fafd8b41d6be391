"""The outbox's claims: compare-and-set with an expiry, so one worker sends a reply."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from hotline.bot.conversation import ConversationStore
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.clock import utc_now

KEY = ConversationKey("telegram", "citizen-1")


async def test_one_holder_wins_a_claim_until_it_expires(
    conversations: ConversationStore,
) -> None:
    [item] = await conversations.queue([OutboundMessage(KEY, "trả lời")])
    soon = utc_now() + timedelta(seconds=60)
    won = await asyncio.gather(*(conversations.claim(item.id, f"w{n}", soon) for n in range(4)))
    assert sorted(won) == [False, False, False, True], "exactly one of four at once"
    winner = f"w{won.index(True)}"
    assert await conversations.claim(item.id, winner, soon), "the holder renews its own"
    assert not await conversations.claim(item.id, "other", soon)

    assert await conversations.due(utc_now(), ["telegram"]) == [], "a held reply is not due"
    await conversations.mark_failed(item.id, "HTTP 500", utc_now() - timedelta(seconds=1))
    assert [i.id for i in await conversations.due(utc_now(), ["telegram"])] == [item.id]
    assert await conversations.claim(item.id, "other", soon), "a failure ends the claim"


async def test_an_expired_claim_is_taken_over(conversations: ConversationStore) -> None:
    [item] = await conversations.queue([OutboundMessage(KEY, "trả lời")])
    assert await conversations.claim(item.id, "dead", utc_now() - timedelta(seconds=1))
    assert [i.id for i in await conversations.due(utc_now(), ["telegram"])] == [item.id]
    assert await conversations.claim(item.id, "alive", utc_now() + timedelta(seconds=60))


async def test_a_delivered_reply_cannot_be_claimed_again(
    conversations: ConversationStore,
) -> None:
    [item] = await conversations.queue([OutboundMessage(KEY, "trả lời")])
    assert await conversations.claim(item.id, "w1", utc_now() + timedelta(seconds=60))
    await conversations.mark_delivered([item.id])
    assert not await conversations.claim(item.id, "w2", utc_now() + timedelta(seconds=60))
    assert not await conversations.claim(item.id, "w1", utc_now() + timedelta(seconds=60))
    assert not await conversations.claim(10_000_000, "w1", utc_now() + timedelta(seconds=60))


async def test_a_given_up_reply_cannot_be_claimed(conversations: ConversationStore) -> None:
    [item] = await conversations.queue([OutboundMessage(KEY, "trả lời")])
    await conversations.mark_failed(item.id, "blocked", None)
    assert not await conversations.claim(item.id, "w1", utc_now() + timedelta(seconds=60))


async def test_what_waits_is_taken_by_one_of_the_takers_at_once(
    conversations: ConversationStore,
) -> None:
    """A REST answer and a long poll on another worker take at the same moment: each reply
    is handed over by one of them, never by both."""
    app = ConversationKey("rest", "citizen-2")
    queued = await conversations.queue([OutboundMessage(app, f"tin {n}") for n in range(5)])
    # Reads at once first: a client then holds a connection for each taker, so they overlap.
    await asyncio.gather(*(conversations.pending(app) for _ in range(4)))
    takes = await asyncio.gather(*(conversations.take_pending(app) for _ in range(4)))
    taken = sorted(item.id for take in takes for item in take)
    assert taken == [item.id for item in queued], "each reply once, none lost"
    assert all(take == sorted(take, key=lambda i: i.id) for take in takes), "oldest first"
    assert await conversations.pending(app) == []

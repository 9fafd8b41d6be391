"""Contracts of the platform contact book, the Zalo token store and the admins' rule documents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.messages import ConversationKey
from hotline.channels.zalo.tokens import TokenPair
from hotline.storage import stores
from hotline.storage.channel_stores import open_contact_book, open_token_store
from hotline.storage.open import Database

KEY = ConversationKey("zalo", "u1")
T = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)


async def test_the_contact_book_only_moves_times_forward(db: Database) -> None:
    book = await open_contact_book(db)
    assert (await book.get(KEY)).last_inbound_at is None
    await book.heard_from(KEY, T, "m1")
    await book.heard_from(KEY, T - timedelta(minutes=5), "m0")  # a late redelivery
    await book.receipt(KEY, "delivery", T + timedelta(minutes=1))
    await book.receipt(KEY, "delivery", T)  # out of order
    await book.receipt(KEY, "read", T + timedelta(minutes=2))
    contact = await book.get(KEY)
    assert contact.last_inbound_at == T
    assert contact.last_message_id == "m0"
    assert contact.delivered_at == T + timedelta(minutes=1)
    assert contact.read_at == T + timedelta(minutes=2)


async def test_the_token_store_keeps_the_newest_pair(db: Database) -> None:
    tokens = await open_token_store(db)
    assert await tokens.load() is None
    await tokens.save(TokenPair("a1", "r1", "seed"))
    await tokens.save(TokenPair("a2", "r2", "seed", "2026-11-29T01:00:00+00:00"))
    assert await tokens.load() == TokenPair("a2", "r2", "seed", "2026-11-29T01:00:00+00:00")


async def test_rule_documents_are_replaced_whole(db: Database) -> None:
    rules = await stores.open_rule_documents(db)
    assert await rules.get("deadlines") is None
    await rules.put("deadlines", {"emergency": 1, "default": 5}, "an")
    await rules.put("deadlines", {"default": 4}, "an")
    assert await rules.get("deadlines") == {"default": 4}

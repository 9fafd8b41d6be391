"""Contracts of the platform contact book, the Zalo token store and the admins' rule documents."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.messages import ConversationKey
from hotline.channels.zalo.tokens import StoredTokens, TokenPair
from hotline.storage.base import Storage

KEY = ConversationKey("zalo", "u1")
T = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)


async def test_the_contact_book_only_moves_times_forward(storage: Storage) -> None:
    book = await storage.contact_book()
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


async def test_the_token_store_keeps_the_newest_pair(storage: Storage) -> None:
    platforms = await storage.platform_tokens()
    tokens = StoredTokens(platforms)  # Zalo's
    assert await tokens.load() is None
    await tokens.save(TokenPair("a1", "r1", "seed"))
    await tokens.save(TokenPair("a2", "r2", "seed", "2026-11-29T01:00:00+00:00"))
    assert await tokens.load() == TokenPair("a2", "r2", "seed", "2026-11-29T01:00:00+00:00")
    assert await platforms.load("another") is None  # a pair per platform


async def test_rule_documents_are_replaced_whole(storage: Storage) -> None:
    rules = await storage.rule_documents()
    assert await rules.get("deadlines") is None
    await rules.put("deadlines", {"emergency": 1, "default": 5}, "an")
    await rules.put("deadlines", {"default": 4}, "an")
    assert await rules.get("deadlines") == {"default": 4}

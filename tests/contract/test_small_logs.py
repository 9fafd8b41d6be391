"""Contracts of the small logs: deadline alerts, asked questions, contacts, conversation leases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.faq.unanswered import AskedQuestion
from hotline.storage.base import Storage

NOW = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
KEY = ConversationKey("rest", "citizen-1")


async def test_an_alert_is_claimed_once(storage: Storage) -> None:
    alerts = await storage.alerts()
    assert await alerts.claim("PA-1", "due_soon", NOW)
    assert not await alerts.claim("PA-1", "due_soon", NOW)
    assert await alerts.claim("PA-1", "overdue", NOW)


async def test_question_log(storage: Storage) -> None:
    questions = await storage.questions()
    await questions.record(AskedQuestion("rest", NOW, answered="q1", score=0.9, text="x"))
    await questions.record(AskedQuestion("zalo", NOW + timedelta(minutes=1), score=0.2, text="y"))
    await questions.record(AskedQuestion("rest", NOW + timedelta(minutes=2), score=0.1, text="z"))
    asked = await questions.between(NOW, NOW + timedelta(minutes=2))
    assert [(q.channel, q.text) for q in asked] == [("rest", None), ("zalo", "y")]
    open_ = await questions.open_unanswered()
    assert [q.text for q in open_] == ["z", "y"]
    await questions.resolve([q.id for q in open_ if q.id is not None and q.text == "y"], "q9")
    assert [q.text for q in await questions.open_unanswered()] == ["z"]


async def test_contact_log_counts_a_redelivery_once(storage: Storage) -> None:
    contacts = await storage.contact_log()
    message = InboundMessage(key=KEY, message_id="m1", text="hi", received_at=NOW)
    await contacts.record(message, None, "bot")
    await contacts.record(message, "greet", "bot")
    found = await contacts.between(NOW, NOW + timedelta(hours=1))
    assert [(c.channel, c.intent, c.handled_by) for c in found] == [("rest", "greet", "bot")]
    assert "citizen-1" not in found[0].conversation
    other = InboundMessage(
        key=ConversationKey("rest", "citizen-2"), message_id="m1", received_at=NOW
    )
    await contacts.record(other, "greet", "bot")  # the same id from another sender counts too
    assert len(await contacts.between(NOW, NOW + timedelta(hours=1))) == 2


async def test_a_conversation_lease_has_one_holder_until_it_expires(storage: Storage) -> None:
    leases = await storage.leases()
    assert await leases.take(KEY, "worker-a", datetime.now(UTC) + timedelta(seconds=60))
    assert not await leases.take(KEY, "worker-b", datetime.now(UTC) + timedelta(seconds=60))
    await leases.give_back(KEY, "worker-b")  # not the holder: changes nothing
    assert not await leases.take(KEY, "worker-b", datetime.now(UTC) + timedelta(seconds=60))
    await leases.give_back(KEY, "worker-a")
    assert await leases.take(KEY, "worker-b", datetime.now(UTC) - timedelta(seconds=1))
    # worker-b's lease has run out (it died mid-turn): worker-a may take over
    assert await leases.take(KEY, "worker-a", datetime.now(UTC) + timedelta(seconds=60))

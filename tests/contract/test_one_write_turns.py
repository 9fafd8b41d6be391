"""A turn in one write: the message stored with its state, replies, contact and processed mark
(one transaction on SQLite), on both back ends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.contact_log import Contact
from hotline.bot.conversation import ConversationState
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.faq.unanswered import AskedQuestion
from hotline.storage.base import Storage

KEY = ConversationKey("rest", "one-write")


def message(message_id: str, text: str = "cách ly bao nhiêu ngày") -> InboundMessage:
    return InboundMessage(KEY, message_id, text=text, received_at=datetime.now(UTC))


async def test_a_turn_stores_its_own_message(storage: Storage) -> None:
    conversations = await storage.conversations()
    first = message("m1")
    state = ConversationState(KEY).goto("report", "ask_ward")
    items = await conversations.commit_turn(first, state, [OutboundMessage(KEY, "Phường nào?")])

    assert await conversations.replies_to(first) == items
    assert await conversations.unprocessed() == []
    assert await conversations.load(KEY) == state
    assert not await conversations.record_inbound(first), "a redelivery is known"
    lines = await conversations.transcript(KEY)
    assert [(line["direction"], line["text"]) for line in lines] == [
        ("in", "cách ly bao nhiêu ngày"),
        ("out", "Phường nào?"),
    ]


async def test_a_stored_message_is_finished_by_its_turn(storage: Storage) -> None:
    conversations = await storage.conversations()
    later = message("m2", "cho gặp tổng đài viên")
    assert await conversations.record_inbound(later)  # accepted by a webhook first
    assert [m.message_id for m in await conversations.unprocessed()] == ["m2"]
    [item] = await conversations.commit_turn(
        later, ConversationState(KEY), [OutboundMessage(KEY, "Dạ")]
    )
    assert await conversations.unprocessed() == []
    assert await conversations.replies_to(later) == [item]


async def test_a_turn_logs_its_contact(storage: Storage) -> None:
    conversations = await storage.conversations()
    log = await storage.contact_log()
    asked = message("m3")
    await conversations.commit_turn(
        asked, ConversationState(KEY), [], Contact.of(asked, "ask_faq", "bot")
    )
    now = datetime.now(UTC)
    [contact] = await log.between(now - timedelta(minutes=1), now + timedelta(minutes=1))
    assert (contact.channel, contact.intent, contact.handled_by) == ("rest", "ask_faq", "bot")
    assert contact.conversation == Contact.of(asked, "ask_faq", "bot").conversation


async def test_a_turn_begins_from_its_replies_and_state(storage: Storage) -> None:
    conversations = await storage.conversations()
    first = message("m4")
    assert await conversations.begin(first) == (None, ConversationState(KEY))
    state = ConversationState(KEY).goto("report", "ask_ward")
    items = await conversations.commit_turn(first, state, [OutboundMessage(KEY, "Phường nào?")])
    assert await conversations.begin(first) == (items, state), "a redelivery: its replies"


async def test_waiting_replies_are_taken_once(storage: Storage) -> None:
    conversations = await storage.conversations()
    queued = await conversations.queue(
        [OutboundMessage(KEY, "Tin 1"), OutboundMessage(KEY, "Tin 2")]
    )
    other = await conversations.queue([OutboundMessage(ConversationKey("rest", "khác"), "Tin 3")])
    assert await conversations.take_pending(KEY) == queued
    assert await conversations.take_pending(KEY) == [], "taken means delivered"
    assert await conversations.outbox_status([i.id for i in queued]) == {
        i.id: ("delivered", None) for i in queued
    }
    assert [i.id for i in await conversations.pending(other[0].message.key)] == [other[0].id]


async def test_a_turn_hands_over_what_waits_with_its_replies(storage: Storage) -> None:
    conversations = await storage.conversations()
    [news] = await conversations.queue([OutboundMessage(KEY, "Phiếu đã xử lý")])
    other = await conversations.queue([OutboundMessage(ConversationKey("rest", "khác"), "Tin")])
    asked = message("m5")
    items = await conversations.commit_turn(
        asked,
        ConversationState(KEY),
        [OutboundMessage(KEY, "Dạ"), OutboundMessage(KEY, "Còn")],
        hand_over=True,
    )

    assert [i.message.text for i in items] == ["Phiếu đã xử lý", "Dạ", "Còn"], "oldest first"
    assert items[0] == news
    assert await conversations.pending(KEY) == [], "handed over means delivered"
    assert await conversations.outbox_status([i.id for i in items]) == {
        i.id: ("delivered", None) for i in items
    }
    assert [i.id for i in await conversations.replies_to(asked) or []] == [i.id for i in items[1:]]
    assert await conversations.pending(other[0].message.key) == other, "others' replies wait"
    assert await conversations.unprocessed() == []


async def test_a_turn_writes_the_questions_it_asked(storage: Storage) -> None:
    conversations = await storage.conversations()
    questions = await storage.questions()
    asked = message("m6", "xe buýt chạy chưa")
    now = datetime.now(UTC)
    held = [  # what a turn's dialog asked (`Context.asked`), for the turn's write
        AskedQuestion("rest", now, None, 0.1, asked.text),
        AskedQuestion("rest", now, "cach-ly", 0.9, None),
    ]
    await conversations.commit_turn(
        asked, ConversationState(KEY), [], Contact.of(asked, "ask_faq", "bot"), False, held
    )
    logged = await questions.between(now - timedelta(minutes=1), now + timedelta(minutes=1))
    assert [(q.answered, q.text) for q in logged] == [
        (None, "xe buýt chạy chưa"),
        ("cach-ly", None),
    ]
    [open_one] = await questions.open_unanswered()
    assert open_one.id is not None and open_one.text == "xe buýt chạy chưa"
    await questions.record(AskedQuestion("rest", now, "cach-ly", 0.8, None))  # outside a turn
    assert len(await questions.between(now, now + timedelta(minutes=1))) == 3

"""The ConversationStore contract: dedup, turns, replies, the outbox, transcripts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.conversation import ConversationState, ConversationStore
from hotline.bot.messages import Button, ConversationKey, InboundMessage, OutboundMessage
from hotline.handoff.crypto import Cipher
from hotline.storage.base import Storage

KEY = ConversationKey("rest", "citizen-1")


def inbound(message_id: str, text: str = "xin chào", key: ConversationKey = KEY) -> InboundMessage:
    return InboundMessage(key=key, message_id=message_id, text=text)


async def test_a_redelivered_message_is_recorded_once(conversations: ConversationStore) -> None:
    assert await conversations.record_inbound(inbound("m1"))
    assert not await conversations.record_inbound(inbound("m1"))
    other_channel = inbound("m1", key=ConversationKey("telegram", "citizen-1"))
    assert await conversations.record_inbound(other_channel)
    assert [m.message_id for m in await conversations.unprocessed()] == ["m1", "m1"]


async def test_two_senders_may_use_the_same_message_id(conversations: ConversationStore) -> None:
    """Dedup is per (channel, sender, id): another citizen who sends the first one's id is
    heard, and gets their own replies, never the first citizen's."""
    other = ConversationKey("rest", "citizen-2")
    first, second = inbound("m1", "Nguyễn Văn An 0912345678"), inbound("m1", "alo", key=other)
    assert await conversations.record_inbound(first)
    assert await conversations.record_inbound(second)
    assert not await conversations.record_inbound(inbound("m1", key=other))
    mine = await conversations.commit_turn(
        first, ConversationState(KEY), [OutboundMessage(KEY, "Người báo: Nguyễn Văn An")]
    )
    assert await conversations.replies_to(second) is None, "the second is not yet answered"
    theirs = await conversations.commit_turn(
        second, ConversationState(other), [OutboundMessage(other, "Dạ.")]
    )
    assert await conversations.replies_to(first) == mine
    assert await conversations.replies_to(second) == theirs
    assert [i.message.text for i in theirs] == ["Dạ."]
    assert await conversations.unprocessed() == []


async def test_a_turn_without_a_state_to_save_keeps_the_stored_one(
    conversations: ConversationStore,
) -> None:
    """`commit_turn(..., None, ...)`: the turn left the state as it found it; its message and
    replies are stored, the state is not written (what was stored stays, nothing new appears)."""
    state = ConversationState(KEY).goto("report", "ask_ward", category="violation")
    await conversations.commit_turn(inbound("m1"), state, [OutboundMessage(KEY, "Phường nào?")])
    [item] = await conversations.commit_turn(inbound("m2"), None, [OutboundMessage(KEY, "Dạ.")])
    assert item.message.text == "Dạ."
    assert await conversations.load(KEY) == state
    other = ConversationKey("rest", "citizen-2")
    await conversations.commit_turn(inbound("m1", key=other), None, [OutboundMessage(other, "Dạ")])
    assert await conversations.load(other) == ConversationState(other)
    assert await conversations.unprocessed() == []


async def test_a_turn_saves_state_and_replies_and_marks_processed(
    conversations: ConversationStore,
) -> None:
    message = inbound("m1", "cách ly bao nhiêu ngày")
    await conversations.record_inbound(message)
    assert await conversations.replies_to(message) is None
    state = ConversationState(KEY).goto("report", "ask_ward", category="violation")
    replies = [
        OutboundMessage(KEY, "Phường nào?", (Button("Phú Cường", "/ward"),)),
        OutboundMessage(KEY, "Cảm ơn"),
    ]
    items = await conversations.commit_turn(message, state, replies)

    assert [i.message for i in items] == replies
    assert await conversations.load(KEY) == state
    again = await conversations.replies_to(message)
    assert again is not None
    assert [i.id for i in again] == [i.id for i in items]
    assert [i.message for i in again] == replies
    assert await conversations.unprocessed() == []


async def test_load_of_an_unknown_conversation_is_a_fresh_state(
    conversations: ConversationStore,
) -> None:
    assert await conversations.load(ConversationKey("zalo", "nobody")) == ConversationState(
        ConversationKey("zalo", "nobody")
    )


async def test_the_outbox_delivers_retries_and_gives_up(conversations: ConversationStore) -> None:
    now = datetime.now(UTC)
    first, second, third = await conversations.queue(
        [OutboundMessage(KEY, "một"), OutboundMessage(KEY, "hai"), OutboundMessage(KEY, "ba")]
    )
    assert [i.message.text for i in await conversations.pending(KEY)] == ["một", "hai", "ba"]

    await conversations.mark_delivered([first.id])
    await conversations.mark_failed(second.id, "timeout", now + timedelta(minutes=1))
    await conversations.mark_failed(third.id, "blocked", None)

    assert [i.message.text for i in await conversations.due(now, ["rest"])] == []
    later = await conversations.due(now + timedelta(minutes=2), ["rest"])
    assert [(i.message.text, i.attempts) for i in later] == [("hai", 1)]
    assert await conversations.due(now + timedelta(minutes=2), ["telegram"]) == []
    assert [i.message.text for i in await conversations.pending(KEY)] == ["hai"]


async def test_transcript_has_both_directions_oldest_first(
    conversations: ConversationStore,
) -> None:
    message = inbound("m1", "có ai không")
    await conversations.record_inbound(message)
    await conversations.commit_turn(message, ConversationState(KEY), [OutboundMessage(KEY, "Dạ")])
    [queued] = await conversations.queue([OutboundMessage(KEY, "Cán bộ đây", agent="lan")])

    lines = await conversations.transcript(KEY)
    assert [(line["direction"], line["text"]) for line in lines] == [
        ("in", "có ai không"),
        ("out", "Dạ"),
        ("out", "Cán bộ đây"),
    ]
    assert [line.get("agent") for line in lines] == [None, None, "lan"]  # who wrote what
    assert queued.message.agent == "lan"
    [pending] = [i for i in await conversations.pending(KEY) if i.id == queued.id]
    assert pending.message == OutboundMessage(KEY, "Cán bộ đây", agent="lan")
    assert "agent" not in pending.message.to_frame()  # the citizen is not told the name
    assert [line["text"] for line in await conversations.transcript(KEY, limit=2)] == [
        "Dạ",
        "Cán bộ đây",
    ]


async def test_saved_state_outside_a_turn_is_loaded(conversations: ConversationStore) -> None:
    state = ConversationState(KEY, mode="agent", unreachable="blocked", agent="nv.lan01")
    await conversations.save_state(state)
    assert await conversations.load(KEY) == state
    assert (await conversations.load(KEY)).bot_paused
    assert await conversations.ping()


async def test_what_citizens_wrote_is_sealed_at_rest_and_reads_back(storage: Storage) -> None:
    """With the service's cipher, messages and dialog slots are stored sealed (a copy sees
    only `sealed`), read back clear; messages stored clear before still read."""
    older = await storage.conversations()  # a store from before sealing
    assert await older.record_inbound(inbound("m0", "tin cũ, chưa niêm phong"))
    cipher = Cipher(Cipher.new_key())
    conversations = await storage.conversations(cipher)
    contact = inbound("m1", "Tôi tên Trần Thị Bích 0987654321")
    assert await conversations.record_inbound(contact)
    state = ConversationState(KEY).goto("report", "confirm", contact={"phone": "0987654321"})
    summary = OutboundMessage(KEY, "Người báo: Trần Thị Bích 0987654321")
    [item] = await conversations.commit_turn(contact, state, [summary])

    assert await conversations.load(KEY) == state
    assert await conversations.replies_to(contact) == [item]
    assert [m.text for m in await conversations.unprocessed()] == ["tin cũ, chưa niêm phong"]
    assert [line["text"] for line in await conversations.transcript(KEY)] == [
        "tin cũ, chưa niêm phong",
        "Tôi tên Trần Thị Bích 0987654321",
        "Người báo: Trần Thị Bích 0987654321",
    ]
    stored = [r for part in conversations.parts async for r in conversations.export(part)]
    assert "0987654321" not in repr(stored) and "Bích" not in repr(stored)
    assert "tin cũ" in repr(stored)


async def test_said_before_tells_whether_the_sender_wrote_another_message(
    conversations: ConversationStore,
) -> None:
    """What the REST channel asks to give the sender's token only with the first answer."""
    assert not await conversations.said_before(KEY, "m1")
    await conversations.record_inbound(inbound("m1"))
    await conversations.queue([OutboundMessage(KEY, "Dạ.")])
    assert not await conversations.said_before(KEY, "m1"), "its own message and replies"
    other = ConversationKey("rest", "citizen-2")
    await conversations.record_inbound(inbound("m2", key=other))
    assert not await conversations.said_before(KEY, "m1"), "another sender's message"
    await conversations.record_inbound(inbound("m2"))
    assert await conversations.said_before(KEY, "m2")
    assert await conversations.said_before(KEY, "m1")


async def test_said_before_after_a_handed_over_turn(conversations: ConversationStore) -> None:
    """The REST answer's order: the turn's commit (handing over), then the question."""
    state = ConversationState(KEY)
    await conversations.commit_turn(inbound("m1"), state, [OutboundMessage(KEY, "Dạ.")], None, True)
    assert not await conversations.said_before(KEY, "m1"), "the first message"
    assert not await conversations.said_before(KEY, "m1"), "asked again: the same answer"
    await conversations.commit_turn(inbound("m2"), state, [OutboundMessage(KEY, "Dạ.")], None, True)
    assert await conversations.said_before(KEY, "m2")
    assert await conversations.said_before(KEY, "m1"), "m2 came since"

"""A 👎 finds the question its answer replied to in the transcript, on each back end."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hotline.bot.conversation import ConversationState, ConversationStore
from hotline.bot.dialogs import rating
from hotline.bot.messages import Button, ConversationKey, InboundMessage, OutboundMessage
from hotline.faq.entries import FaqEntry

KEY = ConversationKey("telegram", "citizen-7")
ENTRY = FaqEntry("f1-days", ("F1 cách ly mấy ngày?",), "7 ngày.", "cach_ly", "published")


def _context(conversations: ConversationStore) -> Any:
    """The little of a turn's context a 👎 reads: the conversation's key and the transcripts."""
    pressed = InboundMessage(KEY, "m9", payload=rating._opinion_payloads(ENTRY.id)[1])
    return SimpleNamespace(message=pressed, services=SimpleNamespace(history=conversations))


def _answer() -> OutboundMessage:
    up, down = rating._opinion_payloads(ENTRY.id)
    return OutboundMessage(KEY, ENTRY.answer, (Button("👍", up), Button("👎", down)))


async def test_the_question_is_the_message_the_answer_replied_to(
    conversations: ConversationStore,
) -> None:
    asked = InboundMessage(KEY, "m1", text="con tôi F1 thì ở nhà mấy hôm ạ")
    # Sent while the answer was worked out (a webhook's turn runs after it is stored): it comes
    # between the question and its answer, and is no question.
    contact = InboundMessage(KEY, "m2", text="Nguyễn Văn An 0912345678")
    assert await conversations.record_inbound(asked)
    assert await conversations.record_inbound(contact)
    await conversations.commit_turn(asked, ConversationState(KEY), [_answer()])
    await conversations.commit_turn(contact, ConversationState(KEY), [OutboundMessage(KEY, "Dạ")])

    assert await rating._asked(_context(conversations), ENTRY) == asked.text


async def test_an_answer_no_turn_replied_with_rates_the_entrys_own_question(
    conversations: ConversationStore,
) -> None:
    said = InboundMessage(KEY, "m1", text="Nguyễn Văn An 0912345678")
    assert await conversations.record_inbound(said)
    await conversations.commit_turn(said, ConversationState(KEY), [OutboundMessage(KEY, "Dạ")])
    await conversations.queue([_answer()])  # an answer queued outside a turn: it replies to none

    assert await rating._asked(_context(conversations), ENTRY) == ENTRY.questions[0]

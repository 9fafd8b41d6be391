"""Questions surely off the hotline's topics, and acknowledgements the model never needs (issue 12).

A question taken for small talk with confidence is told what the hotline does: no FAQ entry is
offered or answered for a birth certificate or the price of gold, though the question still
reaches the admins' unanswered inbox. "ô kê", 💯 and "vâng, cháu nắm rồi ạ" close a turn politely.
"""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from tests.support.chat import RestChat
from tests.support.hotline import unanswered


@pytest.mark.parametrize(
    "question",
    [
        "tỉnh mình có mấy khu công nghiệp vậy",
        "đổi bằng lái xe máy hết hạn ở đâu vậy",
        "xin cấp lại giấy khai sinh cho con ở đâu",
        "giá vàng SJC hôm nay bao nhiêu vậy ad",
    ],
)
async def test_a_surely_off_topic_question_is_offered_no_faq_entry(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert chat.text == texts.OUT_OF_SCOPE
    assert not [b for b in chat.buttons if b["payload"].startswith("/ask_faq{")]
    assert question in await unanswered(client)


@pytest.mark.parametrize(
    "question",
    [
        # Other business with the state, a bank or the market, put like the FAQ's questions.
        "muốn làm thủ tục ly hôn thuận tình thì nộp đơn ở tòa nào",
        "gia hạn hộ chiếu hết hạn cần mang theo những gì",
        "mở thẻ ATM cho con học sinh cần giấy tờ gì",
        "chỗ nào đang tuyển công nhân may gần Thủ Dầu Một vậy",
    ],
)
async def test_other_business_than_the_epidemics_is_told_what_the_hotline_does(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert chat.text == texts.OUT_OF_SCOPE
    assert question in await unanswered(client)


async def test_the_same_business_told_with_the_epidemic_stays_the_faqs(chat: RestChat) -> None:
    await chat.say("đang giãn cách thì có được đi đăng ký kết hôn không")
    assert chat.text != texts.OUT_OF_SCOPE


@pytest.mark.parametrize("text", ["ô kê", "💯", "👏👏", "vâng, cháu nắm rồi ạ", "dạ em biết rồi"])
async def test_acknowledgements_get_a_short_polite_reply(chat: RestChat, text: str) -> None:
    await chat.say(text)
    assert chat.text == texts.ACKNOWLEDGED


async def test_a_bare_question_mark_asks_nothing_to_record(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("?")
    assert chat.last, "the bot replied"
    assert chat.text != texts.NO_ANSWER
    assert await unanswered(client) == []

"""A tip told as an event starts a report; the same shape asked stays a question (issue 12).

No report verb, no question: a place, what breaks the rules there ("quán ... tối nào cũng tụ
tập", "nhà nghỉ ... khách F1 vẫn ra vào"), or what an employer does to whoever stays home ("ai
nghỉ là bị đuổi"). Through the REST channel, with the local NLU and in front of a fake Rasa that
takes each tip for the FAQ's.
"""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs.report_form import DIALOG as REPORT
from tests.support.chat import RestChat
from tests.support.hotline import dialog_of, faq_answered
from tests.support.rasa import FakeRasa, fake_rasa, fake_rasa_bot

# A violation or a positive person out, at a named place, told as an event.
EVENTS = [
    "tiệm net đầu hẻm 40 tối nào cũng tụ tập cả chục đứa nhỏ, không đeo khẩu trang",
    "nhà nghỉ Hoa Mai có khách đang F1 mà vẫn ra vào tự do, sáng nay tôi thấy",
    "hiệu thuốc cạnh chợ Lái Thiêu bán kit test không nhãn mác, 8 giờ tối nay vẫn bán",
]
# A "whoever" clause inside the tip: what follows for whoever stays home is told, not asked.
WHOEVER = [
    "lò bánh mì ở ấp 3 trừ lương thợ nghỉ cách ly F1, ai không lên ca là bị phạt",
    "công ty bao bì ở KCN Mỹ Phước trừ lương người nghỉ cách ly, ai nghỉ còn bị đuổi",
]
# The same shapes, asked.
QUESTIONS = [
    "tiệm net đầu hẻm cho tụ tập thì có bị phạt không",
    "nhà nghỉ có khách F1 ra vào thì xử lý thế nào",
    "công ty trừ lương người nghỉ cách ly, ai nghỉ là bị đuổi hả",
]


@pytest.fixture
def rasa_chat(
    fake_rasa_bot: tuple[FakeRasa, TestClient],
) -> tuple[FakeRasa, TestClient, RestChat]:
    """A citizen in front of a Rasa that takes every tip for the entry on the 5K rule."""
    fake, client = fake_rasa_bot
    fake.pick_confidence = 0.95
    fake.intents.update({text: ("ask_faq", "quy-tac-5k") for text in EVENTS + WHOEVER})
    return fake, client, RestChat(client, sender="citizen-rasa")


@pytest.mark.parametrize("text", EVENTS + WHOEVER)
async def test_a_tip_told_as_an_event_starts_a_report(
    chat: RestChat, client: TestClient, text: str
) -> None:
    await chat.say(text)
    assert await dialog_of(client, chat.sender) == REPORT
    assert not await faq_answered(client, chat.last)


@pytest.mark.parametrize("text", EVENTS + WHOEVER)
async def test_a_tip_starts_a_report_whatever_rasa_picks(
    rasa_chat: tuple[FakeRasa, TestClient, RestChat], text: str
) -> None:
    _, client, chat = rasa_chat
    await chat.say(text)
    assert await dialog_of(client, chat.sender) == REPORT
    assert not await faq_answered(client, chat.last)


@pytest.mark.parametrize("question", QUESTIONS)
async def test_the_same_shape_asked_stays_a_question(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert await dialog_of(client, chat.sender) != REPORT
    assert chat.text

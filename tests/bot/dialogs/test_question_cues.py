"""What is and is not put as a question, through the REST channel: "mấy ngày nay" tells how long
something has lasted, "mấy hôm" asks how many days (hotline/bot/nlu/questions.py)."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs.report_form import DIALOG as REPORT
from hotline.bot.messages import ConversationKey
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


async def _form(client: TestClient, chat: RestChat) -> tuple[str | None, object]:
    state = await hotline_of(client).conversations.load(ConversationKey("rest", chat.sender))
    return state.dialog, state.slots.get("category")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # "mấy tuần nay", "mấy tháng nay": for weeks, for months; an event, not a question.
        ("tiệm thuốc đầu chợ bán que test giá gấp đôi mấy tuần nay", "violation"),
        ("quán nhậu cuối hẻm mấy tháng nay tối nào cũng đông khách ngồi nhậu", "violation"),
        ("dãy trọ công nhân nhịn đói mấy ngày nay rồi, xin giúp đỡ", "hardship"),
        # "ai ... với": a plea for help, not "who ...?".
        ("ai giúp nhà em ít gạo với", "hardship"),
    ],
)
async def test_an_event_that_has_lasted_starts_its_form(
    chat: RestChat, client: TestClient, text: str, category: str
) -> None:
    await chat.say(text)
    assert await _form(client, chat) == (REPORT, category)


@pytest.mark.parametrize(
    "question",
    [
        "em trai tôi là F1 thì ở nhà mấy hôm",  # "mấy hôm", "mấy bữa": how many days
        "thằng em là F1 phải ở nhà mấy bữa",
        "nhà bên kia có F0 thì ai lo cơm nước",  # "thì ai ...": who
    ],
)
async def test_a_question_in_other_words_starts_no_form(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    dialog, _ = await _form(client, chat)
    assert dialog != REPORT
    assert chat.text

"""A question on someone's own illness and a vaccine, a treatment or a drug goes to the health
consultant (issue 12), with the FAQ's plausible entries at most offered, never answered."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


async def _answers(client: TestClient) -> set[str]:
    return {e.answer for e in await hotline_of(client).faq.store.list(status="published")}


@pytest.mark.parametrize(
    "question",
    [
        # The two kinds, in our words: living with HIV and asking about the vaccine; an
        # elderly parent's autoimmune illness and its long treatment.
        "Em bị nhiễm HIV, đang uống ARV đều, em đi đăng ký tiêm vắc xin covid được không ạ",
        "mẹ tôi 82 tuổi bị bệnh tự miễn, uống thuốc ức chế miễn dịch lâu năm, có nên cho bà "
        "tiêm mũi nhắc lại không",
        "vợ tôi đang mang thai 6 tháng, tiêm vắc xin covid có ảnh hưởng em bé không",
    ],
)
async def test_a_personal_health_question_gets_the_consultant_not_an_answer(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    answers = await _answers(client)
    assert not any(r["text"] in answers for r in chat.last)
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["health"]
    assert "mã phản ánh" in chat.text.lower() or tickets[0].code in chat.text


async def test_the_same_question_asked_in_general_files_no_health_ticket(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("người bị bệnh nền có được tiêm vắc xin không")
    tickets = await hotline_of(client).desk.store.list()
    assert not [t for t in tickets if t.category == "health"]


async def test_a_support_question_about_ones_own_f0_files_no_health_ticket(
    chat: RestChat, client: TestClient
) -> None:
    # The condition is only the setting: the question is on the support money, the FAQ's.
    await chat.say("chồng em bị F0 cách ly tại nhà, nhà em có được nhận tiền hỗ trợ không ạ")
    tickets = await hotline_of(client).desk.store.list()
    assert not [t for t in tickets if t.category == "health"]


async def test_a_personal_question_in_english_gets_the_consultant(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("My father has heart disease and a fever. Should he take paracetamol?")
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["health"]

"""A citizen without a Vietnamese keyboard, typing Telex or VNI, is answered as one with it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs.report_form import DIALOG as REPORT
from hotline.bot.messages import ConversationKey
from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.chat import RestChat
from tests.support.hotline import dialog_of, faq_answered, hotline_of

QUESTIONS = [
    ("F1 phari cachs ly maays ngayf", "F1 phải cách ly mấy ngày"),
    ("xeets nghieemj covid owr ddaau mieenx phis", "xét nghiệm covid ở đâu miễn phí"),
    ("tie6m mu4i 3 o73 d9a6u", "tiêm mũi 3 ở đâu"),
]


@pytest.mark.parametrize(("typed", "meant"), QUESTIONS)
async def test_a_question_typed_in_telex_gets_the_answer_of_the_same_question_with_marks(
    aiohttp_client: Callable, settings: Settings, typed: str, meant: str
) -> None:
    client = await aiohttp_client(create_app(settings))
    with_marks, in_telex = RestChat(client, "with-marks"), RestChat(client, "in-telex")
    await with_marks.say(meant)
    await in_telex.say(typed)
    answered = await faq_answered(client, with_marks.last)
    assert answered, "the question with marks is answered"
    assert await faq_answered(client, in_telex.last) == answered
    assert in_telex.text == with_marks.text


@pytest.mark.parametrize(
    "typed",
    [
        "toi muoons phanr anhs vuj tuj taapj ddoong nguwowif",
        "baos caos ddaams cuwowis tuj taapj ddoong nguwowif owr phuwowngf Phus Hoaf",
    ],
)
async def test_a_report_typed_in_telex_starts_the_report_form(
    chat: RestChat, client: TestClient, typed: str
) -> None:
    await chat.say(typed)
    assert await dialog_of(client, chat.sender) == REPORT
    assert not await faq_answered(client, chat.last)


async def test_an_emergency_typed_in_telex_is_told_to_call_115(chat: RestChat) -> None:
    await chat.say("toi khos thowr quas, cuwus toi")
    assert "115" in chat.text


async def test_the_transcript_keeps_what_the_citizen_typed(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("cachs ly bao laau")
    transcript = await hotline_of(client).conversations.transcript(
        ConversationKey("rest", chat.sender)
    )
    assert transcript[0]["text"] == "cachs ly bao laau"


async def test_a_ticket_keeps_the_words_as_typed(chat: RestChat, client: TestClient) -> None:
    """The Telex reading picks the dialog; the ticket keeps the citizen's own words, where a
    name read as Telex ("Mary": "Mảy") would be wrong."""
    typed = "chij Mary khos thowr quas, cuwus"
    await chat.say(typed)
    assert "115" in chat.text
    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None and ticket.description == typed


async def test_a_health_ticket_keeps_the_question_as_typed(
    chat: RestChat, client: TestClient
) -> None:
    typed = "vowj tooi Mary ddang mang thai 6 thangs, tieem vawcs xin covid cos sao khoong"
    await chat.say(typed)
    [ticket] = await hotline_of(client).desk.store.list()
    assert (ticket.category, ticket.description) == ("health", typed)

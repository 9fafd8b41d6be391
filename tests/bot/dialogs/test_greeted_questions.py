"""A question opened with a greeting is answered as the question alone: "chào ad, ..." says
nothing of which FAQ entry is meant (issue 12). Through the REST channel, as the app talks."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


@pytest.mark.parametrize(
    "greeted",
    [
        "chào ad, F1 phải cách ly mấy ngày",
        "alo tổng đài cho em hỏi F1 phải cách ly mấy ngày",
        "Chào buổi sáng ad ạ. F1 phải cách ly mấy ngày",
        "hello 👋 F1 phai cach ly may ngay",
    ],
)
async def test_a_greeting_before_a_question_does_not_cost_it_its_answer(
    chat: RestChat, client: TestClient, greeted: str
) -> None:
    await chat.say("F1 phải cách ly mấy ngày")
    alone = await faq_answered(client, chat.last)
    assert alone == ["cach-ly-f1-bao-lau"]
    await chat.say(greeted)
    assert await faq_answered(client, chat.last) == alone

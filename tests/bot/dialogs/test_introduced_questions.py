"""A question opened by who asks, or for whom, is answered as the question alone: "Tôi là giáo
viên", "bà nhờ cháu hỏi giùm", "xin được hỏi" say nothing of which FAQ entry is meant (issue
12). Through the REST channel, as the app talks."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


@pytest.mark.parametrize(
    "introduced",
    [
        "Kính gửi Tổng đài 1022. Tôi là giáo viên mầm non, xin được hỏi F1 phải cách ly mấy ngày",
        "bà ngoại nhờ cháu hỏi giùm: F1 phải cách ly mấy ngày",
        "em là thợ điện công trình, hỏi luôn: F1 phải cách ly mấy ngày",
        "mình là tài xế xe tải. F1 phải cách ly mấy ngày vậy",
    ],
)
async def test_who_asks_does_not_cost_a_question_its_answer(
    chat: RestChat, client: TestClient, introduced: str
) -> None:
    await chat.say("F1 phải cách ly mấy ngày")
    alone = await faq_answered(client, chat.last)
    assert alone == ["cach-ly-f1-bao-lau"]
    await chat.say(introduced)
    assert await faq_answered(client, chat.last) == alone

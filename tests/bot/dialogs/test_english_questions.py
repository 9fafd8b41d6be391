"""A question asked in English is answered as its Vietnamese (issue 12); one on what the FAQ
does not cover gets no FAQ answer. Through the REST channel, as the app talks."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


async def test_an_english_question_is_answered_as_its_vietnamese(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("F1 phải cách ly mấy ngày")
    answered = await faq_answered(client, chat.last)
    assert answered == ["cach-ly-f1-bao-lau"]
    await chat.say("How many days does an F1 have to quarantine?")
    assert await faq_answered(client, chat.last) == answered


async def test_english_words_in_a_vietnamese_question_are_read(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("siêu thị với chợ còn mở cửa không")
    answered = await faq_answered(client, chat.last)
    assert answered
    await chat.say("supermarket với market còn mở cửa không")
    assert await faq_answered(client, chat.last) == answered


async def test_an_english_question_the_faq_does_not_cover_is_not_answered(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("how do I renew my tourist visa at the immigration office")
    assert await faq_answered(client, chat.last) == []

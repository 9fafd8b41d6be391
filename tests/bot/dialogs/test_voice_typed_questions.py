"""Voice typing spells numbers and letters as it hears them ("chỉ thị mười sáu", "ét pê ô hai");
the FAQ answers them as the written question (issue 12). Through the REST channel."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import faq_answered


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Chỉ thị 16 là gì", "chỉ thị mười sáu là gì"),
        ("nghị quyết 126 có gì mới", "nghị quyết một trăm hai mươi sáu có gì mới"),
    ],
)
async def test_a_number_said_in_words_is_answered_as_written(
    chat: RestChat, client: TestClient, written: str, said: str
) -> None:
    await chat.say(written)
    answered = await faq_answered(client, chat.last)
    assert answered
    await chat.say(said)
    assert await faq_answered(client, chat.last) == answered

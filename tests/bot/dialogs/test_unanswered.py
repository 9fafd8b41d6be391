"""Which messages reach the admins' unanswered inbox (issue 12): a message put as a question
that the bot could not answer, whatever intent it was taken for; thanks, "ok", emoji, greetings
and chit-chat that asks nothing never do."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.hotline import unanswered


@pytest.mark.parametrize(
    "question",
    [
        "xin hỏi zzkq",  # a made-up word: taken for small talk
        "cho em hỏi zzkq qwxv là gì",
        "tối nay đội tuyển Việt Nam đá với Thái Lan mấy giờ",
    ],
)
async def test_a_question_the_bot_cannot_answer_is_recorded_whatever_its_intent(
    chat: RestChat, client: TestClient, question: str
) -> None:
    await chat.say(question)
    assert question in await unanswered(client)


@pytest.mark.parametrize(
    "text", ["ok", "👍", "cảm ơn nhiều ạ", "chào ad", "cách nấu phở bò", "😂😂", "zzkq"]
)
async def test_thanks_greetings_emoji_and_chit_chat_are_never_recorded(
    chat: RestChat, client: TestClient, text: str
) -> None:
    await chat.say(text)
    assert chat.last, "the bot replied"
    assert await unanswered(client) == []

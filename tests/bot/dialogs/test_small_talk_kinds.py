"""Small talk told apart (issue 12), through the REST channel: an acknowledgement opened by an
interjection or by who understood gets the short reply; surprise, laughter and a bare particle
are small talk, neither an "ok" nor a question for the FAQ.
"""

from __future__ import annotations

import pytest

from hotline.bot.dialogs import texts
from tests.support.chat import RestChat


@pytest.mark.parametrize("text", ["vậy thì được, em hiểu rồi nhé", "à há, mình nắm rồi", "ok la"])
async def test_an_acknowledgement_in_these_shapes_gets_the_short_reply(
    chat: RestChat, text: str
) -> None:
    await chat.say(text)
    assert chat.text == texts.ACKNOWLEDGED


@pytest.mark.parametrize("text", ["ủa", "hahaha", "kkkkk", "hả"])
async def test_surprise_laughter_and_a_bare_particle_are_small_talk(
    chat: RestChat, text: str
) -> None:
    await chat.say(text)
    assert texts.OUT_OF_SCOPE in chat.text
    assert texts.NO_ANSWER not in chat.text

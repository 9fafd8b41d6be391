"""Suggestions when the bot does not answer (issue 12): plausible entries, never noise.

Through the REST channel, with the local NLU and in front of a fake Rasa whose FAQ pick the
test sets (tests/support/rasa.py).
"""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.faq.io import load_seed
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.rasa import FakeRasa, fake_rasa, fake_rasa_bot


def _answer(entry_id: str) -> str:
    return next(e.answer for e in load_seed() if e.id == entry_id)


def _offered(chat: RestChat) -> list[str]:
    return [b["payload"] for b in chat.buttons if b["payload"].startswith("/ask_faq{")]


@pytest.fixture
def rasa_chat(fake_rasa_bot: tuple[FakeRasa, TestClient]) -> tuple[FakeRasa, RestChat]:
    """A citizen talking to the bot in front of the fake Rasa (nothing trained or started)."""
    fake, client = fake_rasa_bot
    return fake, RestChat(client, sender="citizen-rasa")


@pytest.mark.parametrize(
    "question",
    [
        # Short, with words the entry never uses: the index alone finds nothing plausible, but
        # it ranks the entry on the epidemic levels first, as Rasa does. ("màu cam" is no
        # longer such a question: the synonyms read it as the entry's "vùng cam".)
        "mức cam là cấp mấy",
        "muc cam la cap may",
    ],
)
async def test_a_covered_question_the_bot_is_unsure_of_is_offered_its_entry(
    rasa_chat: tuple[FakeRasa, RestChat], question: str
) -> None:
    fake, chat = rasa_chat
    fake.intents[question] = ("ask_faq", "nq128-cap-do-dich")
    fake.pick_confidence = 0.7  # sure enough to offer, not to answer what it leaves unused
    await chat.say(question)
    assert _answer("nq128-cap-do-dich") not in chat.text
    assert any("nq128-cap-do-dich" in p for p in _offered(chat)), chat.last


@pytest.mark.parametrize(
    "question",
    ["giá vàng hôm nay bao nhiêu", "tối nay có đá banh không", "phở bò nấu sao cho ngon"],
)
async def test_an_off_topic_question_gets_no_faq_buttons(chat: RestChat, question: str) -> None:
    await chat.say(question)
    assert _offered(chat) == [], chat.last


async def test_an_off_topic_question_gets_no_buttons_even_when_rasa_picks_the_index_top(
    rasa_chat: tuple[FakeRasa, RestChat],
) -> None:
    # The index's closest entry for the price of gold shares no word with it; Rasa picking the
    # same entry, even confidently, does not make it plausible.
    fake, chat = rasa_chat
    question = "giá vàng hôm nay bao nhiêu"
    faq = hotline_of(chat.client).faq
    await faq.until_built(30)  # the index is built after the server listens
    closest = faq.search(question, limit=1)[0].entry.id
    fake.intents[question] = ("out_of_scope", closest)
    fake.pick_confidence = 0.9
    await chat.say(question)
    assert _offered(chat) == [], chat.last
    assert _answer(closest) not in chat.text


async def test_a_health_question_with_plausible_entries_gets_the_consultant_and_the_entries(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("tôi bị ho sốt nhẹ thì có được tự test ở nhà không")
    tickets = await hotline_of(client).desk.store.for_conversation("rest", chat.sender)
    assert [t.category for t in tickets] == ["health"]
    assert chat.code() in chat.text and texts.SUGGEST_WHILE_WAITING in chat.text
    assert any("tu-test-duong-tinh" in p for p in _offered(chat)), chat.last
    # The consultant is already on it: no second way to a person among the buttons.
    assert texts.SUGGEST_NONE not in [b["title"] for b in chat.buttons]

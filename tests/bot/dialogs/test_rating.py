"""Closing the loop: 👍/👎 on each FAQ answer, the survey after a ticket is resolved, and the
dashboard's figure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.opinions import Subject, Verdict
from hotline.storage.sqlite.backend import SqliteStorage
from tests.bot.test_one_write_turns import FAIL_AT_THE_REPLY
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of, unanswered
from tests.support.office import login, person

QUESTION = "F1 phải cách ly bao nhiêu ngày vậy?"


async def _opinions(client: TestClient) -> list[tuple[str, str, str]]:
    log = hotline_of(client).opinions
    assert log is not None
    now = datetime.now(UTC)
    found = await log.between(now - timedelta(hours=1), now + timedelta(hours=1))
    return sorted((o.subject, o.about, o.verdict) for o in found)


async def test_an_answer_offers_thumbs_and_a_thumb_down_reaches_the_inbox(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(QUESTION)
    entry = hotline_of(client).faq.lookup(QUESTION).answer
    assert entry is not None and chat.text == entry.answer
    assert [b["title"] for b in chat.buttons] == [texts.HELPFUL, texts.NOT_HELPFUL]

    await chat.press(texts.NOT_HELPFUL)
    assert chat.text.startswith(texts.RATED_DOWN)
    questions = hotline_of(client).questions
    assert [q.text for q in await questions.open_unanswered()] == [QUESTION]
    assert await _opinions(client) == [(Subject.ANSWER, entry.id, Verdict.DOWN)]

    await chat.say("tiêm vắc xin mũi 3 ở đâu?")
    await chat.press(texts.HELPFUL)
    assert chat.text == texts.RATED_UP
    assert len(await questions.open_unanswered()) == 1, "a 👍 is no unanswered question"
    assert [v for _, _, v in await _opinions(client)].count(Verdict.UP) == 1


async def test_the_thumbs_labels_are_read_each_answer_not_kept_with_the_entry(
    chat: RestChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    await chat.say(QUESTION)
    first = chat.buttons
    # Another locale's words (a sibling of `texts`): the entry's payloads are the same, the
    # labels are the ones in force now.
    monkeypatch.setattr(texts, "HELPFUL", "👍 Helpful")
    monkeypatch.setattr(texts, "NOT_HELPFUL", "👎 Not what I asked")
    await chat.say(QUESTION)
    assert [b["title"] for b in chat.buttons] == ["👍 Helpful", "👎 Not what I asked"]
    assert [b["payload"] for b in chat.buttons] == [b["payload"] for b in first]


async def test_a_thumb_down_whose_turn_fails_once_still_reaches_the_inbox(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(QUESTION)
    [down] = [b["payload"] for b in chat.buttons if b["title"] == texts.NOT_HELPFUL]
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    await storage.db.transaction(lambda c: c.execute(FAIL_AT_THE_REPLY))
    body = {"sender": chat.sender, "message": down, "metadata": {"message_id": "down-1"}}
    resp = await client.post("/webhooks/rest/webhook", json=body)
    assert resp.status >= 500, "the turn's commit failed"

    await storage.db.transaction(lambda c: c.execute("DROP TRIGGER fail_at_the_reply"))
    assert await hotline_of(client).engine.recover() == 1  # the retry finds the opinion written
    assert await unanswered(client) == [QUESTION], "logged once, though the retry skips it"


async def test_a_thumb_mid_form_keeps_the_form(chat: RestChat, client: TestClient) -> None:
    await chat.say("/request_support")
    await chat.say(QUESTION)
    await chat.press(texts.HELPFUL)
    assert chat.text == texts.RATED_UP
    state = await hotline_of(client).conversations.load(_key(chat))
    assert (state.dialog, state.step) == ("report", "describe")


async def test_the_survey_after_resolution_is_stored_and_shown(
    chat: RestChat, client: TestClient
) -> None:
    agent = await person(client, "lan")
    await chat.say("/request_human")
    code = chat.code()
    assert (await client.post(f"/api/tickets/{code}/claim", headers=agent)).status == 200
    resolved = await client.post(
        f"/api/tickets/{code}/status",
        headers=agent,
        json={"status": "resolved", "note": "Đã hướng dẫn qua điện thoại."},
    )
    assert resolved.status == 200
    await chat.say("ok")  # the news and the survey come first in the next answer
    survey = [r for r in chat.last if r["text"] == texts.SURVEY.format(code=code)]
    assert survey, chat.last
    titles = [b["title"] for b in survey[0]["buttons"]]
    assert titles == list(texts.SURVEY_CHOICES.values())

    await chat.press(texts.SURVEY_CHOICES["satisfied"])
    assert chat.text == texts.SURVEY_THANKS
    await chat.say(survey[0]["buttons"][2]["payload"])  # a second answer does not count
    assert chat.text == texts.SURVEY_ALREADY.format(code=code)
    assert await _opinions(client) == [(Subject.TICKET, code, Verdict.SATISFIED)]

    stranger = RestChat(client, sender="someone-else")
    await stranger.say(survey[0]["buttons"][2]["payload"])
    assert await _opinions(client) == [(Subject.TICKET, code, Verdict.SATISFIED)]

    await person(client, "minh", "supervisor")
    await login(client, "minh")
    page = await (await client.get("/admin/dashboard")).text()
    assert "người dân hài lòng sau xử lý (1/1)" in page and "100%" in page


def _key(chat: RestChat):  # type: ignore[no-untyped-def]
    from hotline.bot.messages import ConversationKey

    return ConversationKey("rest", chat.sender)


async def test_a_thumb_down_on_an_earlier_answer_logs_the_question_that_got_it(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(QUESTION)
    [down] = [b["payload"] for b in chat.buttons if b["title"] == texts.NOT_HELPFUL]
    await chat.say("tiêm vắc xin mũi 3 ở đâu?")
    assert chat.buttons, "another entry answered"
    await chat.say(down)
    assert chat.text.startswith(texts.RATED_DOWN)
    assert await unanswered(client) == [QUESTION]


async def test_a_new_senders_answered_question_writes_no_state(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(QUESTION)
    assert [b["title"] for b in chat.buttons] == [texts.HELPFUL, texts.NOT_HELPFUL]
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    rows = await storage.db.query(
        lambda c: c.execute(
            "SELECT * FROM conversations WHERE sender = ?", (chat.sender,)
        ).fetchall()
    )
    assert rows == [], "the state is the one a new sender starts with"

"""A failed write to the dashboard's contact log does not cost the citizen the answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiohttp.test_utils import TestClient

from hotline.storage.sqlite.backend import SqliteStorage
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


async def test_a_broken_contact_log_does_not_abort_the_turn(client: TestClient) -> None:
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    await storage.db.transaction(lambda c: c.execute("DROP TABLE contacts"))  # writes now fail

    chat = RestChat(client, sender="citizen-log")
    await chat.say("cách ly bao nhiêu ngày")
    assert "ngày" in chat.text


async def test_a_broken_question_log_does_not_abort_the_turn(client: TestClient) -> None:
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    await storage.db.transaction(lambda c: c.execute("DROP TABLE faq_questions"))

    chat = RestChat(client, sender="citizen-questions")
    await chat.say("cách ly bao nhiêu ngày")
    assert "ngày" in chat.text
    contacts = await hotline_of(client).contacts.between(
        datetime.now(UTC) - timedelta(minutes=5), datetime.now(UTC) + timedelta(minutes=1)
    )
    assert len(contacts) == 1, "the question log's failure keeps the dashboard's contact row"


async def test_an_faq_question_is_logged_by_the_turns_own_write(client: TestClient) -> None:
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    commits = storage.db.commits
    chat = RestChat(client, sender="citizen-asks")
    await chat.say("cách ly bao nhiêu ngày")
    assert "ngày" in chat.text
    questions = await hotline_of(client).questions.between(
        datetime.now(UTC) - timedelta(minutes=5), datetime.now(UTC) + timedelta(minutes=1)
    )
    assert [q.channel for q in questions if q.answered] == ["rest"]
    assert storage.db.commits - commits == 1, "the message, its turn and its question: one write"

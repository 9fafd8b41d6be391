"""A failed write to the dashboard's contact log does not cost the citizen the answer."""

from __future__ import annotations

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

"""Contract fixtures: every store built on each back end, a SQLite file and a MongoDB database.

A test asking for `storage` (or any store below) runs twice, `[sqlite]` and `[mongodb]`, through
the one interface the hotline opens its stores with. The MongoDB side uses the session's server
(mongoeco, or HOTLINE_TEST_MONGODB_URL) with a fresh database per test, dropped afterwards;
mongoeco is slow, so the suites keep their data small.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.bot.conversation import ConversationStore
from hotline.faq.store import FaqStore
from hotline.handoff.crypto import Cipher
from hotline.handoff.store import TicketStore
from hotline.storage.base import Storage
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import open_storage
from tests.support.mongo_server import scratch_url


@pytest.fixture(params=["sqlite", "mongodb"])
async def storage(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Storage]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/contract.db"
    else:
        url = scratch_url(request.getfixturevalue("mongo_url"))
    opened = await open_storage(url)
    yield opened
    if isinstance(opened, MongoStorage):
        await opened.db.drop()
    await opened.close()


@pytest.fixture
async def conversations(storage: Storage) -> ConversationStore:
    return await storage.conversations()


@pytest.fixture
async def tickets(storage: Storage) -> TicketStore:
    return await storage.tickets(Cipher(Cipher.new_key()))


@pytest.fixture
async def faq_store(storage: Storage) -> FaqStore:
    return await storage.faq()

"""Contract fixtures: every store built on each back end, a SQLite file and a MongoDB database.

A test asking for `db` (or any store below) runs twice, `[sqlite]` and `[mongodb]`. The MongoDB
side uses the session's server (mongoeco, or HOTLINE_TEST_MONGODB_URL) with a fresh database per
test, dropped afterwards; mongoeco is slow, so the suites keep their data small.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.bot.conversation import ConversationStore
from hotline.faq.store import FaqStore
from hotline.handoff.crypto import Cipher
from hotline.handoff.store import TicketStore
from hotline.storage import stores
from hotline.storage.mongo import MongoDatabase
from hotline.storage.open import Database, open_database
from tests.support.mongo_server import scratch_url


@pytest.fixture(params=["sqlite", "mongodb"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/contract.db"
    else:
        url = scratch_url(request.getfixturevalue("mongo_url"))
    database = await open_database(url)
    yield database
    if isinstance(database, MongoDatabase):
        await database.drop()
    await database.close()


@pytest.fixture
async def conversations(db: Database) -> ConversationStore:
    return await stores.open_conversations(db)


@pytest.fixture
async def tickets(db: Database) -> TicketStore:
    return await stores.open_tickets(db, Cipher(Cipher.new_key()))


@pytest.fixture
async def faq_store(db: Database) -> FaqStore:
    return await stores.open_faq(db)

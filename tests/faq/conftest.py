"""FAQ fixtures: a real SQLite file per test, the production analyzer, the shipped seed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import FaqEntry
from hotline.faq.index import Analyzer, FaqIndex
from hotline.faq.io import load_seed
from hotline.faq.sqlite_store import SqliteFaqStore
from hotline.storage.sqlite import SqliteDatabase


@pytest.fixture
def analyzer() -> Analyzer:
    return words


@pytest.fixture(scope="session")
def seed() -> list[FaqEntry]:
    return load_seed()


@pytest.fixture(scope="session")
def seed_index(seed: list[FaqEntry]) -> FaqIndex:
    index = FaqIndex(words)
    index.rebuild(seed)
    return index


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/faq.db"


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[SqliteDatabase]:
    database = await SqliteDatabase.from_url(db_url)
    yield database
    await database.close()


@pytest.fixture
async def store(db: SqliteDatabase) -> SqliteFaqStore:
    return await SqliteFaqStore.open(db)

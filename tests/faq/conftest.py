"""FAQ fixtures: the storage on a real SQLite file per test, the analyzer, the shipped seed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import FaqEntry
from hotline.faq.index import Analyzer, FaqIndex
from hotline.faq.io import load_seed
from hotline.faq.store import FaqStore
from hotline.storage.base import Storage
from hotline.storage.open import open_storage


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
async def storage(db_url: str) -> AsyncIterator[Storage]:
    async with await open_storage(db_url) as opened:
        yield opened


@pytest.fixture
async def store(storage: Storage) -> FaqStore:
    return await storage.faq()

"""A SQLite file per test, for the SQLite stores' own concerns."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.storage.sqlite.database import SqliteDatabase


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/hotline.db"


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[SqliteDatabase]:
    database = await SqliteDatabase.from_url(db_url)
    yield database
    await database.close()

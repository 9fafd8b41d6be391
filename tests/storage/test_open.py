"""open_storage: the back end chosen once, by the store URL's scheme."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import backend, open_storage
from hotline.storage.sqlite.backend import SqliteStorage
from tests.support.mongo_server import scratch_url


def test_backend_by_scheme() -> None:
    assert backend("sqlite:///var/hotline.db") == "sqlite"
    assert backend("mongodb://db/hotline") == "mongodb"
    assert backend("mongodb+srv://cluster.example.vn/hotline") == "mongodb"
    with pytest.raises(ValueError, match="HOTLINE_STORE"):
        backend("postgres://db/hotline")


async def test_open_storage_picks_the_back_end(tmp_path: Path, mongo_url: str) -> None:
    async with await open_storage(f"sqlite:///{tmp_path}/x.db") as lite:
        assert isinstance(lite, SqliteStorage) and await lite.ping()
        assert not lite.several_workers
    assert not await lite.ping()  # closed with the block
    async with await open_storage(scratch_url(mongo_url)) as mongo:
        assert isinstance(mongo, MongoStorage) and await mongo.ping()
        assert mongo.several_workers  # live console events go through the store
        await mongo.db.drop()

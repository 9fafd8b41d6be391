"""The FAQ commands' store access: on whichever back end HOTLINE_STORE names."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline.cli.faq import export_all, published_entries
from hotline.config import Settings
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import open_storage
from tests.faq.samples import entry
from tests.support.mongo_server import scratch_url


@pytest.fixture(params=["sqlite", "mongodb"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "sqlite":
        return Settings(store=f"sqlite:///{tmp_path}/hotline.db")
    return Settings(store=scratch_url(request.getfixturevalue("mongo_url")))


async def test_rasa_training_reads_the_published_entries_of_any_store(settings: Settings) -> None:
    async with await open_storage(settings.store) as storage:
        faq = await storage.faq()
        await faq.put(entry("cach-ly-f0"))
        await faq.put(entry("nhap", status="draft"))
    try:
        assert [e.id for e in await published_entries(settings)] == ["cach-ly-f0"]
        assert "nhap" in await export_all(settings, "yaml")  # export takes drafts too
    finally:
        async with await open_storage(settings.store) as storage:
            if isinstance(storage, MongoStorage):
                await storage.db.drop()

from __future__ import annotations

import asyncio
from dataclasses import replace

from hotline.faq.index import Analyzer
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.store import FaqStore
from hotline.storage.open import open_storage
from tests.faq.samples import entry

CURFEW = entry(
    "gio-han-che-ra-duong",
    questions=("Mấy giờ thì không được ra đường?", "gio gioi nghiem tu may gio"),
    answer="Theo văn bản của UBND tỉnh, không ra đường từ 18 giờ đến 6 giờ sáng.",
    topic="gio_gioi_nghiem",
)


async def test_refresh_rebuilds_only_when_the_store_changed(
    store: FaqStore, analyzer: Analyzer
) -> None:
    await store.put(entry())
    knowledge = FaqKnowledge(store, analyzer)
    assert knowledge.revision is None
    assert await knowledge.refresh() is True
    assert await knowledge.refresh() is False
    assert await knowledge.refresh(force=True) is True
    assert knowledge.revision == await store.revision()
    assert knowledge.lookup("f0 cach ly bao lau").answer == await store.get(entry().id)


async def test_an_edit_by_another_process_is_picked_up(
    store: FaqStore, db_url: str, analyzer: Analyzer
) -> None:
    knowledge = FaqKnowledge(store, analyzer)
    await knowledge.refresh()
    assert knowledge.lookup("giờ giới nghiêm từ mấy giờ").answer is None

    # The CLI: its own database connection and store on the same file.
    cli_storage = await open_storage(db_url)
    try:
        cli = await cli_storage.faq()
        await cli.put(CURFEW)
        assert await knowledge.refresh() is True
        found = knowledge.lookup("giờ giới nghiêm từ mấy giờ")
        assert found.answer is not None and found.answer.id == CURFEW.id

        await cli.put(replace(CURFEW, status="draft"))
        assert await knowledge.refresh() is True
        assert knowledge.lookup("giờ giới nghiêm từ mấy giờ").answer is None
        assert knowledge.get_published(CURFEW.id) is None
    finally:
        await cli_storage.close()


async def test_watch_makes_another_process_edit_live_within_a_second(
    store: FaqStore, db_url: str, analyzer: Analyzer
) -> None:
    knowledge = FaqKnowledge(store, analyzer)
    watcher = asyncio.create_task(knowledge.watch(interval=0.05))
    cli_storage = await open_storage(db_url)
    try:
        cli = await cli_storage.faq()
        await cli.put(CURFEW)
        # The CLI wrote; the bot must answer with it within a second.
        for _ in range(50):
            if knowledge.get_published(CURFEW.id) is not None:
                break
            await asyncio.sleep(0.02)
        assert knowledge.get_published(CURFEW.id) is not None
    finally:
        watcher.cancel()
        await asyncio.gather(watcher, return_exceptions=True)
        await cli_storage.close()
    assert watcher.cancelled()


async def test_writes_through_knowledge_are_live_at_once(
    store: FaqStore, analyzer: Analyzer
) -> None:
    knowledge = FaqKnowledge(store, analyzer)
    await knowledge.refresh()
    stored = await knowledge.put(CURFEW)
    assert stored.version == 1
    assert knowledge.get_published(CURFEW.id) == stored
    assert knowledge.search("gio gioi nghiem")[0].entry == stored

    edited = await knowledge.put(replace(CURFEW, answer="Đã bỏ giờ hạn chế."))
    assert edited.version == 2
    assert knowledge.lookup("gio gioi nghiem tu may gio").answer == edited

    assert await knowledge.delete(CURFEW.id) is True
    assert knowledge.get_published(CURFEW.id) is None
    assert knowledge.search("gio gioi nghiem") == []
    assert await knowledge.delete(CURFEW.id) is False

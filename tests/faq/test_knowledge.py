from __future__ import annotations

import asyncio
import threading
from dataclasses import replace

import pytest

from hotline.faq.index import Analyzer
from hotline.faq.knowledge import FaqKnowledge, KnowledgeNotReady
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


class Gate:
    """An analyzer that holds a rebuild in its thread at one question until opened."""

    def __init__(self, analyzer: Analyzer, question: str) -> None:
        self.analyzer, self.question = analyzer, question
        self.reached, self.opened = threading.Event(), threading.Event()

    def __call__(self, text: str) -> list[str]:
        if text == self.question:
            self.reached.set()
            self.opened.wait(10)
        return self.analyzer(text)


async def test_the_old_index_answers_while_a_new_one_is_built_off_the_event_loop(
    store: FaqStore, analyzer: Analyzer
) -> None:
    old = await store.put(entry())
    gate = Gate(analyzer, CURFEW.questions[0])
    knowledge = FaqKnowledge(store, gate)
    await knowledge.refresh()
    await store.put(CURFEW)
    rebuild = asyncio.create_task(knowledge.refresh())
    try:
        await asyncio.to_thread(gate.reached.wait, 10)
        # The rebuild is stuck in its thread, the event loop is not: the old index answers.
        assert knowledge.lookup("f0 cach ly bao lau").answer == old
        assert knowledge.get_published(CURFEW.id) is None
        assert not rebuild.done()
    finally:
        gate.opened.set()
    assert await rebuild is True
    assert knowledge.lookup("f0 cach ly bao lau").answer == old
    assert knowledge.get_published(CURFEW.id) == await store.get(CURFEW.id)


async def test_requests_during_a_rebuild_are_served_by_one_more_with_the_latest_entries(
    store: FaqStore, analyzer: Analyzer
) -> None:
    gate = Gate(analyzer, CURFEW.questions[0])
    knowledge = FaqKnowledge(store, gate)
    await knowledge.refresh()
    await store.put(CURFEW)
    first = asyncio.create_task(knowledge.refresh())
    await asyncio.to_thread(gate.reached.wait, 10)
    # Five edits while the first rebuild runs, each asking for the index to follow it.
    edits = []
    for n in range(5):
        await store.put(replace(CURFEW, answer=f"Giờ hạn chế lần {n + 1}."))
        edits.append(asyncio.create_task(knowledge.refresh(force=True)))
    await asyncio.sleep(0.05)
    gate.opened.set()
    assert await first is True
    assert await asyncio.gather(*edits) == [True] * 5
    assert knowledge.rebuilds == 3  # the first refresh, the first rebuild, one for all five
    live = knowledge.get_published(CURFEW.id)
    assert live is not None and live.answer == "Giờ hạn chế lần 5."


async def test_until_built_waits_for_the_first_index_with_a_bound(
    store: FaqStore, analyzer: Analyzer
) -> None:
    await store.put(entry())
    knowledge = FaqKnowledge(store, analyzer)
    assert knowledge.built is False
    assert await knowledge.until_built(0.05) is False  # nothing builds it: the bound runs out
    waiting = asyncio.create_task(knowledge.until_built(30))
    await knowledge.refresh()
    assert await waiting is True and knowledge.built is True
    assert knowledge.lookup("f0 cach ly bao lau").answer == await store.get(entry().id)


async def test_the_readiness_gate_says_when_the_first_index_is_not_there_in_time(
    store: FaqStore, analyzer: Analyzer
) -> None:
    await store.put(entry())
    knowledge = FaqKnowledge(store, analyzer)
    knowledge.first_index_seconds = 0.05
    with pytest.raises(KnowledgeNotReady):
        await knowledge.ready_for_questions()  # nothing builds it: the bound runs out
    await knowledge.refresh()
    await knowledge.ready_for_questions()  # built: passes at once
    assert knowledge.lookup("f0 cach ly bao lau").answer == await store.get(entry().id)

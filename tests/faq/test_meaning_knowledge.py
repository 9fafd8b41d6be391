"""The encoder's second opinion as the bot asks it (`FaqKnowledge`): off the event loop."""

from __future__ import annotations

import asyncio
import errno
import threading
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq import knowledge as knowledge_module
from hotline.faq.entries import FaqEntry
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.meaning import Meaning
from hotline.faq.store import FaqStore
from tests.faq.test_meaning import ENTRIES, FAR, UNSURE, HandMade


class Threaded(HandMade):
    """Records the thread each query and each batch of passages runs in."""

    def __init__(self, entries: Sequence[FaqEntry], messages: dict[str, list[float]]) -> None:
        super().__init__(entries, messages)
        self.query_threads: list[threading.Thread] = []

    def query(self, text: str) -> np.ndarray:
        self.query_threads.append(threading.current_thread())
        return super().query(text)


def four_of(seed: list[FaqEntry]) -> list[FaqEntry]:
    by_id = {e.id: e for e in seed}
    return [by_id[i] for i in ENTRIES]


async def knowledge_of(store: FaqStore, seed: list[FaqEntry], encoder: HandMade) -> FaqKnowledge:
    """The four entries stored and served; their embedding started, not awaited."""
    for entry in four_of(seed):
        await store.put(entry)
    knowledge = FaqKnowledge(store, words, meaning=Meaning(encoder))
    await knowledge.refresh()
    return knowledge


async def test_an_unsure_match_is_considered_off_the_event_loop(
    seed: list[FaqEntry], store: FaqStore
) -> None:
    four = four_of(seed)
    encoder = Threaded(four, {UNSURE: [0.95, 0.3, 0.0, 0.0], FAR: [0.0, 0.0, 0.0, 1.0]})
    knowledge = await knowledge_of(store, seed, encoder)
    await knowledge.until_embedded()
    for text in (FAR, "F1 có được đi chợ không", UNSURE, UNSURE.upper()):
        await knowledge.consider(text)
        knowledge.lookup(text)
    # Asked once, for the one unsure message, and in a thread, never the loop's.
    assert encoder.queries == [UNSURE]
    assert encoder.query_threads and threading.main_thread() not in encoder.query_threads
    found = knowledge.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"
    await knowledge.close()


class Held(HandMade):
    """Embeds the variants only once `go` is set; fails while `failing` is."""

    def __init__(self, entries: Sequence[FaqEntry]) -> None:
        super().__init__(entries, {UNSURE: [0.95, 0.3, 0.0, 0.0]})
        self.go = threading.Event()
        self.failing = False

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if not self.go.wait(timeout=10):
            raise TimeoutError("the test never let the embedding go")
        if self.failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().passages(texts)


async def test_an_edit_does_not_wait_for_the_embedding(
    seed: list[FaqEntry], store: FaqStore
) -> None:
    four = four_of(seed)
    encoder = Held(four)
    knowledge = await knowledge_of(store, seed, encoder)  # its embedding waits for `go`
    try:
        new = "F0 ở nhà mấy hôm thì khỏi"
        encoder.axis[new] = 0
        stored = await knowledge.put(replace(four[0], questions=(*four[0].questions, new)))
        assert new in stored.questions and not knowledge.index.embedded
        assert encoder.embedded == []  # the save returned with the embedding still held
        assert knowledge.search(new)[0].entry.id == four[0].id  # the words serve the edit
        encoder.go.set()
        await knowledge.until_embedded()
        assert knowledge.index.embedded and new in encoder.embedded
    finally:
        encoder.go.set()
        await knowledge.close()


async def test_a_failed_embedding_is_logged_and_tried_again(
    seed: list[FaqEntry],
    store: FaqStore,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    four = four_of(seed)
    encoder = Held(four)
    encoder.go.set()
    encoder.failing = True
    knowledge = await knowledge_of(store, seed, encoder)
    stored = await knowledge.put(replace(four[0], answer="Cách ly 7 ngày."))
    await knowledge.until_embedded()
    assert stored.answer == "Cách ly 7 ngày." and knowledge.get_published(four[0].id) == stored
    assert not knowledge.index.embedded
    assert "embedding the FAQ variants failed" in caplog.text
    assert knowledge.lookup(UNSURE).answer is None  # the index decides alone meanwhile
    encoder.failing = False
    await knowledge.refresh()  # nothing changed, and the minute has not passed
    await knowledge.until_embedded()
    assert not knowledge.index.embedded
    monkeypatch.setattr(knowledge_module, "EMBEDDING_RETRY_SECONDS", 0.0)
    await knowledge.refresh()
    await knowledge.until_embedded()
    assert knowledge.index.embedded
    found = knowledge.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"
    await knowledge.close()


async def test_close_stops_the_embedding_under_way(seed: list[FaqEntry], store: FaqStore) -> None:
    encoder = Held(four_of(seed))
    knowledge = await knowledge_of(store, seed, encoder)
    await asyncio.sleep(0)  # the task starts and waits in its thread
    assert knowledge._embedding is not None and not knowledge._embedding.done()
    await knowledge.close()
    assert knowledge._embedding is None  # cancelled and awaited: no task left behind
    encoder.go.set()  # the thread's pass ends; nobody waits for it

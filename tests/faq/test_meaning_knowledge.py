"""The encoder's second opinion as the bot asks it (`FaqKnowledge`): off the event loop."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from hotline.bot.nlu.normalize import words
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


async def knowledge_of(store: FaqStore, seed: list[FaqEntry], encoder: HandMade) -> FaqKnowledge:
    by_id = {e.id: e for e in seed}
    for id in ENTRIES:
        await store.put(by_id[id])
    knowledge = FaqKnowledge(store, words, meaning=Meaning(encoder))
    await knowledge.refresh()
    return knowledge


async def test_an_unsure_match_is_considered_off_the_event_loop(
    seed: list[FaqEntry], store: FaqStore
) -> None:
    four = [e for e in seed if e.id in ENTRIES]
    encoder = Threaded(four, {UNSURE: [0.95, 0.3, 0.0, 0.0], FAR: [0.0, 0.0, 0.0, 1.0]})
    knowledge = await knowledge_of(store, seed, encoder)
    for text in (FAR, "F1 có được đi chợ không", UNSURE, UNSURE.upper()):
        await knowledge.consider(text)
        knowledge.lookup(text)
    # Asked once, for the one unsure message, and in a thread, never the loop's.
    assert encoder.queries == [UNSURE]
    assert encoder.query_threads and threading.main_thread() not in encoder.query_threads
    found = knowledge.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"

"""faq_choice: how the bot combines Rasa's FAQ pick with the FAQ index (real SQLite store)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.bot.dialogs.faq_answer import FAQ_PICK_CONFIDENCE, faq_choice
from hotline.bot.nlu.base import FaqPick
from hotline.bot.nlu.normalize import words
from hotline.faq.io import load_seed
from hotline.faq.knowledge import FaqKnowledge
from hotline.storage.open import open_storage

CLEAR = "F1 cách ly bao nhiêu ngày?"  # the FAQ index ranks cach-ly-f1-bao-lau first


@pytest.fixture
async def faq(tmp_path: Path) -> AsyncIterator[FaqKnowledge]:
    storage = await open_storage(f"sqlite:///{tmp_path}/faq.db")
    knowledge = FaqKnowledge(await storage.faq(), words)
    for entry in load_seed():
        await knowledge.put(entry)
    yield knowledge
    await storage.close()


async def test_a_sure_pick_is_taken_even_when_the_index_disagrees(faq: FaqKnowledge) -> None:
    found = faq_choice(FaqPick("khai-bao-y-te", FAQ_PICK_CONFIDENCE), faq, CLEAR)
    assert found.answer is not None and found.answer.id == "khai-bao-y-te"


async def test_an_unsure_pick_is_taken_when_the_index_ranks_it_first(faq: FaqKnowledge) -> None:
    assert faq.search(CLEAR, limit=1)[0].entry.id == "cach-ly-f1-bao-lau"
    found = faq_choice(FaqPick("cach-ly-f1-bao-lau", 0.2), faq, CLEAR)
    assert found.answer is not None and found.answer.id == "cach-ly-f1-bao-lau"


async def test_an_unsure_pick_the_index_disagrees_with_leaves_the_index_deciding(
    faq: FaqKnowledge,
) -> None:
    found = faq_choice(FaqPick("khai-bao-y-te", 0.2), faq, CLEAR)
    assert found == faq.lookup(CLEAR)
    assert found.answer is None or found.answer.id != "khai-bao-y-te"


async def test_a_pick_of_an_unpublished_entry_is_ignored(faq: FaqKnowledge) -> None:
    found = faq_choice(FaqPick("da-go-khoi-faq", 0.99), faq, CLEAR)
    assert found == faq.lookup(CLEAR)
    assert faq_choice(None, faq, CLEAR) == faq.lookup(CLEAR)

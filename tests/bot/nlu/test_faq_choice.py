"""faq_choice: Rasa's FAQ pick, the FAQ index and coverage decide what answers (real SQLite)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hotline.bot.nlu.base import FaqPick
from hotline.bot.nlu.faq_choice import TRUST, faq_choice
from hotline.bot.nlu.normalize import words
from hotline.faq.io import load_seed
from hotline.faq.knowledge import FaqKnowledge
from hotline.storage.open import open_storage

CLEAR = "F1 cách ly bao nhiêu ngày?"  # the FAQ index ranks cach-ly-f1-bao-lau first
HIV = "Tôi sống chung với HIV, đang uống ARV, có nên tiêm vắc xin COVID không?"


@pytest.fixture
async def faq(tmp_path: Path) -> AsyncIterator[FaqKnowledge]:
    storage = await open_storage(f"sqlite:///{tmp_path}/faq.db")
    knowledge = FaqKnowledge(await storage.faq(), words)
    for entry in load_seed():
        await knowledge.put(entry)
    yield knowledge
    await storage.close()


async def test_a_sure_pick_that_covers_the_question_answers_it(faq: FaqKnowledge) -> None:
    found = faq_choice(FaqPick("cach-ly-f1-bao-lau", TRUST.confidence), faq, CLEAR)
    assert found.answer is not None and found.answer.id == "cach-ly-f1-bao-lau"


async def test_a_sure_pick_that_does_not_cover_the_question_never_answers(
    faq: FaqKnowledge,
) -> None:
    assert faq.uncovered("dang-ky-tiem-vac-xin", HIV) > TRUST.uncovered
    found = faq_choice(FaqPick("dang-ky-tiem-vac-xin", 0.99), faq, HIV)
    assert found.answer is None


async def test_an_unsure_pick_is_taken_when_the_index_ranks_it_first(faq: FaqKnowledge) -> None:
    assert faq.search(CLEAR, limit=1)[0].entry.id == "cach-ly-f1-bao-lau"
    found = faq_choice(FaqPick("cach-ly-f1-bao-lau", TRUST.agreeing), faq, CLEAR)
    assert found.answer is not None and found.answer.id == "cach-ly-f1-bao-lau"


async def test_a_pick_the_index_is_sure_against_becomes_a_choice(faq: FaqKnowledge) -> None:
    assert faq.lookup(CLEAR).answer is not None
    found = faq_choice(FaqPick("khai-bao-y-te", 0.2), faq, CLEAR)
    assert found.answer is None
    assert [e.id for e in found.suggestions] == ["cach-ly-f1-bao-lau", "khai-bao-y-te"]


async def test_a_pick_of_an_unpublished_entry_is_ignored(faq: FaqKnowledge) -> None:
    found = faq_choice(FaqPick("da-go-khoi-faq", 0.99), faq, CLEAR)
    assert found == faq.lookup(CLEAR)
    assert faq_choice(None, faq, CLEAR) == faq.lookup(CLEAR)

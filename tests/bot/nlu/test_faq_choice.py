"""faq_choice: Rasa's FAQ pick, the FAQ index and coverage decide what answers (real SQLite)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from hotline.bot.nlu.base import FaqPick
from hotline.bot.nlu.faq_choice import (
    TRUST,
    PickTrust,
    faq_choice,
    off_topic_offer,
    plausible,
    trusted,
)
from hotline.bot.nlu.normalize import words
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqLookup, FaqMatch
from hotline.faq.io import load_seed
from hotline.faq.knowledge import FaqKnowledge
from hotline.storage.open import open_storage
from tests.faq.samples import entry as sample_entry

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
    found = faq_choice(FaqPick("cach-ly-f1-bao-lau", TRUST.answer + 0.01), faq, CLEAR)
    assert found.answer is not None and found.answer.id == "cach-ly-f1-bao-lau"


async def test_a_sure_pick_that_does_not_cover_the_question_never_answers(
    faq: FaqKnowledge,
) -> None:
    assert faq.uncovered("dang-ky-tiem-vac-xin", HIV) > TRUST.uncovered
    found = faq_choice(FaqPick("dang-ky-tiem-vac-xin", 0.99), faq, HIV)
    assert found.answer is None


async def test_an_unsure_pick_the_index_is_sure_of_answers(faq: FaqKnowledge) -> None:
    assert faq.lookup(CLEAR).answer is not None
    assert faq.lookup(CLEAR).answer.id == "cach-ly-f1-bao-lau"  # type: ignore[union-attr]
    found = faq_choice(FaqPick("cach-ly-f1-bao-lau", 0.1), faq, CLEAR)
    assert found.answer is not None and found.answer.id == "cach-ly-f1-bao-lau"


async def test_a_pick_the_index_is_sure_against_becomes_a_choice(faq: FaqKnowledge) -> None:
    assert faq.lookup(CLEAR).answer is not None
    # Sure enough that a disagreeing pick could answer (`answer + disagree`).
    found = faq_choice(FaqPick("khai-bao-y-te", TRUST.answer + TRUST.disagree), faq, CLEAR)
    assert found.answer is None
    assert [e.id for e in found.suggestions] == ["cach-ly-f1-bao-lau", "khai-bao-y-te"]


async def test_a_pick_too_unsure_to_answer_does_not_doubt_the_index(faq: FaqKnowledge) -> None:
    found = faq_choice(FaqPick("khai-bao-y-te", TRUST.veto - 0.01), faq, CLEAR)
    assert found == faq.lookup(CLEAR)
    assert found.answer is not None and found.answer.id == "cach-ly-f1-bao-lau"
    wary = PickTrust(veto=0.0, answer=0.1, disagree=0.0)  # every disagreeing pick: a choice
    assert faq_choice(FaqPick("khai-bao-y-te", 0.2), faq, CLEAR, wary).answer is None


async def test_a_pick_of_an_unpublished_entry_is_ignored(faq: FaqKnowledge) -> None:
    found = faq_choice(FaqPick("da-go-khoi-faq", 0.99), faq, CLEAR)
    assert found == faq.lookup(CLEAR)
    assert faq_choice(None, faq, CLEAR) == faq.lookup(CLEAR)


def test_a_pick_is_trusted_by_its_confidence_less_what_it_leaves_uncovered() -> None:
    trust = PickTrust(answer=0.4, uncovered=0.5)
    close: dict[str, Any] = {"agrees": True, "index": 0.5}  # ranked first, and close
    assert trusted(FaqPick("x", 0.9), uncovered=0.3, trust=trust, **close)
    assert not trusted(FaqPick("x", 0.6), uncovered=0.3, trust=trust, **close)  # 0.3 short
    assert trusted(FaqPick("x", 0.6), uncovered=0.0, trust=trust, **close)
    # However confident, a pick leaving more than half the question uncovered never answers.
    assert not trusted(FaqPick("x", 1.0), uncovered=0.55, trust=trust, **close)


def test_a_pick_the_index_ranks_below_another_must_be_surer() -> None:
    trust = PickTrust(answer=0.4, uncovered=0.5, disagree=0.2)
    assert trusted(FaqPick("x", 0.5), uncovered=0.0, trust=trust, agrees=True, index=0.5)
    assert not trusted(FaqPick("x", 0.5), uncovered=0.0, trust=trust, agrees=False, index=0.5)
    assert trusted(FaqPick("x", 0.7), uncovered=0.0, trust=trust, agrees=False, index=0.5)
    assert not trusted(FaqPick("x", 0.7), uncovered=0.2, trust=trust, agrees=False, index=0.5)


def test_a_pick_the_index_finds_nothing_close_to_never_answers() -> None:
    trust = PickTrust(answer=0.4, uncovered=0.5, index_floor=0.15)
    assert trusted(FaqPick("x", 0.9), uncovered=0.0, trust=trust, agrees=True, index=0.15)
    assert not trusted(FaqPick("x", 0.9), uncovered=0.0, trust=trust, agrees=True, index=0.1)
    assert not trusted(FaqPick("x", 0.9), uncovered=0.0, trust=trust, agrees=False, index=0.0)


def test_an_untrusted_pick_is_plausible_when_sure_enough_and_mostly_covered() -> None:
    trust = PickTrust(suggest=0.15, suggest_uncovered=0.5)
    assert plausible(FaqPick("x", 0.2), uncovered=0.4, trust=trust)
    assert not plausible(FaqPick("x", 0.1), uncovered=0.0, trust=trust)
    assert not plausible(FaqPick("x", 0.9), uncovered=0.6, trust=trust)


class _Faq:
    """A hand-made FAQ: the index scores the entries as told (the best first), never sure
    enough to answer alone, and covers the words of the question as told."""

    def __init__(self, scores: dict[str, float], uncovered: dict[str, float]) -> None:
        self.entries = {id: sample_entry(id, answer=f"Trả lời {id}.") for id in uncovered}
        self.scores, self._uncovered = scores, uncovered

    def get_published(self, id: str) -> FaqEntry | None:
        return self.entries.get(id)

    def lookup(self, text: str) -> FaqLookup:
        return FaqLookup(None, (), max(self.scores.values()))

    def search(self, text: str, limit: int = 3) -> list[FaqMatch]:
        ranked = sorted(self.scores, key=lambda id: -self.scores[id])
        return [FaqMatch(self.entries[id], self.scores[id], "câu hỏi") for id in ranked][:limit]

    def uncovered(self, entry_id: str, text: str) -> float:
        return self._uncovered[entry_id]


TRUST_B = PickTrust(answer=0.4, disagree=0.2, suggest=0.15, index_floor=0.15)
COVERED_B = {"a": 0.3, "b": 0.0}


def test_a_fairly_sure_pick_against_the_index_top_is_offered_alone() -> None:
    faq = _Faq({"a": 0.3, "b": 0.2}, COVERED_B)
    found = faq_choice(FaqPick("b", 0.5), faq, "?", TRUST_B)
    assert found.answer is None and [e.id for e in found.suggestions] == ["b"]
    # The same pick when the index ranks it first answers.
    agreeing = _Faq({"a": 0.2, "b": 0.3}, COVERED_B)
    assert faq_choice(FaqPick("b", 0.5), agreeing, "?", TRUST_B).answer is not None
    # An implausible pick is not offered: nothing is.
    assert faq_choice(FaqPick("b", 0.1), faq, "?", TRUST_B) == FaqLookup(None, (), 0.3)


def test_the_index_agrees_only_when_it_tells_the_pick_apart_from_the_others() -> None:
    # The index ranks "b" first, but "a" as fully covered and scored within `tie`: the
    # pick is then not agreed with, and needs the confidence of a disagreeing one.
    tied = _Faq({"a": 0.29, "b": 0.3}, {"a": 0.0, "b": 0.0})
    found = faq_choice(FaqPick("b", 0.5), tied, "?", TRUST_B)
    assert found.answer is None and found.suggestions[:1] == (tied.entries["b"],)
    assert faq_choice(FaqPick("b", 0.61), tied, "?", TRUST_B).answer is not None
    # Without the tie (apart by `tie` or more), the same pick answers.
    apart = _Faq({"a": 0.26, "b": 0.3}, {"a": 0.0, "b": 0.0})
    assert faq_choice(FaqPick("b", 0.5), apart, "?", TRUST_B).answer is not None


def test_a_pick_the_index_finds_no_plausible_match_for_never_answers() -> None:
    # Ranked first by the index, but with a score below the floor: offered, not answered.
    faint = _Faq({"a": 0.05, "b": 0.1}, COVERED_B)
    found = faq_choice(FaqPick("b", 0.95), faint, "?", TRUST_B)
    assert found.answer is None and [e.id for e in found.suggestions] == ["b"]
    assert not trusted(FaqPick("b", 0.95), 0.0, TRUST_B, agrees=True, index=0.1)


async def test_a_sure_pick_whose_answer_never_says_what_is_asked_is_only_offered(
    faq: FaqKnowledge,
) -> None:
    # The 115 entry's answer names no cost (hotline.faq.asks): Rasa's sure pick is offered.
    question = "gọi xe cấp cứu 115 chở người nhà đi viện có tính phí không"
    assert faq.uncovered("khan-cap-goi-115", question) <= TRUST.uncovered
    found = faq_choice(FaqPick("khan-cap-goi-115", 0.99), faq, question)
    assert found.answer is None
    assert "khan-cap-goi-115" in [e.id for e in found.suggestions]
    # The same sure pick of a question its answer does say something of answers it.
    found = faq_choice(FaqPick("khan-cap-goi-115", 0.99), faq, "khó thở nặng thì gọi 115 à")
    assert found.answer is not None and found.answer.id == "khan-cap-goi-115"


async def test_a_sure_pick_whose_answer_never_names_what_is_asked_is_only_offered(
    faq: FaqKnowledge,
) -> None:
    # "hãng nào" asks a maker the 115 entry's answer never names (hotline.faq.focus).
    question = "gọi 115 thì xe cấp cứu hãng nào tới"
    assert faq.uncovered("khan-cap-goi-115", question) <= TRUST.uncovered
    found = faq_choice(FaqPick("khan-cap-goi-115", 0.99), faq, question)
    assert found.answer is None
    assert "khan-cap-goi-115" in [e.id for e in found.suggestions]


TRUST_C = PickTrust(among=0.25, agreed=0.6, agreed_index=0.15, agreed_off_topic=0.6)
# Neither retriever finds "b" plausible alone: it leaves 80% of the question unused.
UNUSED_C = {"a": 0.9, "b": 0.8}


def test_the_entry_both_retrievers_put_first_is_offered_however_much_it_leaves_unused() -> None:
    both = _Faq({"a": 0.1, "b": 0.2}, UNUSED_C)
    found = faq_choice(FaqPick("b", 0.7), both, "?", TRUST_C)
    assert found.answer is None and [e.id for e in found.suggestions] == ["b"]
    assert off_topic_offer(FaqPick("b", 0.7), both, "?", TRUST_C) == both.entries["b"]
    # Not when the pick is unsure, when the index ranks another entry first, or scores it faintly.
    assert faq_choice(FaqPick("b", 0.5), both, "?", TRUST_C).suggestions == ()
    other_first = _Faq({"a": 0.3, "b": 0.2}, UNUSED_C)
    assert faq_choice(FaqPick("b", 0.7), other_first, "?", TRUST_C).suggestions == ()
    faint = _Faq({"a": 0.05, "b": 0.1}, UNUSED_C)
    assert off_topic_offer(FaqPick("b", 0.9), faint, "?", TRUST_C) is None
    # Off by default for small talk when the setting is None.
    assert off_topic_offer(FaqPick("b", 0.9), both, "?", PickTrust(agreed_off_topic=None)) is None


class _Suggesting(_Faq):
    """The hand-made FAQ, with plausible entries of the index's own to offer."""

    def lookup(self, text: str) -> FaqLookup:
        ranked = sorted(self.scores, key=lambda id: -self.scores[id])
        return FaqLookup(None, tuple(self.entries[id] for id in ranked[:3]), 0.3)


def test_a_wild_pick_never_pushes_out_the_indexs_own_suggestions() -> None:
    index = _Suggesting({"a": 0.3, "c": 0.25, "d": 0.2}, {"a": 0.0, "c": 0.0, "d": 0.0, "b": 0.9})
    wild = faq_choice(FaqPick("b", 0.1), index, "?", TRUST_C)
    assert [e.id for e in wild.suggestions] == ["a", "c", "d"]
    # Nor a pick below `among` that covers the question (plausible on its own).
    covering = _Suggesting(
        {"a": 0.3, "c": 0.25, "d": 0.2}, {"a": 0.0, "c": 0.0, "d": 0.0, "b": 0.0}
    )
    unsure = faq_choice(FaqPick("b", 0.2), covering, "?", TRUST_C)
    assert plausible(FaqPick("b", 0.2), 0.0, TRUST_C)
    assert [e.id for e in unsure.suggestions] == ["a", "c", "d"]
    fair = faq_choice(FaqPick("b", 0.3), index, "?", TRUST_C)
    assert [e.id for e in fair.suggestions] == ["b", "a", "c"]


class _Answering(_Faq):
    """The hand-made FAQ, its index sure of its top entry."""

    def lookup(self, text: str) -> FaqLookup:
        top = max(self.scores, key=lambda id: self.scores[id])
        return FaqLookup(self.entries[top], (), self.scores[top])


def test_a_pick_covering_less_than_the_indexs_answer_does_not_doubt_it() -> None:
    # The index answers "a", which uses every word of the question; the pick "b" leaves half.
    index = _Answering({"a": 0.4, "b": 0.2}, {"a": 0.0, "b": 0.5})
    found = faq_choice(FaqPick("b", TRUST.veto + 0.1), index, "?")
    assert found.answer is not None and found.answer.id == "a"
    # A pick covering as much is a reason to doubt it: a choice between the two.
    even = _Answering({"a": 0.4, "b": 0.2}, {"a": 0.0, "b": 0.0})
    doubted = faq_choice(FaqPick("b", TRUST.veto + 0.1), even, "?")
    assert doubted.answer is None and [e.id for e in doubted.suggestions] == ["a", "b"]
    # So is a pick sure enough that, disagreeing, it could answer on its own.
    sure = faq_choice(FaqPick("b", TRUST.answer + TRUST.disagree), index, "?")
    assert sure.answer is None and [e.id for e in sure.suggestions] == ["a", "b"]

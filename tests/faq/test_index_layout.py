"""The compact index (issue 15) finds what the index before it found, with the same scores.

`index_before_issue15.json` holds the five best matches the earlier layout (float64 weights per
posting, a dict per entry) gave for held-out paraphrases on the seed FAQ and for questions on a
synthetic FAQ of 400 entries: entry, score, closest variant, its cosine, the uncovered share.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from hotline.faq import coverage as coverage_module
from hotline.faq import story as story_module
from hotline.faq.entries import FaqEntry
from hotline.faq.index import Analyzer, FaqIndex
from tests.support.synthetic_faq import synthetic_entries

BEFORE = json.loads((Path(__file__).parent / "index_before_issue15.json").read_text())


@pytest.fixture(autouse=True)
def story_as_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The story of a long paraphrase weighed as when the record was made (all of it in the
    search, a quarter against coverage): the record checks the layout, not later weightings."""
    monkeypatch.setattr(story_module, "SEARCH_SHARE", 1.0)
    monkeypatch.setattr(coverage_module, "STORY_WEIGHT", 0.25)


def results(index: FaqIndex, questions: list[str]) -> dict[str, list[list[object]]]:
    return {
        q: [[m.entry.id, m.score, m.question, m.variant, m.uncovered] for m in index.search(q, 5)]
        for q in questions
    }


def assert_same(
    found: dict[str, list[list[object]]], expected: dict[str, list[list[object]]]
) -> None:
    for question, matches in expected.items():
        got = found[question]
        assert [m[0] for m in got] == [m[0] for m in matches], question
        assert [m[2] for m in got] == [m[2] for m in matches], question
        for mine, theirs in zip(got, matches, strict=True):
            assert mine[1:2] + mine[3:] == pytest.approx(theirs[1:2] + theirs[3:], abs=1e-12)


@pytest.mark.parametrize("faq", ["seed", "synthetic"])
def test_the_compact_index_matches_the_layout_before_it(
    faq: str, seed: list[FaqEntry], analyzer: Analyzer
) -> None:
    index = FaqIndex(analyzer)
    index.rebuild(seed if faq == "seed" else synthetic_entries(400))
    assert_same(results(index, list(BEFORE[faq])), BEFORE[faq])


def test_a_rebuild_reusing_analysed_questions_equals_a_fresh_one(analyzer: Analyzer) -> None:
    entries = synthetic_entries(300)
    edited = [
        *entries[:100],
        replace(entries[100], questions=("Giấy đi đường cho shipper ở Dĩ An xin ở đâu?",)),
        *entries[150:],  # 49 entries gone
        *synthetic_entries(320)[300:],  # 20 new ones
    ]
    reusing = FaqIndex(analyzer)
    reusing.rebuild(entries)
    reusing.rebuild(edited)
    fresh = FaqIndex(analyzer)
    fresh.rebuild(edited)
    questions = [*BEFORE["synthetic"], "giay di duong shipper di an", "tu-dong 310"]
    assert_same(results(reusing, questions), results(fresh, questions))
    assert reusing.get(entries[120].id) is None
    assert reusing.get(edited[-1].id) == edited[-1]

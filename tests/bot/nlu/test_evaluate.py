"""The held-out evaluation of the local NLU: the machinery, never a target.

Accuracy figures are printed by the evaluation (`hotline nlu evaluate`, `--open-world`), not
asserted here: a test that fails when new data shifts a figure by a point says nothing about
the code."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import INTENTS
from hotline.bot.nlu.evaluate import Report, evaluate_local, format_report, split
from hotline.bot.nlu.training import read_examples


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return evaluate_local(tmp_path_factory.mktemp("nlu-eval"), test_fraction=0.2)


def test_split_is_stratified_and_disjoint() -> None:
    examples = read_examples()
    train, test = split(examples, 0.2, seed=7)
    assert len(train) + len(test) == len(examples)
    assert not {(e.text, e.intent) for e in train} & {(e.text, e.intent) for e in test}
    for intent in INTENTS:
        total = sum(e.intent == intent for e in examples)
        held = sum(e.intent == intent for e in test)
        assert held == round(total * 0.2)
    assert split(examples, 0.2, seed=7) == (train, test)


def test_figures_are_shares_and_agree_with_the_confusion(report: Report) -> None:
    correct = sum(report.confusion[i][i] for i in range(len(report.labels)))
    assert report.accuracy == pytest.approx(correct / report.test_examples)
    assert 0.0 <= report.macro_f1 <= 1.0 and 0.0 <= report.accuracy <= 1.0
    for score in report.per_intent:
        assert 0.0 <= score.precision <= 1.0 and 0.0 <= score.recall <= 1.0
        assert 0.0 <= score.f1 <= 1.0
    assert report.macro_f1 == pytest.approx(
        sum(s.f1 for s in report.per_intent) / len(report.per_intent)
    )


def test_report_is_consistent(report: Report) -> None:
    assert set(report.labels) == set(INTENTS)
    assert sum(map(sum, report.confusion)) == report.test_examples
    assert sum(s.support for s in report.per_intent) == report.test_examples
    assert len(report.misses) == report.test_examples - sum(
        report.confusion[i][i] for i in range(len(report.labels))
    )
    assert 0 < report.latency_median_ms <= report.latency_p99_ms


def test_format_report(report: Report) -> None:
    text = format_report(report)
    assert f"intent accuracy {report.accuracy:.3f}" in text
    assert "macro F1" in text
    assert "confusion" in text
    assert all(intent in text for intent in INTENTS)

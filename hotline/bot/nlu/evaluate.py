"""Held-out evaluation of the local NLU on the project's own training data."""

from __future__ import annotations

import random
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.training import Example, fit_examples, read_examples

SEED = 1022


@dataclass(frozen=True)
class IntentScore:
    intent: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Miss:
    text: str
    expected: str
    predicted: str
    confidence: float


@dataclass(frozen=True)
class Report:
    """Scores on the held-out examples; latency is per parse, in milliseconds."""

    train_examples: int
    test_examples: int
    accuracy: float
    macro_f1: float
    per_intent: tuple[IntentScore, ...]
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]  # rows: expected, columns: predicted
    latency_median_ms: float
    latency_p99_ms: float
    misses: tuple[Miss, ...]


def split(
    examples: list[Example], test_fraction: float, seed: int
) -> tuple[list[Example], list[Example]]:
    """Stratified: the same share of every intent is held out."""
    by_intent: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example)
    rng = random.Random(seed)
    train: list[Example] = []
    test: list[Example] = []
    for intent in sorted(by_intent):
        group = by_intent[intent][:]
        rng.shuffle(group)
        cut = max(1, round(len(group) * test_fraction)) if len(group) > 1 else 0
        test.extend(group[:cut])
        train.extend(group[cut:])
    return train, test


def evaluate_local(
    model_dir: Path,
    test_fraction: float = 0.2,
    seed: int = SEED,
    data_paths: list[Path] | None = None,
) -> Report:
    """Train on the rest into `model_dir` (a scratch directory), then score the held-out part."""
    train, test = split(read_examples(data_paths), test_fraction, seed)
    fit_examples(train).save(model_dir, {"fingerprint": "evaluation", "examples": len(train)})
    nlu = LocalNLU.load(model_dir)
    labels = tuple(sorted({e.intent for e in train} | {e.intent for e in test}))
    at = {label: i for i, label in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    misses: list[Miss] = []
    for example in test:
        result = nlu.parse_sync(example.text)
        predicted = result.intent.name
        confusion[at[example.intent]][at.setdefault(predicted, at[example.intent])] += 1
        if predicted != example.intent:
            misses.append(Miss(example.text, example.intent, predicted, result.intent.confidence))
    median, p99 = _latency(nlu, [e.text for e in test])
    scores = _scores(labels, confusion)
    correct = sum(confusion[i][i] for i in range(len(labels)))
    return Report(
        train_examples=len(train),
        test_examples=len(test),
        accuracy=correct / len(test) if test else 0.0,
        macro_f1=statistics.fmean(s.f1 for s in scores) if scores else 0.0,
        per_intent=scores,
        labels=labels,
        confusion=tuple(tuple(row) for row in confusion),
        latency_median_ms=median,
        latency_p99_ms=p99,
        misses=tuple(misses),
    )


def _scores(labels: tuple[str, ...], confusion: list[list[int]]) -> tuple[IntentScore, ...]:
    scores: list[IntentScore] = []
    for i, label in enumerate(labels):
        hits = confusion[i][i]
        predicted = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        precision = hits / predicted if predicted else 0.0
        recall = hits / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores.append(IntentScore(label, precision, recall, f1, support))
    return tuple(scores)


def _latency(nlu: LocalNLU, texts: list[str], at_least: int = 2000) -> tuple[float, float]:
    """Median and 99th percentile of one parse, over enough passes for stable figures."""
    if not texts:
        return 0.0, 0.0
    timings: list[float] = []
    while len(timings) < at_least:
        for text in texts:
            started = time.perf_counter()
            nlu.parse_sync(text)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[min(len(timings) - 1, int(len(timings) * 0.99))]


def format_report(report: Report) -> str:
    """The report as text for a terminal: totals, per-intent scores, confusion matrix, misses."""
    lines = [
        f"local NLU, held-out evaluation: {report.test_examples} test / "
        f"{report.train_examples} training examples",
        f"intent accuracy {report.accuracy:.3f}   macro F1 {report.macro_f1:.3f}",
        f"parse latency   median {report.latency_median_ms:.3f} ms   "
        f"p99 {report.latency_p99_ms:.3f} ms",
        "",
        f"{'intent':<18} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>4}",
    ]
    for s in report.per_intent:
        lines.append(
            f"{s.intent:<18} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.support:>4}"
        )
    short = [label[:5] for label in report.labels]
    lines += ["", "confusion (rows: expected, columns: predicted)"]
    lines.append(" " * 18 + " ".join(f"{s:>5}" for s in short))
    for label, row in zip(report.labels, report.confusion, strict=True):
        lines.append(f"{label:<18}" + " ".join(f"{n:>5}" for n in row))
    if report.misses:
        lines += ["", "misses"]
        lines += [
            f"  {m.expected} -> {m.predicted} ({m.confidence:.2f}): {m.text}" for m in report.misses
        ]
    return "\n".join(lines)

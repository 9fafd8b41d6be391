"""Scores of an NLU on held-out cases: accuracy, macro F1, confusion, FAQ top-1, latency."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from hotline.bot.nlu.base import INTENTS


@dataclass(frozen=True)
class Case:
    """A held-out text with its true intent (and FAQ entry, for FAQ questions)."""

    text: str
    intent: str
    faq_entry: str | None = None


@dataclass(frozen=True)
class Prediction:
    intent: str
    faq_entry: str | None = None


@dataclass(frozen=True)
class Report:
    backend: str
    cases: int
    accuracy: float
    macro_f1: float
    faq_cases: int
    faq_top1: float
    faq_wrong: float  # FAQ questions answered with another entry (not: left to suggestions)
    latency_median_ms: float
    latency_p99_ms: float
    train_seconds: float
    confusion: dict[tuple[str, str], int]
    # (text, expected, predicted) of every intent miss and every FAQ entry miss
    misses: tuple[tuple[str, str, str], ...] = ()


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """F1 averaged over the intents that occur as truth or prediction."""
    labels = sorted({gold for gold, _ in pairs} | {pred for _, pred in pairs})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def score(
    backend: str,
    cases: Sequence[Case],
    predictions: Sequence[Prediction],
    latencies: Sequence[float],
    train_seconds: float = 0.0,
) -> Report:
    both = list(zip(cases, predictions, strict=True))
    pairs = [(c.intent, p.intent) for c, p in both]
    faq = [(c.faq_entry, p.faq_entry) for c, p in both if c.faq_entry]
    return Report(
        backend=backend,
        cases=len(cases),
        accuracy=sum(g == p for g, p in pairs) / len(pairs),
        macro_f1=macro_f1(pairs),
        faq_cases=len(faq),
        faq_top1=sum(g == p for g, p in faq) / len(faq) if faq else 0.0,
        faq_wrong=sum(p is not None and g != p for g, p in faq) / len(faq) if faq else 0.0,
        latency_median_ms=percentile(latencies, 50) * 1000,
        latency_p99_ms=percentile(latencies, 99) * 1000,
        train_seconds=train_seconds,
        confusion=dict(Counter(pairs)),
        misses=tuple(
            [(c.text, c.intent, p.intent) for c, p in both if c.intent != p.intent]
            + [
                (c.text, c.faq_entry, p.faq_entry or "-")
                for c, p in both
                if c.faq_entry and c.faq_entry != p.faq_entry
            ]
        ),
    )


def format_misses(report: Report) -> str:
    """Every miss as `expected -> predicted: text`, intents first, then FAQ entries."""
    lines = [f"misses, {report.backend}"]
    lines += [f"  {gold} -> {pred}: {text}" for text, gold, pred in report.misses]
    return "\n".join(lines)


def format_table(reports: Sequence[Report]) -> str:
    """One column per back end, as in the README."""
    rows = [
        ("held-out cases", lambda r: f"{r.cases}"),
        ("intent accuracy", lambda r: f"{r.accuracy:.1%}"),
        ("intent macro F1", lambda r: f"{r.macro_f1:.3f}"),
        ("FAQ entry top-1", lambda r: f"{r.faq_top1:.1%} of {r.faq_cases}"),
        ("FAQ wrong entry", lambda r: f"{r.faq_wrong:.1%}"),
        ("parse latency median", lambda r: f"{r.latency_median_ms:.1f} ms"),
        ("parse latency p99", lambda r: f"{r.latency_p99_ms:.1f} ms"),
        ("training time", lambda r: f"{r.train_seconds:.1f} s"),
    ]
    header = "| metric | " + " | ".join(r.backend for r in reports) + " |"
    lines = [header, "|" + " --- |" * (len(reports) + 1)]
    lines += [f"| {name} | " + " | ".join(cell(r) for r in reports) + " |" for name, cell in rows]
    return "\n".join(lines)


def format_seeds_table(runs: Sequence[Sequence[Report]]) -> str:
    """One column per back end, each cell the mean over the runs (one per seed) and the range."""

    def spread(values: Sequence[float], unit: str, scale: float = 1.0, digits: int = 1) -> str:
        low, high, mean = min(values), max(values), sum(values) / len(values)
        low, high, mean = low * scale, high * scale, mean * scale
        return f"{mean:.{digits}f}{unit} ({low:.{digits}f}-{high:.{digits}f})"

    rows = [
        ("held-out cases", lambda rs: f"{rs[0].cases} ({rs[0].faq_cases} FAQ)"),
        ("intent accuracy", lambda rs: spread([r.accuracy for r in rs], "%", 100)),
        ("intent macro F1", lambda rs: spread([r.macro_f1 for r in rs], "", digits=3)),
        ("FAQ entry top-1", lambda rs: spread([r.faq_top1 for r in rs], "%", 100)),
        ("FAQ wrong entry", lambda rs: spread([r.faq_wrong for r in rs], "%", 100)),
        ("parse latency median", lambda rs: spread([r.latency_median_ms for r in rs], " ms")),
        ("parse latency p99", lambda rs: spread([r.latency_p99_ms for r in rs], " ms")),
        ("training time", lambda rs: spread([r.train_seconds for r in rs], " s")),
    ]
    columns = [[run[n] for run in runs] for n in range(len(runs[0]))]
    header = f"| mean (range) over {len(runs)} seeds | " + " | ".join(c[0].backend for c in columns)
    lines = [header + " |", "|" + " --- |" * (len(columns) + 1)]
    lines += [f"| {name} | " + " | ".join(cell(c) for c in columns) + " |" for name, cell in rows]
    return "\n".join(lines)


def format_confusion(report: Report) -> str:
    """Rows: true intent; columns: predicted (abbreviated to four letters per word)."""
    labels = [i for i in INTENTS if any(i in pair for pair in report.confusion)]
    short = ["".join(w[:2] for w in label.split("_")) for label in labels]
    width = max(len(label) for label in labels)
    lines = [f"confusion matrix, {report.backend} (rows true, columns predicted)"]
    lines.append(" " * width + " " + " ".join(f"{s:>5}" for s in short))
    for gold in labels:
        counts = [report.confusion.get((gold, pred), 0) for pred in labels]
        lines.append(f"{gold:>{width}} " + " ".join(f"{c or '.':>5}" for c in counts))
    return "\n".join(lines)

"""The open-world figures as a table (one column per back end) and the misses behind them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hotline.evaluation.scores import Miss, Scores

# The targets, for the bot with either NLU: shown beside the figures.
TARGETS = {
    "wrong_answer": "<= 2%",
    "covered_helped": ">= 95%",
    "covered_direct": ">= 85%",
    "questions_to_form": "<= 2%",
    "intent_accuracy": ">= 95%",
}


def _percent(value: float) -> str:
    return f"{value:.1%}"


ROWS: list[tuple[str, str, Callable[[Scores], str]]] = [
    ("messages (covered / not covered)", "", lambda s: f"{s.cases} ({s.covered} / {s.uncovered})"),
    (
        "wrong answers, of messages no entry covers",
        "wrong_answer",
        lambda s: _percent(s.wrong_answer),
    ),
    ("wrong entry answered, of covered messages", "", lambda s: _percent(s.wrong_entry)),
    ("covered messages helped", "covered_helped", lambda s: _percent(s.covered_helped)),
    ("covered messages answered directly", "covered_direct", lambda s: _percent(s.covered_direct)),
    (
        "messages no entry covers offered entries (entries each)",
        "",
        lambda s: f"{_percent(s.uncovered_offered)} ({s.offered_mean:.1f})",
    ),
    (
        "questions sent into a report form",
        "questions_to_form",
        lambda s: _percent(s.questions_to_form),
    ),
    ("intent accuracy", "intent_accuracy", lambda s: _percent(s.intent_accuracy)),
    ("intent macro F1", "", lambda s: f"{s.macro_f1:.3f}"),
]


def format_table(split: str, columns: Sequence[Scores]) -> str:
    """A Markdown table, as the README shows it."""
    header = f"| {split} split | " + " | ".join(c.backend for c in columns) + " | target |"
    lines = [header, "|" + " --- |" * (len(columns) + 2)]
    for name, target, cell in ROWS:
        cells = " | ".join(cell(c) for c in columns)
        lines.append(f"| {name} | {cells} | {TARGETS.get(target, '')} |")
    return "\n".join(lines)


def format_misses(backend: str, found: Sequence[Miss]) -> str:
    lines = [f"misses, {backend} ({len(found)})"]
    for miss in sorted(found, key=lambda m: m.kind):
        o = miss.outcome
        did = (
            o.action
            + (f" {o.entry}" if o.entry else "")
            + (f" {list(o.offered)}" if o.offered else "")
        )
        want = miss.case.intent + (f" {list(miss.case.faq)}" if miss.case.faq else "")
        lines.append(f"  [{miss.kind}] {miss.case.text}\n      want {want}; got {o.intent}: {did}")
    return "\n".join(lines)

"""How well the FAQ index answers the held-out paraphrases in paraphrases.yml.

Run `python -m tests.faq.scorecard` to print the figures (tests never assert them).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from hotline.faq.index import FaqIndex

PARAPHRASES = Path(__file__).with_name("paraphrases.yml")


@dataclass(frozen=True)
class Scorecard:
    questions: int
    top1: float  # the expected entry ranks first
    top3: float  # the expected entry is among the first three
    coverage: float  # share of paraphrases answered with confidence
    precision: float  # share of confident answers that are the expected entry
    helped: float  # answered correctly, or the expected entry is among the suggestions
    off_topic: int
    off_topic_answered: int
    off_topic_suggested: int
    lookup_ms: float


def paraphrases() -> tuple[list[tuple[str, str]], list[str]]:
    data = yaml.safe_load(PARAPHRASES.read_text(encoding="utf-8"))
    return [(p["text"], p["id"]) for p in data["answerable"]], list(data["off_topic"])


def score(index: FaqIndex) -> Scorecard:
    answerable, off_topic = paraphrases()
    top1 = top3 = answered = right = helped = 0
    started = time.perf_counter()
    for text, expected in answerable:
        ranked = [m.entry.id for m in index.search(text, limit=3)]
        top1 += ranked[:1] == [expected]
        top3 += expected in ranked
        found = index.lookup(text)
        if found.answer is not None:
            answered += 1
            right += found.answer.id == expected
            helped += found.answer.id == expected
        else:
            helped += expected in [e.id for e in found.suggestions]
    lookups = [index.lookup(text) for text in off_topic]
    elapsed = time.perf_counter() - started
    n = len(answerable)
    return Scorecard(
        questions=n,
        top1=top1 / n,
        top3=top3 / n,
        coverage=answered / n,
        precision=right / answered if answered else 0.0,
        helped=helped / n,
        off_topic=len(off_topic),
        off_topic_answered=sum(found.answer is not None for found in lookups),
        off_topic_suggested=sum(bool(found.suggestions) for found in lookups),
        # Each answerable paraphrase is looked up twice (search and lookup).
        lookup_ms=1000 * elapsed / (2 * n + len(off_topic)),
    )


if __name__ == "__main__":
    from hotline.bot.nlu.normalize import words
    from hotline.faq.io import load_seed

    index = FaqIndex(words)
    index.rebuild(load_seed())
    print(score(index))

"""Which FAQ entry, if any, answers a question outright: the NLU's own pick and the FAQ index.

A wrong answer from a government hotline is worse than none, so an entry answers directly only
when it really covers the question (`hotline.faq.coverage`: the share of the question's salient
words unused by the entry) and the evidence is strong: Rasa's pick is confident well beyond
that share (`PickTrust`). Otherwise the index decides alone, under its own thresholds
(`hotline.faq.index.Thresholds`), between an answer, plausible suggestions and nothing; an
index answer Rasa disagrees with becomes a choice between the two. Both sets of thresholds are
calibrated on the open-world development split only (hotline/evaluation/data/dev.yml).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hotline.bot.nlu.base import FaqPick
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqLookup, FaqMatch


class PublishedFaq(Protocol):
    """What choosing an FAQ answer needs (hotline.faq.knowledge.FaqKnowledge has it)."""

    def get_published(self, id: str) -> FaqEntry | None: ...

    def lookup(self, text: str) -> FaqLookup: ...

    def search(self, text: str, limit: int = 3) -> list[FaqMatch]: ...

    def uncovered(self, entry_id: str, text: str) -> float: ...


@dataclass(frozen=True)
class PickTrust:
    """When the NLU's own FAQ pick (Rasa's response selector) answers directly: its confidence
    less the share of the question's salient words the picked entry never uses reaches `answer`,
    and that share is at most `uncovered`. A logistic regression of "the pick is right" on the
    two, fitted on the open-world dev split (232 messages Rasa sends to the FAQ), weighed them
    alike (5.7 and -5.5); whether the index ranks the pick first added nothing once both were
    known (weight 0.09). `answer` keeps dev's uncovered questions answered at 1% with a step to
    spare: at 0.3 they doubled."""

    answer: float = 0.4
    uncovered: float = 0.5


TRUST = PickTrust()


def trusted(picked: FaqPick, uncovered: float, trust: PickTrust) -> bool:
    """Whether the pick, leaving `uncovered` of the question unused, answers it directly."""
    return uncovered <= trust.uncovered and picked.confidence - uncovered >= trust.answer


def faq_choice(
    picked: FaqPick | None, faq: PublishedFaq, text: str, trust: PickTrust | None = None
) -> FaqLookup:
    """The entry to answer with, or the suggestions to offer, or neither."""
    trust = trust or TRUST
    found = faq.lookup(text)
    entry = faq.get_published(picked.entry_id) if picked is not None else None
    if picked is None or entry is None:
        return found
    if trusted(picked, faq.uncovered(entry.id, text), trust):
        return FaqLookup(entry, (), picked.confidence)
    if found.answer is not None and found.answer.id != entry.id:
        # The index alone is sure of another entry, and Rasa disagrees: offer both instead.
        return FaqLookup(None, (found.answer, entry), found.score)
    if found.answer is None and entry not in found.suggestions and found.suggestions:
        return FaqLookup(None, (entry, *found.suggestions[:2]), found.score)
    return found

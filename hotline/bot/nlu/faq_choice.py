"""Which FAQ entry, if any, answers a question outright: the NLU's own pick and the FAQ index.

A wrong answer from a government hotline is worse than none, so an entry answers directly only
when it really covers the question (`hotline.faq.coverage`: at most a small share of the
question's salient words unused by the entry) and the evidence is strong: Rasa's pick is
confident, or Rasa and the index agree. Otherwise the index decides alone, under its own
thresholds, between an answer, plausible suggestions and nothing. Both sets of thresholds are
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
    """When the NLU's own FAQ pick (Rasa's response selector) answers directly."""

    confidence: float = 0.5  # the pick alone, when it covers the question
    uncovered: float = 0.3  # at most this share of salient words unused by the picked entry
    agreeing: float = 0.3  # a pick the index ranks first too, at this confidence or more


TRUST = PickTrust()


def faq_choice(
    picked: FaqPick | None, faq: PublishedFaq, text: str, trust: PickTrust | None = None
) -> FaqLookup:
    """The entry to answer with, or the suggestions to offer, or neither."""
    trust = trust or TRUST
    found = faq.lookup(text)
    entry = faq.get_published(picked.entry_id) if picked is not None else None
    if picked is None or entry is None:
        return found
    if faq.uncovered(entry.id, text) <= trust.uncovered:
        if picked.confidence >= trust.confidence:
            return FaqLookup(entry, (), picked.confidence)
        best = faq.search(text, limit=1)
        if best and best[0].entry.id == entry.id and picked.confidence >= trust.agreeing:
            return FaqLookup(entry, (), max(picked.confidence, best[0].score))
    if found.answer is not None and found.answer.id != entry.id:
        # The index alone is sure of another entry, and Rasa disagrees: offer both instead.
        return FaqLookup(None, (found.answer, entry), found.score)
    if found.answer is None and entry not in found.suggestions and found.suggestions:
        return FaqLookup(None, (entry, *found.suggestions[:2]), found.score)
    return found

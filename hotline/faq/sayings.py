"""What each entry says: the kinds of things its answer says, the words of its answer, and how
it writes its words.

The answer gate asks of an entry whether its answer says what a question asks (a cost, an hour,
a place: `hotline.faq.asks`) and whether it says the things the question's asking clause names
(`hotline.faq.focus`); coverage asks how the entry writes a word the question wrote with marks
(`hotline.faq.accents`: "vẫn vàng" is not the "vâng" of an answer). Kept per entry with the
index's content and rebuilt with it (`hotline.faq.coverage.Coverage`).
"""

from __future__ import annotations

import sys

from hotline.faq.accents import Spellings, spellings
from hotline.faq.asks import Ask, kinds_said
from hotline.faq.entries import FaqEntry
from hotline.faq.focus import unnamed
from hotline.faq.synonyms import covered_by
from hotline.lru import Lru

# An entry's text: its question variants and its answer.
Text = tuple[tuple[str, ...], str]


class Sayings:
    """Per entry, what its answer says and the text its spellings are worked out from."""

    def __init__(self) -> None:
        self._texts: dict[str, Text] = {}
        # What each entry's answer says of costs, hours, places... (`hotline.faq.asks`).
        self._says: dict[str, frozenset[Ask]] = {}
        # The words each entry's answer says, with their synonyms (`hotline.faq.focus`).
        self._answers: dict[str, frozenset[str]] = {}

    def add(self, entry: FaqEntry, answer: list[str]) -> None:
        """Keep what `entry` says, whose answer's words `answer` are already analysed."""
        self._texts[entry.id] = (entry.questions, entry.answer)
        self._says[entry.id] = kinds_said(answer)
        self._answers[entry.id] = frozenset(map(sys.intern, {*answer, *covered_by([answer])}))

    def reuse(self, entry: FaqEntry, previous: Sayings) -> bool:
        """Take `previous`'s sayings of `entry` if its text is unchanged there; True if so."""
        text = (entry.questions, entry.answer)
        if previous._texts.get(entry.id) != text:
            return False
        self._texts[entry.id] = text
        self._says[entry.id] = previous._says[entry.id]
        self._answers[entry.id] = previous._answers[entry.id]
        return True

    def unsaid(self, entry_id: str, asks: frozenset[Ask]) -> frozenset[Ask]:
        """What the question asks (`hotline.faq.asks.kinds_asked`) that the entry's answer
        never says: an entry leaving any of it unsaid does not answer the question directly."""
        return asks - self._says.get(entry_id, frozenset())

    def unnamed(self, entry_id: str, focus: frozenset[str]) -> frozenset[str]:
        """The words the question's asking clause names (`hotline.faq.focus`) that the entry's
        answer, its question variants apart, never says, nor a synonym of them."""
        return unnamed(focus, self._answers.get(entry_id, frozenset()))

    def written(self, entry_id: str) -> Spellings:
        """The entry's words as it writes them (`hotline.faq.accents.spellings`), worked out
        from its text when a lookup checks it: keeping them for every entry cost 5 MiB at
        10,000 entries, and a lookup checks a few."""
        text = self._texts.get(entry_id)
        return {} if text is None else _WRITTEN.get(text, _entry_spellings)


def as_written(text: str) -> Spellings:
    """The message's words as it writes them (`hotline.faq.accents.spellings`)."""
    # A text of plain ASCII has no diacritics: `spellings` would find none, word by word.
    return {} if text.isascii() else _ASKED.get(text, lambda t: spellings([t]))


# A search checks the same text against several entries, and the entries a search meets are
# few: both derivations are kept for the most recent (read only: callers never change them).
_WRITTEN: Lru[Text, Spellings] = Lru(1024)
_ASKED: Lru[str, Spellings] = Lru(256)


def _entry_spellings(text: Text) -> Spellings:
    questions, answer = text
    return spellings([*questions, answer])

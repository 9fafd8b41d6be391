"""Which diacritics a word was written with, so words that fold alike are not taken for one.

Folded, "yếu" (weak) and "yêu" (love, as in "yêu cầu": request) are both "yeu"; "vàng" (yellow)
and "vâng" (yes) are both "vang". When a citizen writes with diacritics and an entry writes the
same folded word with other diacritics, the entry does not use the citizen's word. Texts typed
without any diacritic say nothing either way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# A word's spelling as (folded word, its marks): "yếu" -> ("yeu", "̂́"). Where the tone mark
# sits ("hoà" or "hòa") does not change the marks.
Spelling = tuple[str, str]
Spellings = dict[str, frozenset[str]]


def _spelling(word: str) -> Spelling:
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = "".join(sorted(c for c in decomposed if unicodedata.combining(c)))
    if "đ" in word.lower():
        marks += "đ"
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")
    return folded, marks


def has_diacritics(text: str) -> bool:
    return any(m for _, m in map(_spelling, _WORD.findall(text)))


def spellings(texts: Iterable[str]) -> Spellings:
    """Folded word -> the marks it was written with, from the texts typed with diacritics."""
    found: dict[str, set[str]] = {}
    for text in texts:
        if not has_diacritics(text):
            continue
        for folded, marks in map(_spelling, _WORD.findall(text)):
            found.setdefault(folded, set()).add(marks)
    return {w: frozenset(m) for w, m in found.items()}


def differ(asked: Spellings, known: Spellings, word: str) -> bool:
    """True when the question wrote folded `word` with diacritics the entry never writes it with
    (the entry writes it only otherwise: "yêu cầu" does not answer "yếu"). A word the question
    wrote bare says nothing: citizens often leave out a few marks.
    """
    said = asked.get(word, frozenset()) - {""}
    written = known.get(word, frozenset())
    return bool(said) and bool(written) and not said & written

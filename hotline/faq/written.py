"""Words as the citizen wrote them, with their diacritics, where folding would blur them.

`hotline.faq.dialect` (central particles) and `hotline.faq.home` (the province's towns) read a
message this way: a word is told apart by its own diacritics and by where it stands in its
clause, then handed to coverage folded, as the analyzer gives it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection

_CLAUSE = re.compile(r"[,.;:!?()\n]+")
_WORD = re.compile(r"\w+")


# Words folded lately. A word longer than any Vietnamese one (a run of letters, a link) is folded
# anew each time: kept, 4,096 words of 4,000 letters would hold ~50 MiB.
WORDS_KEPT = 4096
LONGEST_WORD_KEPT = 32


def fold(word: str) -> str:
    """`word` lowercased without diacritics, as the analyzer folds it ("rứa" -> "rua")."""
    return _fold(word) if len(word) > LONGEST_WORD_KEPT else _folded(word)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d")


_folded = functools.lru_cache(maxsize=WORDS_KEPT)(_fold)


def said_only(text: str, marked: Callable[[list[str]], Collection[int]]) -> frozenset[str]:
    """The folded words `text` says only at the positions `marked` finds in each clause's
    words (lower case, as written); a word the text also says elsewhere is the question's.
    Nothing for a text typed without diacritics: there the words say nothing of which they are."""
    if text.isascii():
        return frozenset()
    inside: set[str] = set()
    outside: set[str] = set()
    for clause in _CLAUSE.split(unicodedata.normalize("NFC", text).lower()):
        words = _WORD.findall(clause)
        spans = marked(words)
        for i, word in enumerate(words):
            (inside if i in spans else outside).add(fold(word))
    return frozenset(inside - outside)

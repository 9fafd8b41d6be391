"""Typo repair for the FAQ index: a misspelt word one edit away from a FAQ word becomes it.

Vietnamese syllables are short, so almost every real word is one edit away from some other
word. Only words that cannot be a Vietnamese syllable ("duog", "trag", "vacin") are repaired,
only towards words the FAQ itself uses, and a candidate that forms a known word pair with its
neighbour wins ("di duog" -> "di duong", not "di duoc").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from itertools import pairwise

# A folded Vietnamese syllable: optional initial consonant, one to three vowels, optional final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    r"[aeiouy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)


class Speller:
    """Repairs misspelt words against the index vocabulary (word -> how many entries use it)."""

    def __init__(self, vocabulary: Mapping[str, int], pairs: Collection[tuple[str, str]]) -> None:
        self._counts = dict(vocabulary)
        self._pairs = set(pairs)
        self._by_delete: dict[str, list[str]] = {}
        for word in self._counts:
            for key in _deletes(word):
                self._by_delete.setdefault(key, []).append(word)

    def knows(self, phrase: tuple[str, ...]) -> bool:
        """True when some entry's questions use `phrase` (a word, or each of its word pairs)."""
        if len(phrase) == 1:
            return phrase[0] in self._counts
        return all(pair in self._pairs for pair in pairwise(phrase))

    def correct(self, words: list[str]) -> list[str]:
        out = list(words)
        for i, word in enumerate(words):
            if not self._suspect(word):
                continue
            candidates = {c for key in _deletes(word) for c in self._by_delete.get(key, ())}
            close = [c for c in candidates if _one_edit(word, c)]
            if close:
                before = words[i - 1] if i > 0 else ""
                after = words[i + 1] if i + 1 < len(words) else ""
                out[i] = max(
                    close, key=lambda c: (self._fits(before, c, after), self._counts[c], c)
                )
        return out

    def _suspect(self, word: str) -> bool:
        return (
            len(word) >= 2
            and word not in self._counts
            and word.isalpha()
            and not _SYLLABLE.fullmatch(word)
        )

    def _fits(self, before: str, word: str, after: str) -> int:
        return ((before, word) in self._pairs) + ((word, after) in self._pairs)


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by exactly one edit (including swapping two neighbours)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]

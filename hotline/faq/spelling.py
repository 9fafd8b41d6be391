"""Typo repair for the FAQ index: a misspelt word one edit away from a FAQ word becomes it.

Vietnamese syllables are short, so almost every real word is one edit away from some other
word. Only words that cannot be a Vietnamese syllable ("duog", "trag", "vacin") are repaired,
only towards words the FAQ itself uses, and a candidate that forms a known word pair with its
neighbour wins ("di duog" -> "di duong", not "di duoc").

Real syllables spelt as they are said in a region ("chẻ em" for "trẻ em", "sử lý" for "xử lý",
"tim ngừa" for "tiêm ngừa") are repaired too, but only where the word forms no phrase the FAQ
knows with its neighbours and the sound-alike does (`_sound_alikes`): "che" stays "che" unless
a neighbour makes "tre" a known phrase.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from itertools import pairwise

from hotline.faq.coverage import GENERIC
from hotline.faq.features import STOPWORDS
from hotline.faq.synonyms import GROUPS

# Sounds the south says alike, so voice typing and spelling by ear swap them: the initials
# "ch"/"tr" and "s"/"x", and "i" for "iê" before a final ("tim" for "tiêm"). Folded, like the
# analyzer's words. Others were tried and left out: "l"/"n" made "Đồng Nai" "đồng lại", final
# "n"/"ng" made "đơn" "đông", "d"/"v" made "viện" "điện", and "iê" for "i" "ưu tiên" "ưu tin".
_INITIALS = (("ch", "tr"), ("s", "x"))
_INITIAL = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?(.*)")

# A folded Vietnamese syllable: optional initial consonant, one to three vowels, optional final.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
    r"[aeiouy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?"
)


def is_syllable(word: str) -> bool:
    """Whether folded `word` could be a Vietnamese syllable ("duong"; not "duog", "test")."""
    return bool(_SYLLABLE.fullmatch(word))


class Speller:
    """Repairs misspelt words against the index vocabulary (word -> how many entries use it)
    and its word pairs (pair -> how many entries use it, or just the pairs)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        pairs: Mapping[tuple[str, str], int] | Collection[tuple[str, str]],
    ) -> None:
        self._counts = dict(vocabulary)
        self._pair_counts = dict(pairs) if isinstance(pairs, Mapping) else dict.fromkeys(pairs, 1)
        self._pairs = set(self._pair_counts)
        self._by_delete: dict[str, list[str]] = {}
        for word in self._counts:
            for key in _deletes(word):
                self._by_delete.setdefault(key, []).append(word)

    def knows(self, phrase: tuple[str, ...]) -> int:
        """How many entries' questions use `phrase` (0: none); for a phrase of several words,
        how many use its least used word pair (they may not all use the whole phrase)."""
        if len(phrase) == 1:
            return self._counts.get(phrase[0], 0)
        return min(self._pair_counts.get(pair, 0) for pair in pairwise(phrase))

    def correct(self, words: list[str]) -> list[str]:
        out = list(words)
        # Worked out once a word: a long message says the same few words again and again.
        close_to: dict[str, list[str]] = {}
        for i, word in enumerate(words):
            if not self._suspect(word):
                continue
            if word not in close_to:
                close_to[word] = self._close(word)
            close = close_to[word]
            if close:
                before = words[i - 1] if i > 0 else ""
                after = words[i + 1] if i + 1 < len(words) else ""
                out[i] = max(
                    close, key=lambda c: (self._fits(before, c, after), self._counts[c], c)
                )
        return self.regional(out)

    def _close(self, word: str) -> list[str]:
        """The words of the vocabulary one edit away from `word`."""
        candidates = {c for key in _deletes(word) for c in self._by_delete.get(key, ())}
        return [c for c in candidates if _one_edit(word, c)]

    def regional(self, words: list[str]) -> list[str]:
        """`words` with a syllable spelt by ear ("che em", "su ly") replaced by the sound-alike
        that forms a phrase the hotline knows with a neighbouring word, where the word as
        written forms none. Fillers and question words ("tu", "ve", "dau") are never repaired
        and never vouch for a repair: "tìm ở đâu" must not become "tiêm ở đâu"."""
        out = list(words)
        alike_to: dict[str, list[str]] = {}  # once a word, as in `correct`
        for i, word in enumerate(words):
            if word in GENERIC or not word.isalpha():
                continue
            if word not in alike_to:
                found = _sound_alikes(word)
                alike_to[word] = [c for c in found if c in self._counts and c not in GENERIC]
            alike = alike_to[word]
            if not alike or self._phrases(words, i, word):
                continue
            best = max(
                alike, key=lambda c: (self._phrases(words, i, c), self._counts[c], c), default=""
            )
            if best and self._phrases(words, i, best):
                out[i] = best
        return out

    def _phrases(self, words: list[str], i: int, word: str) -> int:
        """How many phrases `word` in place of `words[i]` forms with its neighbours: a word pair
        of an entry's questions with the nearest content word either side (no filler), or a
        pair of a synonym group's phrase with the word next to it ("tre em")."""
        before, after = _neighbour(words, i, -1), _neighbour(words, i, 1)
        found = sum(
            pair in self._pairs
            for pair in ((before, word), (word, after))
            if pair[0] not in GENERIC and pair[1] not in GENERIC
        )
        next_to = (words[i - 1] if i > 0 else "", words[i + 1] if i + 1 < len(words) else "")
        return found + ((next_to[0], word) in _PHRASE_PAIRS) + ((word, next_to[1]) in _PHRASE_PAIRS)

    def _suspect(self, word: str) -> bool:
        return (
            len(word) >= 2
            and word not in self._counts
            and word.isalpha()
            and not _SYLLABLE.fullmatch(word)
        )

    def _fits(self, before: str, word: str, after: str) -> int:
        return ((before, word) in self._pairs) + ((word, after) in self._pairs)


# Word pairs of the synonym groups' phrases: the hotline's own phrases ("tre em", "xu ly").
_PHRASE_PAIRS = frozenset(pair for group in GROUPS for phrase in group for pair in pairwise(phrase))


def _neighbour(words: list[str], i: int, step: int) -> str:
    """The nearest word before (step -1) or after (step 1) `words[i]` that is no filler of the
    index's (`STOPWORDS`: its word pairs skip them), or "" at the end."""
    i += step
    while 0 <= i < len(words):
        if words[i] not in STOPWORDS:
            return words[i]
        i += step
    return ""


def _sound_alikes(word: str) -> set[str]:
    """The spellings `word` is said alike with (`_INITIALS`, "i" for "iê"), one swap."""
    match = _INITIAL.fullmatch(word)
    if match is None:
        return set()
    initial, rest = match.group(1) or "", match.group(2)
    found = set()
    for a, b in _INITIALS:
        for this, that in ((a, b), (b, a)):
            if initial == this:
                found.add(that + rest)
    if re.fullmatch(r"i(ch|ng|nh|[cmnptu])", rest):
        found.add(initial + "ie" + rest[1:])
    return found


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

"""Questions written in English, read in the hotline's Vietnamese words.

Foreign residents, overseas Vietnamese and staff in a hurry ask in English ("how many days do I
have to isolate", "is there still a curfew"), or drop English words into Vietnamese ("home test
positive rồi thì next step là gì"). The FAQ is Vietnamese, so the index reads English as the
Vietnamese it means: the hotline's domain words ("isolate" -> "cách ly", "ambulance" -> "xe cấp
cứu") anywhere they are written without diacritics, and, in a text that reads as English, its
question words ("how many" -> "bao nhiêu", "where" -> "ở đâu") too, with English's fillers ("the",
"I", "do") dropped. What is not in the tables stays as written, so an English question on what
the FAQ does not cover keeps words no entry uses and is not answered.

Written from the hotline's topics and ordinary English, not from any evaluation split.
"""

from __future__ import annotations

import itertools
import re

from hotline.faq.english_words import DOMAIN_TEXT, FILLERS, GENERAL_TEXT, MARKERS
from hotline.faq.spelling import is_syllable

# A text is English with this many `MARKERS`, or typed bare with its English words at least
# `ENGLISH_RATIO` times its only-Vietnamese ones (`english_words.MARKERS` says why).
ENOUGH_MARKERS = 2
ENGLISH_RATIO = 2

_TOKEN = re.compile(r"[^\W_]+(?:['’][a-z]+)?", re.UNICODE)


def _table(text: str) -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for line in text.strip().splitlines():
        said, _, meant = line.partition("=")
        for phrase in said.split("|"):
            table[tuple(phrase.split())] = meant.strip()
    return table


DOMAIN = _table(DOMAIN_TEXT)
GENERAL = _table(GENERAL_TEXT)
_BOTH = {**GENERAL, **DOMAIN}
_LONGEST = max(map(len, _BOTH))


def reads_english(text: str) -> bool:
    """Whether `text` (lower case) is written in English: enough words only English uses, or
    no diacritics and the tables' or the fillers' English for most of its words ("can i use
    my vaccine certificate to travel"; "co can test ko" is Vietnamese typed bare)."""
    return _english([t.replace("’", "'") for t in _TOKEN.findall(text)])


def _english(words: list[str]) -> bool:
    return sum(w in MARKERS for w in words) >= ENOUGH_MARKERS or _bare_english(words)


def _bare_english(words: list[str]) -> bool:
    if not all(w.isascii() for w in words):
        return False
    english = sum(w in _ENGLISH_WORDS and not is_syllable(w) for w in words)
    vietnamese = sum(w not in _ENGLISH_WORDS and is_syllable(w) for w in words)
    return english >= ENOUGH_MARKERS and english >= ENGLISH_RATIO * vietnamese


def _bare_vietnamese(words: list[str]) -> bool:
    """Whether `words`, English by their markers, are mostly Vietnamese typed bare ("f0 o nha
    can lam gi, how long phai cach ly"): there a word that can be a syllable is Vietnamese
    ("can" is cần, "an" ăn, "me" mẹ), neither read as English nor dropped as a filler."""
    return all(w.isascii() for w in words) and not _bare_english(words)


def read_english(text: str) -> str:
    """`text` (lower case, NFC) with its English read as Vietnamese: the domain's words
    wherever they are written without diacritics, and in a text that reads as English its
    question words too, its fillers dropped. Unknown words stay as written."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [text[a:b].replace("’", "'") for a, b in spans]
    english = _english(words)
    table = _BOTH if english else DOMAIN
    if not english and not any((w,) in table or w in _FIRST_WORDS for w in words):
        return text
    syllables = english and _bare_vietnamese(words)  # Vietnamese where it can be
    out: list[str] = []
    i, done = 0, 0
    while i < len(words):
        found = _phrase(words, i, table, syllables)
        filler = english and words[i] in FILLERS and not (syllables and is_syllable(words[i]))
        if found is None and not filler:
            i += 1
            continue
        meant, used = found or ("", 1)
        if meant == "gì" and words[i] == "what" and _asks_what_it_is(words, i + used):
            meant = "là gì"
        out += [text[done : spans[i][0]], meant]
        done = spans[i + used - 1][1]
        i += used
    return "".join([*out, text[done:]])


_FIRST_WORDS = frozenset(phrase[0] for phrase in DOMAIN)
_ENGLISH_WORDS = FILLERS | MARKERS | {w for phrase in _BOTH for w in phrase}

# "What is 5K", "what is directive 16": a short question after "what is" asks what a thing is
# ("là gì"); a longer one asks something of it ("what is the fine for ...": "gì").
DEFINED_WITHIN = 3


def _asks_what_it_is(words: list[str], after: int) -> bool:
    """Whether 1 to `DEFINED_WITHIN` words but fillers follow `words[after - 1]` to the end."""
    said = 0
    for word in itertools.islice(words, after, None):
        said += word not in FILLERS
        if said > DEFINED_WITHIN:  # a long message of "what is" walks on only this far
            return False
    return said > 0


def _phrase(
    words: list[str], i: int, table: dict[tuple[str, ...], str], syllables: bool = False
) -> tuple[str, int] | None:
    """The phrase of `table` at `words[i]`, longest first; with `syllables`, none whose every
    word can be a Vietnamese syllable."""
    for n in range(min(_LONGEST, len(words) - i), 0, -1):
        phrase = tuple(words[i : i + n])
        if phrase in table and all(w.isascii() for w in phrase):
            if syllables and all(map(is_syllable, phrase)):
                continue
            return table[phrase], n
    return None

"""A citizen's text as the FAQ index reads it: English and voice typing in the FAQ's words.

Before the analyzer folds a text, numbers and acronyms spelt out by voice typing are written as
the FAQ writes them (`hotline.faq.spoken`) and English is read as the Vietnamese it means
(`hotline.faq.english`). Both leave a Vietnamese text typed by hand as it is.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable

from hotline.faq.english import read_english
from hotline.faq.spoken import read_spoken

Analyzer = Callable[[str], list[str]]

# Texts read lately: the index reads a turn's text up to three times. A long text is read anew
# each time, as `hotline.bot.nlu.normalize` folds it: kept, long texts would hold megabytes.
TEXTS_KEPT = 4096
LONGEST_TEXT_KEPT = 256


def read(text: str) -> str:
    """`text` in lower case with spoken numbers, spelt acronyms and English read."""
    return _read(text) if len(text) > LONGEST_TEXT_KEPT else _kept(text)


def _read(text: str) -> str:
    return read_english(read_spoken(unicodedata.normalize("NFC", text).lower()))


_kept = functools.lru_cache(maxsize=TEXTS_KEPT)(_read)


def reading(analyzer: Analyzer) -> Analyzer:
    """`analyzer` applied to the text as `read` gives it."""

    def analyze(text: str) -> list[str]:
        return analyzer(read(text))

    return analyze

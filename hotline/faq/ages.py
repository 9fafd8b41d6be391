"""The ages a question names and the ages an FAQ answer speaks for.

"Trẻ 3 tuổi khi nào được tiêm" uses every salient word of the entry on vaccinating children,
whose answer names 5 to 11 and 12 to 17 years and so says nothing of a three-year-old. Ages
are read in bands (`BANDS`); an answer that names ages in years speaks for the bands they
reach, and one that names none speaks for every age: a rule that names no age holds for all.
Groups named without a number ("trẻ em", "người già ... được ưu tiên") are read as naming no
age: they are as often a priority within a rule for all as a limit on it. Read from folded
words, as `hotline.faq.asks` reads.
"""

from __future__ import annotations

import re

# (name, first year, last year): the bands the hotline's rules tell apart.
BANDS: tuple[tuple[str, int, int], ...] = (
    ("age_under_5", 0, 4),
    ("age_5_11", 5, 11),
    ("age_12_17", 12, 17),
    ("age_18_49", 18, 49),
    ("age_50_59", 50, 59),
    ("age_60_up", 60, 200),
)
_OLDEST = 200

_COUNTS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8}
_N = r"(\d+|mot|hai|ba|bon|nam|sau|bay|tam)"
# "3 tuổi", "trên 60 tuổi", "dưới 5 tuổi", "18 tháng tuổi". Not "ông bà tuổi cao" (folded
# "bà" is "ba", three), "tuổi già", nor "nam tuổi từ 18" (men, "nam", of an age said after).
_ASKED = re.compile(
    rf"(?<= )(?:(tren|duoi|qua) )?{_N} (thang )?tuoi(?= )"
    r"(?! (?:cao|gia|tac) )(?! (?:tu |tren |duoi )?\d)"
)
# An infant named without "tuổi": "trẻ sơ sinh", "bé 2 tháng", "em bé được 3 tuần". Not "con"
# (folded "còn": "còn 3 tháng" is what remains), nor "mới sinh" (as often the mother).
_INFANT = re.compile(
    r"(?<= )(?:so sinh|(?:be|em be|chau) (?:moi |duoc )?(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam"
    r"|chin|muoi|may) (?:thang|tuan)(?! tuoi))(?= )"
)
# "từ 12 đến 17 tuổi", "5 đến dưới 12 tuổi", "12-17 tuổi", "từ 18 tuổi trở lên", "trên 50
# tuổi", "dưới 5 tuổi", "65 tuổi".
_RANGE = re.compile(r"(?<= )(\d+) (?:den |toi )?(duoi )?(\d+) tuoi(?= )")
_BOUND = re.compile(r"(?<= )(tu|tren|duoi|qua)? ?(\d+) tuoi( tro len| tro xuong)?(?= )")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word]


def _bands(first: int, last: int) -> set[str]:
    return {name for name, low, high in BANDS if low <= last and first <= high}


def asked(line: str) -> set[str]:
    """The age bands a question (a folded line, padded with spaces) names."""
    found: set[str] = set()
    for bound, count, months in _ASKED.findall(line):
        age = 0 if months else _number(count)
        age = age + 1 if bound in ("tren", "qua") else age - 1 if bound == "duoi" else age
        found |= _bands(max(age, 0), max(age, 0))
    if _INFANT.search(line):
        found |= _bands(0, 0)
    return found


def said(line: str) -> set[str]:
    """The age bands an answer (a folded line, padded with spaces) speaks for: those its ages
    reach, or every band when it names none."""
    spans: list[tuple[int, int]] = []
    for low, below, high in _RANGE.findall(line):
        spans.append((int(low), int(high) - 1 if below else int(high)))
    # A range's ends are no bounds of their own ("5 đến dưới 12 tuổi" is not "dưới 12 tuổi").
    for bound, age, direction in _BOUND.findall(_RANGE.sub("_", line)):
        number = int(age)
        if bound in ("tren", "qua") or direction == " tro len" or bound == "tu":
            first = number + 1 if bound in ("tren", "qua") else number
            spans.append((first, _OLDEST))
        elif bound == "duoi" or direction == " tro xuong":
            spans.append((0, number - 1 if bound == "duoi" else number))
        else:
            spans.append((number, number))
    if not spans:
        return {name for name, _, _ in BANDS}
    return set().union(*(_bands(low, high) for low, high in spans))

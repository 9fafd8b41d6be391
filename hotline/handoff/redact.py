"""Taking the reporter out of text: phone numbers, e-mail addresses and the reporter's name,
found however they are typed (with or without diacritics, any case, any phone format)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from hotline.handoff.tickets import Reporter

HIDDEN = "[đã ẩn]"
# Vietnamese numbers as people type them: 0912 345 678, 0912.345.678, +84 912 345 678,
# 84912345678, (0274) 3822 123; at least 9 digits after the 0 or 84, separators anywhere.
_PHONE = re.compile(r"(?<![\w+])(?:\(?\+?84\)?|\(?0)(?:[\s.\-()]{0,2}\d){8,10}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WORD = re.compile(r"\w+")
_SHORTEST_NAME_WORD = 2  # "An", "Tư": a given name can be short


def fold(text: str) -> str:
    """Lower case without diacritics, one character for each character of `text`, so a match
    in the folded text is a match at the same place in the original."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base if len(base) == 1 else c


def name_words(name: str | None) -> tuple[str, ...]:
    """The folded words of a name: "Trần Thị Mai" -> ("tran", "thi", "mai")."""
    return tuple(w for w in _WORD.findall(fold(name or "")) if len(w) >= _SHORTEST_NAME_WORD)


def _name_spans(text: str, words: tuple[str, ...]) -> Iterable[tuple[int, int]]:
    """Where the name stands in `text`: two or more of its words in a row, in the name's order
    ("Trần Thị Mai", "Tran Mai", "thị Mai"; not "thị trấn"), or its given name (the last word)
    with a capital letter, as in "anh Bảo gọi lại"."""
    if not words:
        return
    given = words[-1]
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(fold(text))]
    i = 0
    while i < len(tokens):
        j, at = i, -1
        while j < len(tokens) and (place := _next_place(words, tokens[j][2], at)) is not None:
            at = place
            j += 1
        run = j - i
        if run >= 2 or (len(words) == 1 and run == 1):
            yield tokens[i][0], tokens[j - 1][1]
            i = j
            continue
        start, end, word = tokens[i]
        if word == given and text[start].isupper():
            yield start, end
        i += 1


def _next_place(words: tuple[str, ...], word: str, after: int) -> int | None:
    for place in range(after + 1, len(words)):
        if words[place] == word:
            return place
    return None


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + HIDDEN + text[end:]
    return text


def redact(text: str | None, reporter: Reporter | None) -> str:
    """The text without phone numbers, e-mail addresses, or the reporter's own details."""
    if not text:
        return ""
    text = _EMAIL.sub(HIDDEN, text)
    text = _PHONE.sub(HIDDEN, text)
    if reporter is None:
        return text
    if reporter.phone:
        digits = re.sub(r"\D", "", reporter.phone)
        if len(digits) >= 6:  # a number typed in a form no pattern knows, as it was given
            text = text.replace(reporter.phone.strip(), HIDDEN)
    if reporter.email:
        text = re.sub(re.escape(reporter.email.strip()), HIDDEN, text, flags=re.IGNORECASE)
    return _mask(text, list(_name_spans(text, name_words(reporter.name))))


def leaks(text: str, reporter: Reporter) -> list[str]:
    """What of the reporter is still in `text` (for the leak checks): the phone's national
    digits, the e-mail address, or two words of the name in a row, however typed."""
    found = []
    digits = re.sub(r"\D", "", reporter.phone or "")
    national = digits[2:] if digits.startswith("84") else digits.lstrip("0")
    if len(national) >= 6 and any(
        national in re.sub(r"\D", "", m.group()) for m in re.finditer(r"\d[\d\s.\-()+]*", text)
    ):
        found.append(reporter.phone or "")
    if reporter.email and reporter.email.lower() in text.lower():
        found.append(reporter.email)
    words = name_words(reporter.name)
    if len(words) > 1 and any(" " in text[start:end] for start, end in _name_spans(text, words)):
        found.append(reporter.name or "")
    return found

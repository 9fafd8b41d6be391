"""Entities in a citizen's text: district, ward, phone number, ticket code.

Offsets are character offsets into the text as received; values are canonical (official place
names, phone numbers as 0xxxxxxxxx, ticket codes as PA-XXXX-XXXX).
"""

from __future__ import annotations

import functools
import re

from hotline.bot.nlu.admin_units import AdminUnits, default_units
from hotline.bot.nlu.base import Entity
from hotline.handoff.codes import ALPHABET, GROUP_LEN, PREFIX, could_be_issued

_GROUP = f"([{ALPHABET}]{{{GROUP_LEN}}})"
_TICKET = re.compile(
    rf"(?<![0-9A-Za-z]){PREFIX}[\s-]?{_GROUP}[\s-]?{_GROUP}(?![0-9A-Za-z])", re.IGNORECASE
)
# A code's shape with a letter or digit no code holds (0, O, 1, I: "Pa-5Ghu-1Nbq"), its groups set
# apart as the bot writes them: a code misread or mistyped, which the lookup says cannot exist.
# Its eight characters mix letters and digits, as nine codes in ten do, and neither group is
# all digits: "pa mình test" (teencode for "ba", dad), "pa sinh 1955", "pa 0912 3456" (a phone
# number) are no code.
_MISTYPED = re.compile(
    rf"(?<![0-9A-Za-z]){PREFIX}[\s-]([0-9A-Z]{{{GROUP_LEN}}})[\s-]([0-9A-Z]{{{GROUP_LEN}}})"
    r"(?![0-9A-Za-z])",
    re.IGNORECASE,
)

# A run of digits with single spaces, dots, hyphens or brackets between them; numbers are cut
# from it afterwards, so "0912345678 0987654321" is two numbers and a 12-digit ID card is none.
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\(?\d(?:(?:[ .\-]|\) ?| ?\()?\d)*")
# Digits in a number with its prefix: 0084 + 10 down to 0 + 9.
_PHONE_DIGITS = (14, 13, 12, 11, 10)
_MOBILE = re.compile(r"0[35789]\d{8}")
_LANDLINE = re.compile(r"02\d{9}")


def ticket_codes(text: str) -> list[Entity]:
    return [
        Entity(
            "ticket_code", f"{PREFIX}-{m.group(1)}-{m.group(2)}".upper(), m.start(), m.end(), m[0]
        )
        for m in _TICKET.finditer(text)
    ]


def mistyped_codes(text: str) -> list[Entity]:
    """Ticket codes in the code's shape holding a character no code holds, as `ticket_codes`
    gives codes: the lookup answers that such a code cannot exist and how codes are written."""
    found = []
    for m in _MISTYPED.finditer(text):
        value = f"{PREFIX}-{m.group(1)}-{m.group(2)}".upper()
        both = m.group(1) + m.group(2)
        mixed = any(c.isdigit() for c in both) and any(c.isalpha() for c in both)
        a_year = m.group(1).isdigit() or m.group(2).isdigit()  # one code in 250 has such a group
        if mixed and not a_year and not could_be_issued(value):
            found.append(Entity("ticket_code", value, m.start(), m.end(), m[0]))
    return found


def normalize_phone(raw: str) -> str | None:
    """A Vietnamese mobile or landline number as 0xxxxxxxxx, or None if it is not one."""
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and not digits.startswith("840") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    elif raw.lstrip("(").startswith("+"):
        return None  # another country's number
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    return None


def phones(text: str) -> list[Entity]:
    found: list[Entity] = []
    for run in _DIGIT_RUN.finditer(text):
        chunk, digits = run[0], [i for i, c in enumerate(run[0]) if c.isdigit()]
        i = 0
        while i < len(digits):
            for count in _PHONE_DIGITS:
                if i + count > len(digits):
                    continue
                start = 0 if i == 0 else digits[i]
                end = digits[i + count - 1] + 1
                if end < len(chunk) and chunk[end].isdigit():
                    continue  # a number ends where a group of digits ends
                value = normalize_phone(chunk[start:end])
                if value is not None:
                    at = run.start()
                    found.append(Entity("phone", value, at + start, at + end, chunk[start:end]))
                    i += count
                    break
            else:
                i += 1
                while i < len(digits) and digits[i] == digits[i - 1] + 1:
                    i += 1  # a number starts where a group of digits starts
    return found


def places(text: str, units: AdminUnits | None = None) -> list[Entity]:
    mentions = (units or default_units()).find(text)
    return [Entity(m.level, m.value, m.start, m.end, m.text) for m in mentions]


# A text's entities are read by the local parse, by Rasa's and by a rule's parse of the same
# text: the last texts' are kept, keyed on the exact text (offsets point into it) and the unit
# list. A long text is read anew each time, as `normalize.words` does.
TEXTS_KEPT = 4096
LONGEST_TEXT_KEPT = 256


def extract_entities(text: str, units: AdminUnits | None = None) -> tuple[Entity, ...]:
    """Every entity in `text`, left to right; codes and numbers win over names they overlap."""
    units = default_units() if units is None else units
    if len(text) > LONGEST_TEXT_KEPT:
        return _extract(text, units)
    return _extracted(text, units)


def _extract(text: str, units: AdminUnits) -> tuple[Entity, ...]:
    taken: list[Entity] = []
    codes = ticket_codes(text) + mistyped_codes(text)
    for entity in [*codes, *phones(text), *places(text, units)]:
        if all(entity.end <= t.start or entity.start >= t.end for t in taken):
            taken.append(entity)
    return tuple(sorted(taken, key=lambda e: e.start))


_extracted = functools.lru_cache(maxsize=TEXTS_KEPT)(_extract)

"""Ticket codes: easy to read out on the phone, impossible to guess from one another.

`PA-7K3Q-9X2M`: "PA" (phản ánh) and two groups of four characters drawn with `secrets` from a
32-letter alphabet without 0/O and 1/I, so 40 random bits per code.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PREFIX = "PA"
GROUPS = 2
GROUP_LEN = 4
RANDOM_BITS = GROUPS * GROUP_LEN * 5

_CODE = re.compile(
    rf"\b{PREFIX}[\s-]?([{ALPHABET}]{{{GROUP_LEN}}})[\s-]?([{ALPHABET}]{{{GROUP_LEN}}})\b",
    re.IGNORECASE,
)


def new_code() -> str:
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LEN)) for _ in range(GROUPS))
    return "-".join((PREFIX, *groups))


def could_be_issued(code: str) -> bool:
    """Whether `code` ("PA-XXXX-XXXX") holds only characters a code is drawn from."""
    return all(c in ALPHABET for c in code.removeprefix(f"{PREFIX}-").replace("-", ""))


def find_code(text: str) -> str | None:
    """The first ticket code in free text, upper-cased with hyphens, or None."""
    match = _CODE.search(text.upper())
    return f"{PREFIX}-{match.group(1)}-{match.group(2)}" if match else None

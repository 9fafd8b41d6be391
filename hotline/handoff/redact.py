"""Taking the reporter out of text that leaves the hotline (forwarded reports, Open311)."""

from __future__ import annotations

import re

from hotline.handoff.tickets import Reporter

HIDDEN = "[đã ẩn]"
# Vietnamese phone numbers as people type them: 0912 345 678, +84 912.345.678, 84912345678.
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){8,10}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def redact(text: str | None, reporter: Reporter | None) -> str:
    """The text without phone numbers, e-mail addresses, or the reporter's own details."""
    if not text:
        return ""
    if reporter is not None:
        for value in (reporter.name, reporter.phone, reporter.email):
            if value and value.strip():
                text = re.sub(re.escape(value.strip()), HIDDEN, text, flags=re.IGNORECASE)
    text = _EMAIL.sub(HIDDEN, text)
    return _PHONE.sub(HIDDEN, text)

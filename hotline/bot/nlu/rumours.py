"""A rumour asked to be confirmed is the FAQ's: "nghe nói tuần sau cấm đò ngang, có thật không".

The hotline answers rumours about the epidemic and its rules (the FAQ holds the official word and
where it is published); what the rumour is about (a vaccine, a ferry, someone arrested, a
lockdown) made the model read a health question or small talk. A rumour is told ("nghe nói",
"nghe đồn", "có tin đồn", "người ta nói") and then checked ("có thật không", "đúng không",
"phải không"). One about a home remedy stays the consultant's (`remedies`, applied after). A
report or a tip is never taken back: "nghe nói nhà bên có F0 không khai báo, có thật không" is
a tip to be checked, which is the hotline's job, not the FAQ's.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import words

# Not "có tin nhắn" (a text message received).
_HEARD = re.compile(
    r"\b(?:nghe noi|nghe don|co tin (?:don|la|rang|bao)|thay bao|nguoi ta (?:noi|bao|don))\b"
)
_CHECKED = re.compile(r"\b(?:co that khong|dung khong|phai khong|that khong)\b")
# What the model takes such a question for.
_MISTAKEN_FOR = frozenset({"health_consult", "out_of_scope"})


def checks_rumour(text: str) -> bool:
    """True for a rumour told and then asked to be confirmed."""
    said = " ".join(words(text))
    heard = _HEARD.search(said)
    return heard is not None and _CHECKED.search(said, heard.end()) is not None


def rumour_checked(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a rumour asked to be confirmed, the FAQ's intent in place of the
    health consultant's or small talk's."""
    if parse.intent.name not in _MISTAKEN_FOR or not checks_rumour(parse.text):
        return parse
    return parse.swapped("ask_faq")

"""Formal closings and thanks to the hotline itself: courtesy, not feedback for the record.

Citizens who write formally close a question as they would a letter ("... Trân trọng cảm ơn.",
"... Kính chúc sức khỏe.", "Tôi xin chân thành cảm ơn."); the model reads the closing as praise
and would start the feedback form for a question. A message that only thanks the hotline ("Tôi
xin trân trọng cảm ơn sự giúp đỡ của quý Tổng đài") is thanks; praise of people who helped
(doctors, ward staff, volunteers, the province) stays feedback, which the hotline records.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.questions import is_question

# A closing, in folded words, as the last sentence or clause of a message.
_CLOSING = re.compile(
    r"(?:(?:toi|em|chau|con|chung toi) )?(?:xin )?(?:(?:tran trong|chan thanh) )?"
    r"(?:cam on|cam ta|tran trong)(?: (?:nhieu|rat nhieu|quy (?:tong dai|co quan)|tong dai|admin))?"
    r"|(?:kinh )?chuc (?:[a-z]+ ){0,3}(?:suc khoe|manh khoe|binh an)(?: [a-z]+){0,3}"
)
# Where a message's last sentence or clause begins.
_CLAUSE_END = re.compile(r"[.!;,\n]+")
# Thanks, and the hotline thanked.
_THANKS = re.compile(r"\b(?:cam on|cam ta)\b")
_THE_HOTLINE = re.compile(r"\b(?:tong dai|quy co quan|ad|admin)\b")
# Others thanked or praised, and a wish or a complaint beside the thanks: feedback.
_OTHERS = re.compile(
    r"\b(?:chinh quyen|bac si|y te|tinh nguyen|can bo|cong an|chien si|bo doi|phuong|xa"
    r"|(?:ubnd|lanh dao|cua) tinh|tinh da|doan|to covid|doi|nhan vien|duoc si)\b"
)
_BESIDES = re.compile(
    r"\b(?:nen|de nghi|kien nghi|gop y|mong|tuy nhien|nhung|chua|cham|neu|hy vong)\b"
)
# How sure thanks to the hotline alone are: the model's feedback is seldom sure of them, and
# below the router's CONFIDENT they would go the FAQ's way and be offered entries.
THANKS_CONFIDENCE = 0.8
# What a closing or thanks is mistaken for.
_MISTAKEN_FOR = frozenset({"feedback", "thank", "goodbye"})


def without_closing(text: str) -> str:
    """The message without a formal closing at its end ("..., trân trọng cảm ơn."), or as it
    is when it has none."""
    ends = [m for m in _CLAUSE_END.finditer(text.rstrip(" .!;,\n")) if m.end() < len(text)]
    for end in reversed(ends[-2:]):
        last = " ".join(words(text[end.end() :]))
        if last and _CLOSING.fullmatch(last):
            return text[: end.start()]
    return text


def thanks_the_hotline(text: str) -> bool:
    """True for thanks to the hotline alone: no one else thanked, nothing wished besides."""
    said = " ".join(words(text))
    thanked = _THANKS.search(said) and _THE_HOTLINE.search(said)
    return bool(thanked) and not _OTHERS.search(said) and not _BESIDES.search(said)


def courteous(parse: ParseResult) -> ParseResult:
    """The parse itself; or, for a question closed formally and taken for feedback or thanks,
    the FAQ's intent at the same confidence, the two trading places in the ranking; for thanks
    to the hotline taken for feedback, thanks, surely."""
    top = parse.intent
    if top.name not in _MISTAKEN_FOR:
        return parse
    asked = without_closing(parse.text)
    if asked != parse.text and is_question(asked):
        return _traded(parse, "ask_faq")
    if top.name == "feedback" and thanks_the_hotline(parse.text) and not is_question(asked):
        return _sure(_traded(parse, "thank"), THANKS_CONFIDENCE)
    return parse


def _sure(parse: ParseResult, confidence: float) -> ParseResult:
    """The parse with its top intent at least this sure, the others sharing the rest."""
    if parse.intent.confidence >= confidence:
        return parse
    return parse.surely(parse.intent.name, confidence)


def _traded(parse: ParseResult, name: str) -> ParseResult:
    top = parse.intent
    ranking = [
        replace(i, name=top.name) if i.name == name else i
        for i in parse.intent_ranking or (top,)
        if i.name != top.name
    ]
    moved = replace(top, name=name)
    return replace(parse, intent=moved, intent_ranking=(moved, *ranking))

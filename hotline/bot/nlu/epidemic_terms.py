"""Questions that name the epidemic's own terms are the FAQ's, whatever else they read like.

"nq 126 bổ sung thêm đối tượng nào", "mũi thứ 4 dành cho ai", "ngoài 5K còn phải làm gì": short,
often typed without diacritics, they read to the model like small talk or other business, and it
is sure of it. A resolution or a directive by its number, a dose by its rank, the 5K rule, F0 and
F1, quarantine, a test or a vaccine, and the offices that did its work for citizens (the
commune health station, the district health office, the employment service centre: where they
are, when they open) belong to the epidemic only; asked about, the FAQ answers or tells it has
no entry yet and offers a person. Other business (`off_topic.other_business`) and
small talk (`chit_chat`) told with them stay out of scope.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.chit_chat import chit_chat
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.off_topic import other_business
from hotline.bot.nlu.questions import is_question

# The epidemic's own terms, in folded words: no other business names them.
_TERMS = re.compile(
    r"\b(?:covid|corona|f0|f1|cach ly|gian cach|phong toa|tiem|chich|vac xin|vaccine|vaccin"
    r"|xet nghiem|test nhanh|pcr|khai bao y te|nghi quyet \d+|nq ?\d+|chi thi \d+|ct ?1[569]"
    r"|mui (?:thu )?\d|mui (?:nhac|bo sung)|5k|vung do|duong tinh|am tinh|the xanh|so suc khoe"
    # the travel paper, the levels of the epidemic, the green lane, disinfection sprayed
    r"|giay di duong|cap do (?:\d|may|dich|mot|hai|ba|bon)|luong xanh"
    r"|phun (?:thuoc )?(?:khu trung|khu khuan|sat trung)"
    # the offices that did the epidemic's work for citizens: testing, doses, papers, the
    # unemployment benefit (where they are, their hours)
    r"|tram y te|phong y te|trung tam y te|trung tam dich vu viec lam)\b"
)
# What the model takes such a question for.
_MISTAKEN_FOR = frozenset({"out_of_scope"})
_ASKED_AS = "ask_faq"


def names_epidemic(text: str) -> bool:
    """True for a question naming the epidemic's own terms, on no other business nor small
    talk ("mui thu 4 danh cho doi tuong nao")."""
    if not _TERMS.search(" ".join(words(text))) or not is_question(text):
        return False
    return not other_business(text) and not chit_chat(text)


def brought_back(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a question on the epidemic's terms the model took for small
    talk, the FAQ's intent at the model's confidence, small talk where the FAQ's was."""
    top = parse.intent
    if top.name not in _MISTAKEN_FOR or not names_epidemic(parse.text):
        return parse
    return parse.swapped(_ASKED_AS)

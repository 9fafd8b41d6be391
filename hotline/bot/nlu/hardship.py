"""Hunger told with a plea for help: a request for support, not a question for the FAQ.

"tôi ngủ ở trạm xe buýt ..., hai ngày chưa có gì ăn, giúp tôi với", "nhà em hết gạo rồi, xin
giúp đỡ": the ward is to bring food, and the support form takes where. Asked where or whom to
turn to ("hết gạo thì báo ai", "xin gạo ở đâu") it is the FAQ's (`ho-tro-luong-thuc`), and so is
whether one may have it ("có được phát gạo không"); so is whether one is entitled to a
support or may sign up for it, whatever story comes before (`entitled`).
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import words

# Nothing to eat, in folded words.
_HUNGER = re.compile(
    r"\b(?:(?:chua|khong|khong con|het) (?:co )?(?:gi|gao|com|do|tien|sua) (?:de )?an"
    r"|het gao|het do an|het tien an|nhin doi|doi qua|doi lam)\b"
)
# A plea: help me, please help, save us.
_PLEA = re.compile(
    r"\b(?:giup(?: [a-z]+)? voi|xin (?:giup|ho tro|cuu tro|tro giup)|cuu (?:toi|em|tui|voi)"
    r"|mong duoc (?:giup|ho tro)|ai giup)\b"
)
# Where or whom to turn to, or whether one may have it: the FAQ's.
_ASKS_WHERE = re.compile(
    r"\b(?:o dau|bao ai|bao cho ai|goi ai|nhan cho ai|lien he ai|cho nao|ai tiep te|ai mang"
    r"|co duoc)\b"
)
# Whether one may have a support, or sign up for it ("tôi có được hỗ trợ gì không", "có được
# hỗ trợ như lao động tự do không", "đăng ký hỗ trợ lao động tự do ở phường được không"): who
# is entitled is the FAQ's, however hard the story told before it.
_ENTITLED = re.compile(
    r"\b(?:co duoc (?:nhan |huong |xin |tinh vao dien )?(?:ho tro|tro cap|tien ho tro|goi ho tro)"
    r"(?: [a-z0-9]+){0,6} (?:khong|chua)"
    r"|(?:dang ky|xin|lam ho so) (?:nhan )?(?:ho tro|tro cap)(?: [a-z0-9]+){0,8} duoc khong)\b"
)
_MISTAKEN_FOR = frozenset({"ask_faq", "out_of_scope", "health_consult", "greet", "thank"})
SUPPORT_CONFIDENCE = 0.9


def pleads_hunger(text: str) -> bool:
    """True for hunger told with a plea for help, asking nowhere to turn."""
    said = " ".join(words(text))
    if not _HUNGER.search(said) or not _PLEA.search(said):
        return False
    return _ASKS_WHERE.search(said) is None


def pleaded(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for hunger pleaded that the model took for a question or small
    talk, a request for support, surely enough to start its form."""
    if parse.intent.name not in _MISTAKEN_FOR or not pleads_hunger(parse.text):
        return parse
    return parse.surely("request_support", SUPPORT_CONFIDENCE)


def asks_entitlement(text: str) -> bool:
    """True for whether one may have a support or sign up for it, with no hunger pleaded."""
    return bool(_ENTITLED.search(" ".join(words(text)))) and not pleads_hunger(text)


def entitled(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for whether one is entitled to a support that the model took for a
    request to be given one, the FAQ's intent at the same confidence."""
    if parse.intent.name != "request_support" or not asks_entitlement(parse.text):
        return parse
    return parse.swapped("ask_faq")

"""Questions about the hotline itself: its staff, the languages it speaks, its hours, who runs it,
whether a person reads the messages.

"tổng đài có ai nói được tiếng Hoa không", "1022 có trực ban đêm không", "tin nhắn gửi vào có
người thật đọc không": they name the hotline's people, so the model takes them for a person asked
for. They ask how the hotline works, which the FAQ answers (`kenh-lien-he-1022`) or nobody needs
to be put through for; only a wish to talk with someone ("cho tôi nói chuyện với nhân viên",
`plain_requests.person_wished`) is a person asked for, and so is such a question told beside a
sign of illness ("tổng đài có trực ban đêm không, mẹ tôi khó thở quá",
`health_signs.names_sign`): someone is ill now, and a person is what they look for.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.health_signs import names_sign
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.plain_requests import person_wished
from hotline.bot.nlu.questions import is_question

# How the hotline works, in folded words: a language its people speak, who and how many answer.
_ITS_WAYS = re.compile(
    r"\b(?:(?:noi|biet|hieu|doc|dung|nhan|tra loi|viet|ho tro)(?: duoc| [a-z]+)?(?: bang)? tieng"
    r" (?:anh|hoa|khmer|khome|trung|han|nhat|phap|cham|dan toc|nuoc ngoai|dia phuong)"
    r"|thong dich|phien dich|ngon ngu|(?:ai|nhung ai|nguoi nao) truc (?:tong dai|1022|hotline)"
    r"|(?:bao nhieu|may) (?:nhan vien|tong dai vien))\b"
)
# Whether a person or a machine reads and answers: no entry says it, out of scope as who runs it.
_READER = re.compile(
    r"\b(?:nguoi that|(?:co )?(?:ai|nguoi) (?:doc|xem|nghe|tra loi) (?:tin|tin nhan|cau hoi)"
    r"|may tra loi|tra loi tu dong|robot)\b"
)
# Its hours and days, which its contact entry says.
_HOURS = re.compile(
    r"\b(?:lam viec|truc|hoat dong|nhan tin|tra loi) (?:(?:toi|den|tu|vao) )?"
    r"(?:may gio|gio nao|luc nao|ban dem|ca dem|dem|24|suot|ngay le|le tet|tet|chu nhat"
    r"|cuoi tuan|thu bay)\b"
)
# Who runs it: no epidemic matter, and no entry says it.
_WHO_RUNS = re.compile(
    r"\b(?:(?:la )?cua (?:ai|co quan nao|don vi nao)|ai (?:lap ra|lam ra|quan ly|van hanh"
    r"|dieu hanh|phu trach)|do ai (?:lap|lam|quan ly|van hanh)|thuoc (?:co quan|don vi|so) nao)\b"
)
# The hotline named: needed where the model took the question for small talk, a greeting or the
# FAQ's ("chợ làm việc mấy giờ" asks of a market).
_HOTLINE = re.compile(r"\b(?:tong dai|1022|hotline|bot|ad|admin|cac ban|ben ban|trang nay)\b")
# Its contact ways asked beside who runs it: the FAQ's contact entry answers.
_CONTACT = re.compile(r"\b(?:so dien thoai|sdt|zalo|email|fanpage|facebook|lien he|kenh)\b")
# A person wished for all the same: to meet or be put through to one ("cho tôi gặp người thật"),
# or because the bot fails ("bot không hiểu, có người thật không").
_WISH = re.compile(
    r"\b(?:cho (?:toi|em|tui|minh|con|chau|ba|bac|co|chu) (?:xin )?(?:gap|noi|goi|ket noi)"
    r"|(?:muon|can|xin) (?:gap|noi chuyen|ket noi)|gap (?:nguoi that|nhan vien|tong dai vien)"
    r"|ket noi|chuyen may|goi lai cho|khong hieu|ngu|tra loi sai|vo dung)\b"
)
# What the model takes such a question for, and what it is: how the hotline works is the FAQ's
# (its contact entry says the hours and the channels; a language or a reader not told there is
# answered as not yet known, with a person offered by the FAQ's dialog, or left out of scope
# where the model put it); who runs it and whether a person reads are out of scope.
_WAYS_MISTAKEN_FOR = frozenset({"request_human", "greet"})
_HOURS_MISTAKEN_FOR = _WAYS_MISTAKEN_FOR | {"out_of_scope"}
_RUNS_MISTAKEN_FOR = frozenset({"request_human", "greet", "ask_faq"})


def about_hotline(text: str) -> str | None:
    """What a question on the hotline itself is: "ask_faq" for how it works ("tổng đài có người
    nói tiếng Hoa không", "1022 có trực ban đêm không"), "out_of_scope" for who runs it and
    whether a person reads ("có người thật đọc không"); None for any other text, for a wish
    to talk with one of its people and for a question told beside a sign of illness."""
    if not is_question(text) or person_wished(text) or names_sign(text):
        return None
    said = " ".join(words(text))
    if _WISH.search(said):
        return None
    if _HOURS.search(said) or _ITS_WAYS.search(said):
        return "ask_faq"
    if _READER.search(said):
        return "out_of_scope"
    if _WHO_RUNS.search(said) and _HOTLINE.search(said) and not _CONTACT.search(said):
        return "out_of_scope"
    return None


def asked_about(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a question about the hotline the model took for a person asked
    for, a greeting or other business, what it is at the model's confidence, the model's intent
    where that one was."""
    top = parse.intent
    asked = about_hotline(parse.text)
    if asked is None or asked == top.name:
        return parse
    said = " ".join(words(parse.text))
    mistaken = _RUNS_MISTAKEN_FOR
    if asked == "ask_faq":
        mistaken = _HOURS_MISTAKEN_FOR if _HOURS.search(said) else _WAYS_MISTAKEN_FOR
    if top.name not in mistaken:
        return parse
    if top.name != "request_human" and not _HOTLINE.search(said):
        return parse
    return parse.swapped(asked)

"""Complaints about the hotline's answers or service: feedback for the record, not a question.

"trả lời như cái máy, vô dụng", "hỏi một đằng nói một nẻo", "hỏi mấy lần mà cứ trả lời vòng vo,
chán thật", "nhắn cả buổi không có ai trả lời, bực mình": the model reads the words about asking
and answering as the FAQ's, or as a person asked for. A mood alone ("bực mình ghê") is no
complaint about the hotline, since a neighbour's karaoke annoys too: it takes the hotline's
answers or its silence beside it.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.normalize import nfc, words

# A complaint in itself ("trả lời như cái máy, vô dụng", "hỏi một đằng nói một nẻo", "làm ăn
# kiểu gì").
_COMPLAINT = re.compile(
    r"\b(?:vo dung|te qua|qua te|that vong|hoi mot dang|tra loi sai|khong tra loi dung"
    r"|nhu cai may|tra loi (?:y |giong )?nhu|lam an kieu|kem qua|tra loi vong vo|tra loi tao lao"
    r"|tra loi cho co|tra loi cho (?:dang hoang|tu te|nghiem tuc|dung)"
    # "tôi hỏi tiền hỗ trợ chứ không hỏi cách ly": what was asked, not what was answered
    r"|hoi (?:[a-z0-9]+ ){1,6}chu (?:khong|dau|co) (?:co )?hoi"
    # "hỏi giấy khỏi bệnh mà bot cứ trả lời chuyện tiêm": answered something else
    r"|hoi (?:[a-z0-9]+ ){1,6}ma (?:bot|tong dai|may|admin|ban) (?:cu |toan |lai |chi )+"
    r"(?:tra loi|noi|rep|bao)"
    # "bot nói như không nói", "mà bot bảo liên hệ phường hoài": saying nothing, or the same
    r"|noi nhu khong noi|tra loi nhu khong"
    # "câu nào cũng đẩy về phường": every question sent elsewhere
    r"|(?:cau nao|hoi gi|hoi cai gi|hoi gi) cung (?:day|bao|keu|chi|noi) (?:ve|len|ra|qua|sang)"
    r"|(?:bot|tong dai|admin) (?:cu |toan |lai |chi )*(?:tra loi|noi|rep|bao)"
    r" (?:[a-z0-9]+ ){1,6}hoai"
    # the bot's own "no answer yet" quoted back, the question to be read again, the bot's point
    r"|(?:bot|tong dai|may) (?:cu |toan |lai |chi )*(?:noi|tra loi|bao) chua co thong tin"
    r"|doc (?:ky|lai) (?:cau hoi|tin nhan)"
    r"|(?:dung|lap|tao|lam|mo|xay|nuoi) (?:cai )?(?:bot|tong dai)(?: (?:len|ra))?(?: de)? lam gi)\b"
)
# Answering beside the point ("nói chuyện đâu đâu"), read with its marks: folded, "đâu đâu" is
# also "đau đầu", and "bác sĩ nói đau đầu sau tiêm là bình thường" asks the consultant.
_BESIDE_THE_POINT = re.compile(r"\b(?:nói|trả lời) (?:chuyện )?đâu đâu\b")
# A mood, and the hotline's answers or its silence it is about.
_MOOD = re.compile(
    r"\b(?:buc minh|buc qua|chan (?:that|qua|ghe|thiet)|tao lao|vong vo|lang nhang|coi nhu"
    r"|mat thoi gian|khong lien quan|tuyet voi ong mat troi"
    # the line always busy, nobody picking up
    r"|may (?:luon |toan |cu |lai |thi )?ban|khong ai (?:nghe|bat) may)\b"
)
_THE_HOTLINE = re.compile(
    r"\b(?:tra loi|tong dai|1022|cai may|bot"
    r"|(?:khong|chang) (?:co )?(?:ai|nguoi nao) (?:tra loi|nghe)"
    r"|hoi (?:may|bao nhieu) lan)\b"
)
# What it is mistaken for, and how sure the rule is of it: enough for the router to take it
# down as feedback even when it ends with "hả", as a report opener is.
_MISTAKEN_FOR = frozenset({"ask_faq", "out_of_scope", "request_human", "health_consult", "greet"})
COMPLAINT_CONFIDENCE = 0.9
# A bare "vô dụng" or "tệ quá" says a mood, not what about: small talk. It takes this many words.
_ABOUT = 3


def complains(text: str) -> bool:
    """True for a complaint about the hotline's answers or service."""
    said = " ".join(words(text))
    if _COMPLAINT.search(said) or _BESIDE_THE_POINT.search(nfc(text).lower()):
        return True
    return bool(_MOOD.search(said) and _THE_HOTLINE.search(said))


def complained(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a complaint taken for a question, small talk or a person
    asked for, feedback, surely; the others share what is left in their order."""
    top = parse.intent
    if top.name not in _MISTAKEN_FOR and not (
        top.name == "feedback" and top.confidence < COMPLAINT_CONFIDENCE
    ):
        return parse
    if len(words(parse.text)) < _ABOUT or not complains(parse.text):
        return parse
    return parse.surely("feedback", COMPLAINT_CONFIDENCE)

"""Requests put plainly that the model, trained on few of their shapes, misreads: a report, a tip
or a person asked for in English, and a report's progress asked with or without its code.

"I want to report a violation", "is there a human operator I can chat with?", "my report code is
PA-..., any update?", "check giúp em tiến độ cái phản ánh hôm qua": each names what it wants; the
model takes them for small talk or the FAQ's. Settled by rule (`rules.rule_parse`).
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.entities import mistyped_codes, ticket_codes
from hotline.bot.nlu.follow_up import asks_how_to_follow
from hotline.bot.nlu.normalize import words

# A person asked for in English ("I want to talk to a real person", "pls connect me to a staff",
# "is there a human operator I can chat with?").
_PERSON_IN_ENGLISH = re.compile(
    r"\b(?:(?:talk|speak|chat) (?:to|with)|connect me (?:to|with))"
    r" (?:a |an |the |your )?(?:real |live |human )?(?:person|human|agent|staff|operator|someone)\b"
    r"|\b(?:is there|are there|do you have|can i get) (?:a |an |any )?(?:real |live )?"
    r"(?:human|person|agent|operator|staff)\b"
    # "could a staff member who reads English message me directly"
    r"|\b(?:could|can|would) (?:a |an |one of your |some )?(?:real |live )?"
    r"(?:human|person|agent|operator|staff|officer|someone|somebody)(?: member)?\b[a-z ]{0,40}"
    r"\b(?:message|call|text|contact|chat with|talk to|write to) me\b"
)
# A report wished for or asked how to make, in English: the form is the answer.
_REPORT_IN_ENGLISH = re.compile(
    r"\b(?:i (?:want|would like|need|wish) to|can i|let me|how (?:do|can) i|i d like to)"
    r" (?:report|file a (?:report|complaint)|make a report|submit a report)\b"
)
# A tip told in English: someone positive who still goes about ("my neighbour in block B is
# positive and still goes to the canteen", "the F0 tenant upstairs keeps going out").
_TIP_IN_ENGLISH = re.compile(
    r"\b(?:is|was|tested|got|has been|have been) (?:covid |still )?(?:positive|f0|infected)\b"
    r"(?: [a-z0-9]+){0,8}? (?:still|keeps?|kept|continues?|continued)"
    r" (?:go|goes|going|went|walk|walking|working|works|work|selling|sells|visit|visiting|meet"
    r"|meeting|coming|comes|opening|opens|hanging|playing)\b"
    r"|\b(?:positive|f0|infected) (?:[a-z]+ ){0,3}(?:who|that|but) (?:still|keeps?) [a-z]+"
)
# Asking in English, not telling ("is it ok if ...", "what if my neighbour ...").
_ASKED_IN_ENGLISH = re.compile(
    r"^(?:is|are|do|does|did|can|could|should|would|will|what|how|when|where|who|why|if)\b"
)
# A person wished for in Vietnamese, to talk with in private or at length ("em xin được trò
# chuyện riêng với một anh chị cán bộ", "cho tôi nói chuyện với tổng đài viên"): a talk with
# someone of the hotline, not a meeting at an office ("gặp cán bộ phường", "cán bộ y tế"), and
# not a talk declined ("có cách nào không cần nói chuyện với cán bộ không").
_PERSON_WISHED = re.compile(
    r"(?<!khong can )(?<!khong muon )(?<!khoi )(?<!khong can phai )(?<!chang can )(?<!dung )"
    r"(?<!khong phai )"
    r"\b(?:(?:noi chuyen|tro chuyen|trao doi|tam su) (?:rieng |truc tiep )?(?:voi|cung) "
    # the line put through: "nối máy qua nhân viên", "chuyển máy cho em với cán bộ trực"
    r"|(?:noi|chuyen) may (?:cho |qua |voi |toi |sang )?(?:(?:toi|em|e|minh|tui|con|chau|o) )?"
    r"(?:(?:voi|toi|qua|cho|gap|sang) )?)"
    r"(?:mot |1 )?(?:anh chi |anh |chi |ban |co |chu )?"
    r"(?:can bo|nhan vien|tong dai vien|nguoi that|nguoi truc|chuyen vien|nguoi phu trach)\b"
    r"(?! (?:phuong|xa|ap|huyen|tinh|y te|cong an|benh vien|tram))"
)
# How sure the rule is: a person is put through at once, below a rule's 1.0 so that a danger
# sign told beside it still makes it an emergency (`danger.escalated` comes after).
PERSON_CONFIDENCE = 0.9
# What such a wish is taken for: the FAQ's, small talk, feedback, or a person at low confidence.
_PERSON_MISTAKEN_FOR = frozenset(
    {"ask_faq", "out_of_scope", "feedback", "greet", "health_consult", "request_human"}
)
# A report's progress: "tiến độ", "tới đâu rồi", "xử lý chưa", "update", "status"; and how it
# went, asked at the end ("giờ sao rồi", "đã có ai xuống chưa").
_PROGRESS = re.compile(
    r"\b(?:tien do|(?:toi|den) dau roi|(?:toi|den) buoc nao|xu ly (?:chua|toi dau|den dau)"
    r"|ket qua xu ly"
    r"|update|status|progress|any news)\b"
    r"|\b(?:(?:gio|vay|the) (?:ra )?sao roi|gio the nao roi"
    r"|(?:da )?co ai (?:xuong|toi|den|ghe|xu ly|kiem tra)(?: [a-z]+){0,3} chua)(?: [a-z]+)?$"
)
# The report it is asked of, when no code is given, or the writer's own report named ("cái đơn
# tôi báo", "vụ em gửi hôm qua").
_A_REPORT = re.compile(
    r"\b(?:phan anh|to cao|report|ticket|ma phan anh|ma so"
    r"|(?:don|vu|cai) (?:ma )?(?:toi|em|minh|tui|chau|con) (?:da )?(?:bao|gui|to cao))\b"
)


def person_in_english(text: str) -> bool:
    """True for a person asked for in English."""
    return bool(_PERSON_IN_ENGLISH.search(" ".join(words(text))))


def report_in_english(text: str) -> bool:
    """True for a wish to report, or how to, in English ("I want to report a violation")."""
    return bool(_REPORT_IN_ENGLISH.search(" ".join(words(text))))


def asks_progress(text: str) -> bool:
    """True for a report's progress asked: with its code ("PA-... any update?") or of a report
    named ("check giúp em tiến độ cái phản ánh hôm qua")."""
    said = " ".join(words(text))
    if not _PROGRESS.search(said) or asks_how_to_follow(text):
        return False  # "coi tiến độ ở chỗ nào": where to look, the FAQ's
    return bool(ticket_codes(text) or mistyped_codes(text)) or bool(_A_REPORT.search(said))


def tip_in_english(text: str) -> bool:
    """True for someone positive who still goes about, told in English and not asked."""
    said = " ".join(words(text))
    if "?" in text or _ASKED_IN_ENGLISH.search(said):
        return False
    return bool(_TIP_IN_ENGLISH.search(said))


def person_wished(text: str) -> bool:
    """True for a wish to talk with someone of the hotline ("cho em trò chuyện riêng với một
    cán bộ"), not for a meeting with an office's officer."""
    return bool(_PERSON_WISHED.search(" ".join(words(text))))


def put_through(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a person wished for in Vietnamese that the model was unsure of
    or took for a question, a person asked for, surely."""
    top = parse.intent
    if top.name == "request_human" and top.confidence >= PERSON_CONFIDENCE:
        return parse
    if top.name not in _PERSON_MISTAKEN_FOR or not person_wished(parse.text):
        return parse
    return parse.surely("request_human", PERSON_CONFIDENCE)

"""Questions on a citizen's other business with the state, the bank or the market, asked of
the hotline because it answers questions: outside the epidemic, out of scope.

"đăng ký kết hôn cần giấy gì", "làm hộ chiếu ở đâu", "làm thẻ ATM có mất phí không", "công ty
nào đang tuyển công nhân", "cho thuê phòng gần chợ giá bao nhiêu": they read like the FAQ's
questions (papers, fees, where to go), and the model takes them for the FAQ's. The hotline only
answers the epidemic's rules and support: such a question is told what the hotline does, and
offered an entry only when both retrievers agree on one (`faq_answer.off_topic`); it stays on the
admins' unanswered list, so an entry can be added if citizens keep asking. Told together with
the epidemic or its support ("đăng ký kết hôn trong lúc giãn cách", "tiền hỗ trợ nhận qua thẻ
ATM") it stays the FAQ's. Schools and exams, loans and voluntary insurance, identity papers,
wages and market prices, who leads the province and where its offices are, and whether a private
deal is lawful ("chủ nhà giữ cọc có trái luật không") are such business too.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.chit_chat import chit_chat
from hotline.bot.nlu.normalize import kept_by_text, words

# Matters of civil status and residence, travel and work papers, banking, trade and building
# licences, hiring and wages, renting and studies, in folded words.
_OTHER_BUSINESS = re.compile(
    r"\b(?:ket hon|ly hon|khai sinh|khai tu|ho tich|con nuoi|ho chieu|visa|thi thuc"
    r"|the atm|the ngan hang|the tin dung|mo tai khoan|the huong dan vien|chung chi hanh nghe"
    r"|tuyen (?:tho|nguoi|nhan vien|cong nhan|lao dong)|can tuyen|tim viec lam|xin viec"
    r"|cho thue (?:nha|phong|mat bang|can ho)|mua ban (?:nha|dat)|mua bao hiem"
    r"|tin chi|hoc bong|du hoc|bang lai|giay phep lai xe|gplx|sang ten|so do|ho khau|vneid"
    r"|work permit|dang ky kinh doanh|phat nguoi|ky tuc xa (?:dai hoc|truong|con phong)"
    r"|(?:dang ky|xin|thue) (?:phong )?ky tuc xa"
    r"|giay phep xay dung|xin phep (?:xay|sua)|(?:xay|sua) (?:lai )?(?:nha|mai)"
    r"|luong thang 13|khoi kien|kien o dau"
    # hiring with a head count ("cần tuyển 50 thợ may")
    r"|tuyen (?:them )?\d+ (?:tho|nguoi|nhan vien|cong nhan|lao dong)"
    # schooling and exams
    r"|thi tot nghiep|thi dai hoc|thi vao lop|tuyen sinh|diem chuan|xet tuyen"
    # loans, savings and social insurance outside the epidemic's support
    r"|vay von|the chap|lai suat|gui tiet kiem|bao hiem (?:xa hoi |y te )?tu nguyen"
    r"|bhxh tu nguyen|luong huu|rut bhxh|rut bao hiem xa hoi"
    # identity and civil papers
    r"|can cuoc|cccd|cmnd|chung minh nhan dan|xac nhan (?:khuyet tat|doc than|cu tru)"
    # wages and the market's prices, a trade handed on
    r"|muc luong|luong (?:thang |co ban )?(?:bao nhieu|la bao nhieu|may trieu)"
    r"|gia (?:heo|vang|xang|ca phe|tieu|cao su|lua|sau rieng)"
    r"|sang (?:lai|nhuong) (?:mot |1 )?(?:sap|quan|mat bang|tiem|cua hang|ki ot|kiot)"
    # the state's own organisation: who leads it, where its offices are, its status
    r"|truc thuoc trung uong|sap nhap (?:tinh|huyen|xa|phuong)|bau cu|nam (?:tren|o) duong nao)\b"
)
# Who leads an office or the province, asked by name or origin ("chủ tịch tỉnh tên gì"): what
# is asked looked for after the leader is named (not ".*" from each: quadratic on a repeat).
_LEADER = re.compile(r"\b(?:tinh uy|thanh uy|huyen uy|bi thu|chu tich|dung dau|giam doc so)\b")
_WHO_IS_ASKED = re.compile(r"\b(?:ten (?:la )?gi|la ai|que o dau|bao nhieu tuoi)\b")
# Whether a deal or a charge is lawful, asked of a private matter ("app trừ chiết khấu 25% có đúng
# luật không"); told with the epidemic ("bắt F0 đi làm có đúng luật không") it is the FAQ's.
_LAWFUL = re.compile(r"\b(?:dung|trai|hop) (?:luat|phap luat|phap)\b")
# The epidemic, its rules and its support: told with any of these, the question may be the FAQ's.
_EPIDEMIC = re.compile(
    r"\b(?:covid|corona|dich(?! vu)|f0|f1|f2|cach ly|gian cach|phong toa|tiem|chich|ngua|mui"
    r"|vac xin|vaccine|xet nghiem|test|khai bao|ho tro|tro cap|that nghiep|nghi quyet|nq"
    r"|chi thi|ct|vung do|vung xanh|ca benh|nhiem|duong tinh|gao"
    r"|nhu yeu pham|phieu di cho|khoi benh|tra luong"
    # factories' own epidemic schemes: work, eat and sleep on site; one route, two ends
    r"|(?:3|ba) tai cho|(?:1|mot) cung duong"
    r"|nghi (?:viec )?khong (?:huong )?luong|ngung viec|tam hoan)\b"
)
# What the model takes them for; and out of scope itself, often too unsure of it for the router
# (a question it is unsure is small talk goes the FAQ's way).
_MISTAKEN_FOR = frozenset({"ask_faq", "health_consult", "out_of_scope"})
# Feedback too, when the model is unsure of it ("công ty cần tuyển 200 công nhân, tổng đài đăng
# tin giùm được không" reads a little like a word to the hotline); a sure complaint stays one.
_UNSURE_FEEDBACK = 0.5
# How sure the rule is: enough for the router to answer as small talk without the FAQ's
# suggestions, below a rule's 1.0.
OFF_TOPIC_CONFIDENCE = 0.8


@kept_by_text  # asked by `epidemic_terms` and `set_aside` of the same text
def other_business(text: str) -> bool:
    """True for a question on a matter outside the epidemic that the state, a bank or the market
    deals with ("làm hộ chiếu phổ thông nộp ở đâu"), not told together with the epidemic."""
    said = " ".join(words(text))
    other = _OTHER_BUSINESS.search(said) or _leader_asked(said) or _LAWFUL.search(said)
    return bool(other) and not _EPIDEMIC.search(said)


def _leader_asked(said: str) -> bool:
    leader = _LEADER.search(said)
    return leader is not None and _WHO_IS_ASKED.search(said, leader.end()) is not None


def set_aside(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for another business or chit-chat (`chit_chat`) taken for the
    FAQ's, out of scope first."""
    top = parse.intent
    mistaken = top.name in _MISTAKEN_FOR or (
        top.name == "feedback" and top.confidence < _UNSURE_FEEDBACK
    )
    # Chit-chat that names the bot first ("bot ơi bot ế hả") is also taken for a greeting.
    passes_time = (mistaken or top.name == "greet") and chit_chat(parse.text)
    if not passes_time and not (mistaken and other_business(parse.text)):
        return parse
    if top.name == "out_of_scope" and top.confidence >= OFF_TOPIC_CONFIDENCE:
        return parse
    return parse.surely("out_of_scope", OFF_TOPIC_CONFIDENCE)

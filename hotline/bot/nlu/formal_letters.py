"""A formal letter that asks is a question, never a report form.

"Kính gửi Tổng đài 1022. Gia đình tôi có 4 người, chồng tôi mất việc ... Xin cho biết gia đình
tôi có thuộc diện được hỗ trợ không. Trân trọng.": the hardship is told as the setting of what is
asked, and the model, seeing it, takes the letter for a support request sure enough to open the
form. A letter that asks to be told or guided ("xin cho biết", "xin hỏi", "đề nghị hướng dẫn",
"kính mong quý cơ quan giải đáp") wants an answer; one that pleads for help ("kính mong được hỗ
trợ", "đề nghị cơ quan xử lý") or opens a report with its verb is left as the model read it, and
so is a report the model read in a letter that, its asking left out, tells a tip (a place and a
violation there, `events.tip_kind`: "quán karaoke X đường Y vẫn mở tới 2 giờ sáng. Xin hỏi như
vậy có vi phạm không"): a report answered from the FAQ would file no ticket.
"""

from __future__ import annotations

import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.events import FORMS, tip_kind
from hotline.bot.nlu.greetings import after_salutation
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.questions import is_question

# A formal close: "Trân trọng", "Trân trọng cảm ơn", "Kính chúc sức khỏe".
_CLOSE = re.compile(r"\b(?:tran trong|kinh chuc|xin chan thanh cam on)\b")
# Asked to be told or guided, formally.
_ASKS_TO_BE_TOLD = re.compile(
    r"\b(?:(?:xin|kinh|de nghi|mong|kinh mong)(?: [a-z]+){0,4}"
    r" (?:cho (?:toi |chung toi |em )?(?:biet|hoi)|hoi|huong dan|giai dap|giai thich|tra loi"
    r"|thong tin|tu van))\b"
)
# Pleading for help or for action: the letter's own request ("kính mong được hỗ trợ", "đề nghị
# xử lý", "xin can thiệp").
_PLEADS = re.compile(
    r"\b(?:(?:mong|xin|de nghi|kinh mong|kinh de nghi)(?: duoc)? (?:ho tro|giup|cuu|xu ly"
    r"|can thiep|kiem tra|giai quyet|xem xet)|giup (?:do )?(?:chung toi|toi|em|gia dinh))\b"
)
_SENTENCE = re.compile(r"[.!?\n]+")
# The form intents such a letter is taken for.
_MISTAKEN_FOR = frozenset({"request_support", "report_violation", "report_contact", "feedback"})
_ASKED_AS = "ask_faq"


def asking_letter(text: str) -> bool:
    """True for a formal letter (a salutation or a formal close) that asks to be told or guided
    and pleads for no help nor action."""
    said = " ".join(words(text))
    if after_salutation(text) is None and not _CLOSE.search(said):
        return False
    if not _ASKS_TO_BE_TOLD.search(said) or _PLEADS.search(said):
        return False
    return is_question(text)


def answered_letter(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for an asking letter the model took for a form's intent, the FAQ's
    intent at the model's confidence, the form's where the FAQ's was."""
    top = parse.intent
    if top.name not in _MISTAKEN_FOR or not asking_letter(parse.text):
        return parse
    if top.name in FORMS and _tells_tip(parse.text):
        return parse
    return parse.swapped(_ASKED_AS)


def _tells_tip(text: str) -> bool:
    """Whether the letter, its sentences asking to be told left out, tells a tip."""
    asks = _ASKS_TO_BE_TOLD.search
    told = [s for s in _SENTENCE.split(text) if not asks(" ".join(words(s)))]
    return tip_kind(". ".join(told)) is not None

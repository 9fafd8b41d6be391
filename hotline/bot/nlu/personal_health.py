"""A citizen's own illness or condition, with a question whether a vaccine, a treatment or a drug
may be had: a question for the health consultant, not for the FAQ.

"mẹ tôi bị lupus, có tiêm được không", "em đang mang thai thì chích ngừa có sao không", "bố tui
đang uống thuốc chống đông, có nên tiêm mũi 3": the answer depends on that person's illness and
medicines, which only a person can weigh; the FAQ's general entries are at most offered. Asked in
general ("người bị tiểu đường có được tiêm không") it stays the FAQ's, which has entries on
underlying illnesses (`tiem-cho-tre-em`, `dieu-kien-dieu-tri-tai-nha`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.normalize import TEXTS_KEPT, words
from hotline.bot.nlu.questions import is_question

# Who has it: the one asking, or one of theirs ("tôi", "mẹ em", "ông nội tui", "vợ mình", "bé").
_WHO = r"(?:toi|tui|em|minh|con|chau|be|me|ba|bo|ong|vo|chong|noi|ngoai|gia|trai|gai|ruot)"
# An illness or a condition of that person: being ill ("bị bệnh", "mắc bệnh"), pregnant or
# nursing, allergic, on medicines or a treatment, or one of the long illnesses citizens name.
_CONDITION = (
    r"(?:(?:bi|mac|nhiem) (?:benh|ung thu|tieu duong|huyet ap|hiv|suy|viem|hen|lupus|dong kinh)"
    r"|benh nen|benh man tinh|tu mien|(?:dang )?(?:mang thai|co thai|mang bau|cho con bu)"
    r"|di ung|(?:dang|hay) (?:uong|chich|tiem|dung) thuoc|dang dieu tri|dang chay than"
    r"|ghep (?:than|gan|tim|tuy)|hoa tri|xa tri)"
)
# Said of that person: after who has it, a few words on ("tôi 60 tuổi, đang uống thuốc ...",
# "ba em năm nay bị bệnh gan"), or first as a state ("bị bệnh ... có tiêm được không"; a bare
# "bệnh nền ..." first asks in general). A general subject between ("cho em hỏi người bị tiểu
# đường ...", "em hỏi trường hợp đang mang thai ...") asks in general.
_GENERAL = r"(?:nguoi|truong|ai|nhung|cac|tre|phu|f0|f1|ba bau|benh nhan)"
_PERSONAL = re.compile(
    rf"(?:\b{_WHO}(?: (?!{_GENERAL}\b)[a-z0-9]+){{0,5}} |^(?=(?:bi|mac|nhiem|dang) )){_CONDITION}\b"
)
# What is asked of it: a vaccine, a treatment, a drug.
_REMEDY = re.compile(
    r"\b(?:tiem|chich|vac xin|vacxin|vaccine|vaccin|vaxin|mui|ngua|thuoc|uong|dieu tri|chua"
    r"|xu ly)\b"
)
# "có nên tiêm mũi 3" asks without a question mark or a final "không".
_SHOULD = re.compile(r"\bco nen\b")


# Asked of a turn's text up to three times (the overlay, the FAQ dialog's choice and its
# answer): a pure function of the text, kept for the last texts asked, as `is_question`.
@functools.lru_cache(maxsize=TEXTS_KEPT)
def personal_health(text: str) -> bool:
    """True for a question on a vaccine, a treatment or a drug for someone's own illness or
    condition ("ba em bị bệnh gan, chích vắc xin được không"), not for one asked in general."""
    said = " ".join(words(text))
    personal = _PERSONAL.search(said)
    if personal is None:
        return False
    if not _REMEDY.search(said, personal.end()):
        return False
    return bool(_SHOULD.search(said, personal.end())) or is_question(text)


def consulted(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a personal health question the model took for the FAQ's, the
    health consultant's intent at the same confidence (the dialog still answers from an entry
    only when one surely answers, and offers the plausible ones to the consultant's ticket)."""
    top = parse.intent
    if top.name != "ask_faq" or not personal_health(parse.text):
        return parse
    ranking = parse.intent_ranking or (top,)
    moved = Intent("health_consult", top.confidence)
    rest = tuple(
        Intent("ask_faq", i.confidence) if i.name == "health_consult" else i
        for i in ranking
        if i.name != "ask_faq"
    )
    return replace(parse, intent=moved, intent_ranking=(moved, *rest))

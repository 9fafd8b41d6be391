"""A citizen's own illness or condition, with a question whether a vaccine, a treatment or a drug
may be had: a question for the health consultant, not for the FAQ.

"mẹ tôi bị lupus, có tiêm được không", "em đang mang thai thì chích ngừa có sao không", "bố tui
đang uống thuốc chống đông, có nên tiêm mũi 3": the answer depends on that person's illness and
medicines, which only a person can weigh; the FAQ's general entries are at most offered. Asked in
general ("người bị tiểu đường có được tiêm không") it stays the FAQ's, which has entries on
underlying illnesses (`tiem-cho-tre-em`, `dieu-kien-dieu-tri-tai-nha`).

The other way round, a condition told only as the setting of a question on a support payment, a
paper, a service brought to the house or a schedule ("vợ em bầu, bị F0 ở nhà thì được hỗ trợ
bao nhiêu", "F0 ở nhà thì ai mang thuốc tới") is the FAQ's, whatever the model took it for
(`asks_policy`): the consultant weighs a person's illness, not the province's rules. So is how to
keep the household from catching it while caring for the sick one ("tôi chăm mẹ F0, phải làm gì
để cả nhà khỏi lây"). A body weakened now (a birth, an operation or a miscarriage just past, a
stroke, breathing with a machine) asked whether to go to hospital is the consultant's.
"""

from __future__ import annotations

import functools
import re

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.health_signs import asks_child_dose, asks_rules
from hotline.bot.nlu.normalize import TEXTS_KEPT, words
from hotline.bot.nlu.questions import is_question

# Who has it: the one asking, or one of theirs ("tôi", "mẹ em", "ông nội tui", "vợ mình", "bé").
_WHO = r"(?:toi|tui|em|minh|con|chau|be|me|ba|bo|ong|vo|chong|noi|ngoai|gia|trai|gai|ruot)"
# Kin who open a message on their own in the Centre and the South ("o bị ...", "dì tui ..."):
# only first, as "o" is also "ở" folded.
_KIN_FIRST = r"(?:o|di|chu|bac|cau|mo|thim|duong)"
# An illness or a condition of that person: being ill ("bị bệnh", "mắc bệnh"), pregnant or
# nursing, allergic, on medicines or a treatment, or one of the long illnesses citizens name.
_CONDITION = (
    r"(?:(?:bi|mac|nhiem) (?:benh|ung thu|tieu duong|huyet ap|hiv|suy|viem|hen|lupus|dong kinh)"
    r"|benh nen|benh man tinh|tu mien|(?:dang )?(?:mang thai|co thai|mang bau|cho con bu)"
    r"|di ung|(?:dang|hay) (?:uong|chich|tiem|dung) thuoc|dang dieu tri|dang chay than"
    r"|ghep (?:than|gan|tim|tuy)|hoa tri|xa tri|bi thoat vi|bi lao|mac lao"
    # a body weakened now: a miscarriage or a birth just past, a stroke, breathing with a machine
    r"|(?:vua|moi) (?:say thai|sinh|mo|dot quy)|say thai|sinh non|bi dot quy|bi ngung tho"
    r"|(?:deo|dung|tho|co) (?:may tho|may cpap|may oxy|oxy)"
    # an abortion just past, a bone broken or pinned
    r"|pha thai|hut thai|bi gay (?:chan|tay|xuong)|nep vit|bo bot)"
)
# Said of that person: after who has it, a few words on ("tôi 60 tuổi, đang uống thuốc ...",
# "ba em năm nay bị bệnh gan"), or first as a state ("bị bệnh ... có tiêm được không"; a bare
# "bệnh nền ..." first asks in general). A general subject between ("cho em hỏi người bị tiểu
# đường ...", "em hỏi trường hợp đang mang thai ...") asks in general.
_GENERAL = r"(?:nguoi|truong hop|ai|nhung|cac|tre|phu|f0|f1|ba bau|benh nhan)"
_PERSONAL = re.compile(
    rf"(?:\b{_WHO}(?: (?!{_GENERAL}\b)[a-z0-9]+){{0,7}} "
    rf"|^(?:{_KIN_FIRST} )?(?=(?:bi|mac|nhiem|dang) )){_CONDITION}\b"
)
# What is asked of it: a vaccine, a treatment, a drug.
_REMEDY = re.compile(
    r"\b(?:tiem|chich|vac xin|vacxin|vaccine|vaccin|vaxin|mui|ngua|thuoc|uong|dieu tri|chua"
    r"|xu ly|(?:di|vao|nhap) vien|(?:dung|deo) may)\b"
    # Or whether what that person feels now is the disease ("giờ ho lại, có phải bị covid không").
    r"|\bco phai (?:la )?(?:bi|mac|nhiem)\b"
)
# The same in English, which the training data hardly holds: "my wife is pregnant ... is
# paracetamol safe", "I have diabetes ... can I get the booster".
_PERSONAL_EN = re.compile(
    r"\b(?:i|my (?:wife|husband|son|daughter|mother|mom|father|dad|baby|child|kid|parents?"
    r"|grand\w+))(?: [a-z0-9]+){0,4} (?:am|is|are|have|has|had|was|got|use|take|takes)\b"
    r"(?: [a-z0-9]+){0,6} (?:pregnant|diabetes|diabetic|asthma|cancer|hiv|allergic|allergy"
    r"|hypertension|dialysis|chemotherapy|heart disease|lupus|epilepsy|fever|positive|copd"
    r"|home oxygen|a stroke|miscarriage|dementia)\b"
)
_REMEDY_EN = re.compile(
    r"\b(?:shot|jab|vaccine|vaccinated|booster|dose|paracetamol|medicine|medication|drug|pill"
    r"|insulin|treatment|hospital|admitted|stay home)\b"
)
# What the FAQ answers about a condition: money and support, papers, a service brought to the
# house or given by an office, a schedule ("có được nhận tiền ăn không", "hồ sơ làm ở đâu",
# "thuốc men ai đưa tới", "trường có tiêm cho tuổi bé chưa", "tính lại từ mũi 1", "đo SpO2 sao").
_POLICY = re.compile(
    r"\b(?:tien (?:an|ho tro|tro cap|thuoc|xet nghiem)|(?:mat|ton|tra|nhan|bao nhieu|chiu) tien"
    r"|trieu(?! chung)|nghin|mat phi|ton phi|mien phi|chi phi|ho tro|tro cap|che do|ho so"
    r"|giay to|thu tuc|ai (?:dua|mang|cap|phat|giao|lo)|(?:dua|mang|giao|phat) (?:toi|den|tan)"
    r"|(?:truong|phuong|xa|tram y te|trung tam) co (?:tiem|lay mau|xet nghiem|phat|cap|ho tro)"
    r"|lich (?:tiem|mui)|tinh lai tu|do spo2|cach do"
    # what the volunteers who shop for the isolated will bring ("đi chợ giùm có mua thuốc không")
    r"|di cho (?:ho|gium|dum|giup)"
    # whether one counts as F1: the rule's definition, not an illness ("em có bị F1 không")
    r"|co (?:bi |la |tinh |tinh la |bi coi la |bi tinh la |duoc tinh la |bi xem la )+f1 khong"
    # how long isolation lasts, how long before a dose is due, a fine: the rules'
    r"|(?:may|bao nhieu) ngay (?:thi )?(?:xong|het|duoc ra|ra|ket thuc) cach ly"
    r"|cach ly (?:bao lau|may ngay|bao nhieu ngay)|du thoi gian (?:de )?(?:tiem|chich)"
    r"|(?:co |hay |thi )bi phat|phat bao nhieu"
    # how to keep the household from catching it while caring for the sick one
    r"|de (?:ca nha |nguoi nha |gia dinh |minh |ban than )?(?:khoi|khong|tranh) (?:bi )?lay)\b"
)
# "có nên tiêm mũi 3" asks without a question mark or a final "không".
_SHOULD = re.compile(r"\bco nen\b")
# What the model takes such a question for: the FAQ's, or small talk when it is in English.
_MISTAKEN_FOR = frozenset({"ask_faq", "out_of_scope"})


# Asked of a turn's text up to three times (the overlay, the FAQ dialog's choice and its
# answer): a pure function of the text, kept for the last texts asked, as `is_question`.
@functools.lru_cache(maxsize=TEXTS_KEPT)
def personal_health(text: str) -> bool:
    """True for a question on a vaccine, a treatment or a drug for someone's own illness or
    condition ("ba em bị bệnh gan, chích vắc xin được không"), not for one asked in general."""
    said = " ".join(words(text))
    english = _PERSONAL_EN.search(said)
    if english is not None and _REMEDY_EN.search(said, english.end()):
        return is_question(text) or "?" in text
    personal = _PERSONAL.search(said)
    if personal is None:
        return False
    if not _REMEDY.search(said, personal.end()):
        return False
    return bool(_SHOULD.search(said, personal.end())) or is_question(text)


def consulted(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a personal health question the model took for the FAQ's, the
    health consultant's intent at the same confidence (the dialog still answers from an entry
    only when one surely answers, and offers the plausible ones to the consultant's ticket); the
    other way round for a question on a policy, or on where, when or how, that names no sign of
    illness (`health_signs.asks_rules`), and for a child's dose asked naming none
    (`health_signs.asks_child_dose`)."""
    top = parse.intent
    asks_faq = asks_policy(parse.text) or asks_rules(parse.text) or asks_child_dose(parse.text)
    if top.name == "health_consult" and asks_faq:
        return parse.swapped("ask_faq")
    if top.name not in _MISTAKEN_FOR or not personal_health(parse.text):
        return parse
    return parse.swapped("health_consult")


def asks_policy(text: str) -> bool:
    """True for a question on a support payment, a paper, a service or a schedule, whoever's
    condition it is told of ("em bầu bị F0, có được nhận tiền ăn không"), unless it also asks
    whether that person may have a vaccine, a treatment or a drug (`personal_health`)."""
    said = " ".join(words(text))
    return bool(_POLICY.search(said)) and not personal_health(text)

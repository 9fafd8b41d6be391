"""Report openers: a wish to report said alone, and a report opened with its verb and what is
reported, whatever the model took it for.

"phản ánh", "muốn phản ánh" and "gửi phản ánh" start a report (`asks_to_report`, asked by
`rules.rule_parse` and by the report form); a message that opens with a report verb and what is
reported ("phản ánh vụ ...", "phản ánh giúp em chuyện ...") and asks nothing is a report, never
the FAQ's (`opens_report`, `reported`).
"""

from __future__ import annotations

import re

from hotline.bot.nlu.acknowledgements import ADDRESSING
from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.greetings import after_salutation
from hotline.bot.nlu.normalize import nfc, words
from hotline.bot.nlu.questions import is_question

# "Report" with nothing else: the form asks what happened.
REPORT_WORDS = frozenset(
    {
        "phan anh",
        "muon phan anh",
        "gui phan anh",
        "toi muon phan anh",
        "em muon phan anh",
        "minh muon phan anh",
        "toi muon gui phan anh",
        "em muon gui phan anh",
        "minh muon gui phan anh",
        "cho em phan anh",
        "cho toi phan anh",
        "cho minh phan anh",
        "cho em gui phan anh",
        "cho toi gui phan anh",
        "cho minh gui phan anh",
        "phan anh vi pham",
        "to cao",
        "bao cao vi pham",
        "gui to cao",
        "muon to cao",
    }
)
# A wish to report something not yet told, in any of its usual shapes ("tui muốn báo cái vụ
# này", "cần tố cáo một trường hợp", "báo một vụ vi phạm ở xóm"): who and "muốn/cần" are taken
# off first (`_REPORT_HEAD`); what follows the verb names no event, only that there is one.
# "giúp/giùm/dùm em" and a bare "cái" ("cho phản ánh cái", "phản ánh giùm em vụ này") add nothing
# either; after a bare "báo" they are too little ("báo giúp em" may be "let me know").
_WISH_TO_REPORT = re.compile(
    r"(?P<wish>(?:muon|can|xin) )?(?P<sent>gui (?:mot |1 )?)?"
    r"(?P<verb>phan anh|to cao|to giac|bao|bao cao)"
    r"(?P<helped> (?:giup|gium|dum|ho)(?: (?:em|toi|minh|tui|con|chau))?)?"
    r"(?: (?:(?:cai |mot |1 )?(?P<noun>vu|truong hop|viec|chuyen)(?: vi pham)?|cai)"
    r"(?: nay| nhu vay| nay nua)?)?"
    r"(?: o (?:xom|day|khu pho|ap|phuong|xa|cho toi|xom toi|khu toi))?"
    r"(?: (?:cho|voi|len) (?:tong dai|admin|ban|cac ban))?"
)
# What there is to report, said first ("có chuyện sai phạm muốn báo cho tổng đài"): the wish
# that follows is read as if said alone.
_SOMETHING_FIRST = re.compile(
    r"(?:co )?(?:mot |1 )?(?:chuyen|vu|viec|su viec)(?: (?:sai pham|vi pham|nay))? (?=muon|can)"
)
# A wish to report with its openers and closers is a few words; the longest `_WISH_TO_REPORT`
# reads is 19 ("muốn gửi một phản ánh giúp em cái vụ vi phạm như vậy ở xóm tôi cho các bạn").
_WISH_LONGEST = 32
# Words that end a wish to report without adding to it ("cho mình phản ánh với", "... nè").
_REPORT_TAIL = ADDRESSING | {"voi", "ne", "day"}
# Words that open it without adding to it: who asks, and asking leave ("dạ cho em xin tố cáo").
_REPORT_HEAD = frozenset(
    {
        "da",
        "xin",
        "cho",
        "toi",
        "em",
        "e",
        "minh",
        "tui",
        "con",
        "chau",
        "admin",
        "ban",
        "oi",
        "vang",
    }
)
# A report opened with its verb and what it is about, asking nothing: "phản ánh vụ quán nhậu mở
# tới khuya", "phản ánh giúp em chuyện xóm trọ", "cho phản ánh cái". The word after the verb says
# it opens a report; "phản ánh của tôi", "phản ánh hôm qua", "phản ánh rồi mà ..." name one sent.
_OPENING_VERBS = (
    ("phan", "anh"),
    ("to", "giac"),
    ("to", "cao"),
    ("bao", "cao"),
    ("trinh", "bay"),  # "tôi xin trình bày một sự việc ..."
)
# A violation named: of the form intents, the violation report's.
_VIOLATION = re.compile(r"\b(?:vi pham|sai pham)\b")
_WHAT_IS_REPORTED = frozenset(
    "vu chuyen viec cai ve giup gium dum ho voi mot 1 nhom may nguoi quan tiem cho nha khu xom "
    "hem to chu ong ba tram ben benh shop sieu".split()
)
_WHAT_IS_REPORTED_PAIRS = frozenset(
    {
        ("tinh", "trang"),
        ("truong", "hop"),
        ("hien", "tuong"),
        ("cua", "hang"),
        ("cong", "ty"),
        ("hang", "xom"),
        ("can", "bo"),
        ("nhan", "vien"),
        ("co", "so"),
        ("doanh", "nghiep"),
        ("su", "viec"),
    }
)
# After a bare "báo" only a word that names an event ("báo vụ ...", "báo có F0 ở ...").
_WHAT_IS_TOLD = frozenset({"vu", "chuyen", "viec", "co", "mot", "1"})
_TOLD_PAIRS = frozenset({("tinh", "trang"), ("truong", "hop"), ("vi", "pham"), ("sai", "pham")})
# What opens the message before the verb: who, asking leave, wishing, addressing the hotline.
_BEFORE_VERB = _REPORT_HEAD | {"muon", "can", "gui", "e", "duoc"}
# How to do it, asked after a wish to report ("em muốn phản ánh vụ hàng xóm thì làm sao"): the
# form is the answer.
_HOW_TO = (("lam", "sao"), ("thi", "phai", "lam", "sao"), ("lam", "the", "nao"))
_WISH = frozenset({"muon", "can"})
# Intents a report opener was mistaken for: the FAQ's side, and small talk ("ad ơi phản ánh giúp
# mình việc này" reads as a greeting). Out of scope stays (a land dispute "tố cáo" is not the
# hotline's), and so do emergencies and a person asked for.
_MISTAKEN_FOR = frozenset(
    {"ask_faq", "check_status", "health_consult", "greet", "thank", "goodbye"}
)
FORM_INTENTS = ("report_violation", "report_contact", "request_support", "feedback")
# The confidence of the report intent an opener gets: sure enough for the router to start the
# form without asking the FAQ first, below a rule's 1.0 and an emergency's net.
OPENER_CONFIDENCE = 0.9


def asks_to_report(said: str) -> bool:
    """True for "phản ánh", "muốn phản ánh ạ", "em muốn gửi phản ánh ad ơi" (folded words)."""
    said = _SOMETHING_FIRST.sub("", said, count=1)
    # Taken off one at a time: "ánh" folds to "anh", which is also a way to address the hotline.
    core = said.split()
    if len(core) > _WISH_LONGEST:
        return False  # each word taken off reads every head again: cubic on "ad ad ad ..."
    while core:
        # "tôi muốn tố cáo", "dạ em xin phản ánh": the same wish, whoever opens it.
        heads = 0
        while heads < len(core) - 1 and core[heads] in _REPORT_HEAD:
            heads += 1
        tails = [" ".join(core[at:]) for at in range(heads + 1)]
        if any(t in REPORT_WORDS for t in tails):
            return True
        if any(_wishes_to_report(t) for t in tails):
            return True
        if core[-1] not in _REPORT_TAIL:
            return False
        core.pop()
    return False


def _wishes_to_report(said: str) -> bool:
    matched = _WISH_TO_REPORT.fullmatch(said)
    if matched is None:
        return False
    # "báo" alone is too little ("báo giá", "báo lại"): it needs a wish or an object.
    bare = matched["verb"] in ("bao", "bao cao") and not (matched["wish"] or matched["sent"])
    return not bare or matched["noun"] is not None


def opens_report(text: str) -> bool:
    """True for a message whose first words are a report verb and what is reported, asking
    nothing: "phản ánh vụ ...", "em xin phản ánh về ...", "báo vụ ...", "tố giác nhóm ..."."""
    text = after_salutation(text) or text  # "Kính gửi Tổng đài, tôi xin phản ánh ..."
    said = words(text)
    at = 0
    while at < len(said) and said[at] in _BEFORE_VERB:
        at += 1
    if "đã" in nfc(text).lower().split()[:at]:
        return False  # "tôi đã phản ánh vụ này": one sent before, not a new one
    rest = said[at:]
    verb = next((v for v in _OPENING_VERBS if tuple(rest[: len(v)]) == v), None)
    told = verb is None and rest[:1] == ["bao"]
    if verb is None and not told:
        return False
    after = rest[len(verb) if verb else 1 :]
    single, pair = _WHAT_IS_TOLD if told else _WHAT_IS_REPORTED, tuple(after[:2])
    pairs = _TOLD_PAIRS if told else _WHAT_IS_REPORTED_PAIRS
    if not (after and (after[0] in single or pair in pairs)):
        return False
    # "phản ánh vụ này thì gửi phường hay huyện" asks; "muốn phản ánh ... thì làm sao" asks how
    # to report, which the form answers.
    asked = list(said)
    while asked and asked[-1] in ADDRESSING:
        asked.pop()  # "..., làm sao ạ"
    how = _WISH & set(said[:at]) and any(tuple(asked[-len(h) :]) == h for h in _HOW_TO)
    return bool(how) or not is_question(text)


def reported(parse: ParseResult) -> ParseResult:
    """The parse itself, or, for a report opener the model took for the FAQ's or a lookup, the
    report intent it ranks best, sure enough to start the form."""
    top = parse.intent
    if top.name in FORM_INTENTS and top.confidence >= OPENER_CONFIDENCE:
        return parse
    if top.name not in _MISTAKEN_FOR and top.name not in FORM_INTENTS:
        return parse
    if not opens_report(parse.text):
        return parse
    ranking = parse.intent_ranking or (top,)
    best = next((i.name for i in ranking if i.name in FORM_INTENTS), FORM_INTENTS[0])
    if _VIOLATION.search(" ".join(words(parse.text))):
        best = "report_violation"
    return parse.surely(best, OPENER_CONFIDENCE)

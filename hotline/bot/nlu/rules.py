"""Messages whose intent needs no model: a bare ticket code, an acknowledgement, a bare "report",
a bare greeting; and a report opened with its verb, whatever the model took it for.

Both back ends answer them the same way and at once: the bot itself tells citizens to send their
code, so "PA-LAHC-HQXK" (in any case, with spaces or hyphens) must start a lookup; "ok", 👍 and
"vâng" close a turn politely; "phản ánh", "muốn phản ánh" and "gửi phản ánh" start a report;
"chào ad", "alo" and "xin chào tổng đài" are greeted (`greetings`). A message that opens with a
report verb and what is reported ("phản ánh vụ ...", "phản ánh giúp em chuyện ...") and asks
nothing is a report, never the FAQ's (`reported`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from hotline.bot.nlu.base import INTENTS, Intent, ParseResult
from hotline.bot.nlu.entities import extract_entities, ticket_codes
from hotline.bot.nlu.greetings import greets
from hotline.bot.nlu.normalize import TEXTS_KEPT, nfc, normalize, words
from hotline.bot.nlu.questions import is_question

# Acknowledgements, in folded words (an emoji is folded to the word it stands for), once the
# words that only address the hotline ("ad", "bạn", "ạ", "nhé") are taken off the end.
ACKNOWLEDGEMENTS = frozenset(
    {
        "ok",
        "ok ok",
        "okela",
        "oki",
        "okay",
        "uk",
        "ukm",
        "um",
        "u",
        "ua",
        "uh",
        "da",
        "vang",
        "da vang",
        "da ro",
        "da hieu",
        "hieu roi",
        "ro roi",
        "duoc roi",
        "da duoc",
        "vang em hieu roi",
        "ok luon",
        "o ke",
        "nam roi",
        "biet roi",
        "da nam",
        "da biet",
        # Repeated letters are folded first ("okk", "okii", "okeee"), so these are the forms
        # that remain; "rồi" and "ok" may also open one ("rồi rồi hiểu rồi", see `_POLITE`).
        "oke",
        "okie",
        "okla",
        "roi",
        "hieu",
        "ok roi",
        "ok nha",
        "xong roi",
        "on roi",
        "vay la duoc",
        "vay la duoc roi",
        "vay la on",
        "giup duoc roi",
        "da duoc roi",
        "hieu rui",
        "ok rui",
    }
)
# Emoji that approve, which `normalize` folds to nothing (👍 and 👌 fold to "ok" already).
APPROVING_EMOJI = frozenset({"💯", "✅", "✔", "👏", "🙆", "🆒"})
# Who acknowledges, between the polite word and what is understood ("vâng, cháu nắm rồi ạ").
_SELF = frozenset({"em", "e", "chau", "con", "toi", "tui", "minh"})
_POLITE = frozenset({"da", "vang", "ok", "u", "uh", "roi"})
_ADDRESSING = frozenset(
    {"admin", "ban", "em", "anh", "chi", "a", "ah", "ak", "nha", "nhe", "nhen", "oi"}
)
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
    r"(?P<wish>(?:muon|can|xin) )?(?P<sent>gui )?(?P<verb>phan anh|to cao|to giac|bao|bao cao)"
    r"(?P<helped> (?:giup|gium|dum|ho)(?: (?:em|toi|minh|tui|con|chau))?)?"
    r"(?: (?:(?:cai |mot |1 )?(?P<noun>vu|truong hop|viec|chuyen)(?: vi pham)?|cai)"
    r"(?: nay| nhu vay| nay nua)?)?"
    r"(?: o (?:xom|day|khu pho|ap|phuong|xa|cho toi|xom toi|khu toi))?"
)
# Words that end a wish to report without adding to it ("cho mình phản ánh với", "... nè").
_REPORT_TAIL = _ADDRESSING | {"voi", "ne"}
# Words that open it without adding to it: who asks, and asking leave ("dạ cho em xin tố cáo").
_REPORT_HEAD = frozenset(
    {"da", "xin", "cho", "toi", "em", "minh", "tui", "con", "chau", "admin", "oi", "vang"}
)
# A report opened with its verb and what it is about, asking nothing: "phản ánh vụ quán nhậu mở
# tới khuya", "phản ánh giúp em chuyện xóm trọ", "cho phản ánh cái". The word after the verb says
# it opens a report; "phản ánh của tôi", "phản ánh hôm qua", "phản ánh rồi mà ..." name one sent.
_OPENING_VERBS = (("phan", "anh"), ("to", "giac"), ("to", "cao"), ("bao", "cao"))
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
    }
)
# After a bare "báo" only a word that names an event ("báo vụ ...", "báo có F0 ở ...").
_WHAT_IS_TOLD = frozenset({"vu", "chuyen", "viec", "co", "mot", "1"})
_TOLD_PAIRS = frozenset({("tinh", "trang"), ("truong", "hop")})
# What opens the message before the verb: who, asking leave, wishing, addressing the hotline.
_BEFORE_VERB = _REPORT_HEAD | {"muon", "can", "gui", "e"}
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
_CODE_FILLER = re.compile(r"[\s\-.,:;!?\"'()]+")
# A letter typed twice or more stands for one in chat ("okkk", "okiii", "vângg").
_REPEATED = re.compile(r"(\w)\1+")
# A bare "k" or "kk" ("ok" in chat, folded to "không" by `normalize`) between dialogs answers the
# bot's last reply; inside a form the form step reads the text itself, whatever the intent.
_BARE_K = re.compile(r"\s*k+\s*[.!]*\s*", re.IGNORECASE)


def _ranked(name: str) -> ParseResult:
    intent = Intent(name, 1.0)
    return ParseResult("", intent, (), (intent, *(Intent(n, 0.0) for n in INTENTS if n != name)))


# With Rasa, asked of every message before anything else (`FallbackNLU.parse`), and citizens
# repeat the same texts: a pure function of the text (a parse is frozen), kept for the last
# texts asked. The local NLU keeps its whole parse in its own memo.
@functools.lru_cache(maxsize=TEXTS_KEPT)
def rule_parse(text: str) -> ParseResult | None:
    """The parse for a message a rule settles, or None for the model to classify."""
    codes = ticket_codes(text)
    if codes and not _CODE_FILLER.sub("", text.replace(codes[0].text, "")):
        ruled = _ranked("check_status")
        return ParseResult(text, ruled.intent, extract_entities(text), ruled.intent_ranking)
    if acknowledgement(text):
        return _with_text(_ranked("thank"), text)
    if asks_to_report(normalize(text)):
        return _with_text(_ranked("report_violation"), text)
    if greets(text):
        return _with_text(_ranked("greet"), text)
    return None


def _core(said: str) -> list[str]:
    """The folded words without those that only address the hotline at the end ("... ad ơi")."""
    core = said.split()
    while core and core[-1] in _ADDRESSING:
        core.pop()
    return core


def asks_to_report(said: str) -> bool:
    """True for "phản ánh", "muốn phản ánh ạ", "em muốn gửi phản ánh ad ơi" (folded words)."""
    # Taken off one at a time: "ánh" folds to "anh", which is also a way to address the hotline.
    core = said.split()
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


def acknowledgement(text: str) -> bool:
    """True for a message that only acknowledges: "ok", "okk", "dạ vâng ạ", 👍, a bare "k".
    Asked ("xong rồi à?", "hiểu rồi?") it is a question."""
    if text.rstrip().endswith("?"):
        return False
    return acknowledges(normalize(text)) or approves(text) or bool(_BARE_K.fullmatch(text))


def acknowledges(said: str) -> bool:
    """True for "ok", "ok ad", "dạ vâng ạ", 👍 in folded words (`normalize`)."""
    core: list[str] = []
    for word in _core(_REPEATED.sub(r"\1", said)):
        if not core or core[-1] != word:  # "rồi rồi", "ok ok": said twice, meant once
            core.append(word)
    # "dạ hiểu rồi", "vâng rõ rồi", "ok hiểu rồi": a polite word before an acknowledgement.
    if len(core) > 1 and core[0] in _POLITE:
        rest = core[2:] if core[1] in _SELF and len(core) > 2 else core[1:]
        if " ".join(rest) in ACKNOWLEDGEMENTS:
            return True
    return " ".join(core) in ACKNOWLEDGEMENTS


def approves(text: str) -> bool:
    """True for a message of approving emoji only ("💯", "👏👏")."""
    marks = text.replace("\ufe0f", "").split()
    return bool(marks) and all(set(m) <= APPROVING_EMOJI for m in marks)


def opens_report(text: str) -> bool:
    """True for a message whose first words are a report verb and what is reported, asking
    nothing: "phản ánh vụ ...", "em xin phản ánh về ...", "báo vụ ...", "tố giác nhóm ..."."""
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
    # "phản ánh vụ này thì gửi phường hay huyện": a choice asked, which `is_question` reads
    # only after "nên" ("thì ... hay" is as often "usually" in a report, so only here).
    chooses = "thi" in after and "hay" in after[after.index("thi") + 2 :]
    return not chooses and not is_question(text)


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
    others = [i for i in ranking if i.name != best]
    share = sum(i.confidence for i in others) or 1.0
    rest = 1.0 - OPENER_CONFIDENCE
    ranked = (
        Intent(best, OPENER_CONFIDENCE),
        *(Intent(i.name, i.confidence / share * rest) for i in others),
    )
    return replace(parse, intent=ranked[0], intent_ranking=ranked)


def _with_text(result: ParseResult, text: str) -> ParseResult:
    return ParseResult(text, result.intent, (), result.intent_ranking)

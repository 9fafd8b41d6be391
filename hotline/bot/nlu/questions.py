"""Whether a message is put as a question: "phải cách ly mấy ngày?", "có được mở cửa không".

A report or a tip describes an event at a place; a question about the rules asks. The router asks
the FAQ first when a message put as a question was classified as a report, a status check or
small talk, so "hàng xóm là F1 thì phải ở nhà bao lâu" gets the answer instead of a tip form.
"""

from __future__ import annotations

import functools
import itertools
import re

from hotline.bot.nlu.choices import offers_choice
from hotline.bot.nlu.greetings import after_salutation
from hotline.bot.nlu.normalize import TEXTS_KEPT, fold, nfc, words
from hotline.bot.nlu.question_words import (
    ADDRESSED,
    ASKED_OF,
    ASKERS,
    BEFORE_PENALTY,
    CHEERING,
    CLAUSE_ASKERS,
    CONSEQUENCES,
    COUNTED,
    DURATIONS,
    EVERY,
    FINAL,
    GROUP,
    GUIDANCE,
    HABIT_AFTER,
    HABIT_BEFORE,
    HELPERS,
    LASTED,
    NEGATIONS,
    NOT_WHICH,
    OPENERS,
    PENALISED,
    PENALTIES,
    PEOPLE,
    PHRASES,
    REQUESTS,
    TRAILING,
)

# A clause of its own that opens with "ai" asks who ("VNeID ghi sai tên, ai sửa cho"); "ai" inside
# a clause is as often "anyone" ("không cho ai nghỉ").
_CLAUSE = re.compile(r"[,;:.!\n]+")
# A list's item after a comma is a few words ("..., người nghèo không").
_LISTED = 4
# Asking words that close an earlier clause as they close a message (`_closes_asking`).
_CLOSING = frozenset({"chua", "may", "gi", "nao", "dau"})


# Asked of a turn's text by the dialogs (the router, the repair check), of a new text by the
# rules and the danger net too, and citizens repeat the same texts: a pure function of the
# text, kept for the last texts asked.
@functools.lru_cache(maxsize=TEXTS_KEPT)
def is_question(text: str) -> bool:
    """True for a question mark, a question phrase, or a final asking particle; a bare "?" (no
    word) asks nothing the FAQ or a person could answer."""
    said = words(text)
    if "?" in text and said:
        return True
    said = _untrailed(said)
    if not said or (len(said) == 1 and said[0] in FINAL):
        return False  # a bare "hả", "sao": a reaction, nothing the FAQ or a person could answer
    machines = _machines(text)
    for length in (3, 2, 1):
        if any(_asks(said, i, length, machines) for i in range(len(said) - length + 1)):
            return True
    if any(_which(said, at) for at in range(1, len(said) - 1)):
        return True
    opening = _opened(words(after_salutation(text) or "") or said)
    final = said[-1] in FINAL and not _not_asking(said, text)
    if final or _opens(opening) or _requests(opening) or _chooses(said) or offers_choice(said):
        return True
    clauses = [words(clause) for clause in _CLAUSE.split(text)]
    if any(_asks_who(clause) for clause in clauses[1:]):
        return True
    # "Tôi muốn in một tờ hướng dẫn ... Xin cho biết ...", "..., mong được giải đáp": a request
    # for guidance opening a later clause asks as one opening the message does.
    if any(_requests(_opened(clause)) for clause in clauses[1:]):
        return True
    # "..., vậy tiền xét nghiệm tự trả hay được miễn": a later clause opened by "vậy" (so) asks
    # a choice as one opened by "thì" does.
    if any(_chooses(["thi", *c[1:]]) for c in clauses[1:] if c[:1] == ["vay"]):
        return True
    if any(_clause_asks(_untrailed(clause)) for clause in clauses[:-1]):
        return True
    # "phòng gym mở cửa chưa, tôi muốn so với ...", "là số mấy, tôi tìm không thấy": an asking
    # word closing an earlier clause asks, as it does closing the message.
    if any(_closes_asking(clause) for clause in _CLAUSE.split(text)[:-1]):
        return True
    # "có giảm cho người già, người nghèo không, ...": a list's comma inside "có ... không".
    return any(
        _clause_asks(_untrailed(before + clause))
        for before, clause in itertools.pairwise(clauses[:-1])
        if clause[-1:] and clause[-1] in CLAUSE_ASKERS and len(clause) <= _LISTED
    )


def _closes_asking(clause: str) -> bool:
    """A clause of three words or more closing with "chưa", "mấy", "gì", "nào" or "đâu", none
    of them negated ("không chạy được đơn nào", "chưa đi đâu": none, nowhere) nor urging ("cố
    lên nào"); "mấy" only as written so ("cái máy", "chuyền may" fold alike)."""
    said = _untrailed(words(clause))
    if len(said) < 3 or said[-1] not in _CLOSING:
        return False
    if any(w in NEGATIONS for w in said[-6:-1]) and said[-1] != "chua":
        return False
    if said[-1] == "nao" and said[-2] in CHEERING:
        return False  # "cố lên nào mọi người, ...": urging
    if said[-1] != "may":
        return True
    written = re.findall(r"[^\W_]+", nfc(clause).lower())
    while len(written) > 1 and fold(written[-1]) in TRAILING:
        written.pop()
    return written[-1:] == ["mấy"]


def _untrailed(said: list[str]) -> list[str]:
    """The words without the politeness and addressing that trail a question."""
    # Where they start, then one slice: a slice a word ("ạ" x 2,000) was quadratic.
    end = len(said)
    while end > 1:
        if said[end - 1] in TRAILING:
            end -= 1
        elif end > 2 and said[end - 2] == GROUP and said[end - 1] in PEOPLE:
            end -= 2
        elif end > 2 and said[end - 1] in ADDRESSED and said[end - 2] in ASKED_OF:
            end -= 1  # "có sao không con": whom it is asked of, after the asking particle
        elif end > 3 and " ".join(said[end - 2 : end]) in ADDRESSED and said[end - 3] in ASKED_OF:
            end -= 2
        else:
            break
    return said[:end]


def _not_asking(said: list[str], text: str) -> bool:
    """A final word that folds like an asking particle but is not one: "máy" ("không ai bắt
    máy", "xe máy"), a negated "nào" ("không còn đồng nào")."""
    if said[-1] == "may":
        written = re.findall(r"[^\W_]+", nfc(text).lower())
        while len(written) > 1 and fold(written[-1]) in TRAILING:
            written.pop()  # "thôi chú tắt máy nghen"
        return said[-2:-1] in (["xe"], ["nha"], ["chay"]) or written[-1:] == ["máy"]
    if said[-1] == "vay" and said[-2:-1] in (["cung"], ["nhu"]):
        return True  # "tối nào cũng vậy": likewise; "làm như vậy": so
    if said[-1] == "gi" and "ai" in said[-5:-1]:
        return _none(said, len(said) - 1)  # "không ai kiểm tra gì": nothing at all
    return said[-1] == "nao" and _none(said, len(said) - 1)


def _none(said: list[str], at: int) -> bool:
    """Whether the "ai" or "nào" at `at` is negated ("không báo ai", "không còn đồng nào")."""
    before = said[max(0, at - 4) : at]
    return any(w in NEGATIONS for w in before) and "biet" not in before


def _which(said: list[str], at: int) -> bool:
    """A "nào" inside the message that asks which ("ứng dụng nào để khai báo", "bệnh viện nào
    rẻ"), not "every" ("sáng nào cũng"), "any" ("bất kỳ ai nào"), "none", nor urging."""
    if said[at] != "nao" or said[at + 1] in NOT_WHICH or EVERY in said[at + 2 : at + 4]:
        return False  # "tối nào tụi nó cũng nhậu": every
    urging = said[at - 1] in CHEERING
    return not urging and "bat" not in said[max(0, at - 3) : at] and not _none(said, at)


def _clause_asks(clause: list[str]) -> bool:
    """A clause before the last closing with "có ... không" or "đã ... chưa"."""
    if len(clause) < 3 or clause[-1] not in CLAUSE_ASKERS:
        return False
    return any(w in HELPERS for w in clause[:-1])


def _chooses(said: list[str]) -> bool:
    """ "thì nhận qua công ty hay tự lên BHXH", "là nguy cơ cao hay rất cao": a choice asked."""
    opened, seen = -1, set[str]()  # the last "thì" or "là", the words so far: one pass
    for at, word in enumerate(said):
        if word == "hay" and 0 < at < len(said) - 1:
            habit = said[at + 1] in HABIT_AFTER or said[at - 1] in HABIT_BEFORE
            if not habit and (0 <= opened < at - 1 or said[at + 1] in seen):
                return True
        if word in ("thi", "la"):
            opened = at
        seen.add(word)
    return False


def _opened(said: list[str]) -> list[str]:
    """The words without the openers ("ad ơi", "dạ") before the first that asks, at least one."""
    at = 0
    while len(said) - at > 1 and said[at] in OPENERS:
        at += 1
    return said[at:]


def _requests(said: list[str]) -> bool:
    """Whether the message opens by asking for guidance ("đề nghị hướng dẫn ...", "mong được
    giải đáp")."""
    for request in REQUESTS:
        if tuple(said[: len(request)]) == request:
            rest = said[len(request) :]
            if request and rest[:1] == ["duoc"]:
                rest = rest[1:]  # "mong được giải đáp", "xin được hướng dẫn"
            if rest[:1] == ["cho"] and rest[1:2] and rest[1] in ASKERS:
                rest = ["cho", *rest[2:]]  # "cho em biết" is "cho biết"
            return any(tuple(rest[: len(g)]) == g for g in GUIDANCE)
    return False


def _asks_who(clause: list[str]) -> bool:
    """A later clause opening with "ai", not "ai cũng" (everyone), "ai ... thì" (whoever) nor a
    plea ("ai giúp với")."""
    if len(clause) < 2 or clause[0] != "ai" or "thi" in clause:
        return False
    return clause[1] != EVERY and clause[-1] != "voi" and not _whoever(clause)


_TOLD = CONSEQUENCES | BEFORE_PENALTY | PENALTIES


def _whoever(clause: list[str]) -> bool:
    """ "ai không làm trừ lương", "ai ra đường là bị phạt": a clause opening with "ai" whose
    doing is followed by what comes of it, "whoever"; a question mark or a final asking particle
    is read before (`is_question`), so "ai ra đường là bị phạt hả" still asks."""
    if clause[:1] != ["ai"] or len(clause) < 4 or clause[1] in _TOLD:
        return False  # "ai bị phạt", "ai là người xác định F1": who
    for word, after in itertools.pairwise(clause[2:]):
        if word in CONSEQUENCES:
            return True  # "ai nghỉ thì ...", "ai không lên ca sẽ ..."
        if word in BEFORE_PENALTY and (after in PENALTIES or after == "bi"):
            return True  # "là bị phạt", "còn bị đuổi"
        if word in PENALTIES and after in PENALISED:
            return True  # "trừ lương", "đuổi việc"
    return False


def _opens(said: list[str]) -> bool:
    """Whether the opening (after "ad ơi", "dạ"...) or a choice asks."""
    # "Sao ..." and "ai ..." open a question ("ai có trách nhiệm đưa F0 đi viện"); "ai cũng ..."
    # is a report, "ai giúp em với" a plea, and a bare "tai" is as often "tài xế" as "tại sao"
    # (a phrase above).
    plea = said[-1] == "voi"
    who = said[0] == "ai" and said[1:2] != [EVERY] and not plea and not _whoever(said)
    opens = said[0] == "sao" or who
    opens = opens or _asks_leave(said)
    # "nên gọi 115 hay nhắn tổng đài", "nên tiêm Pfizer hay Moderna": a choice asked for.
    choice = "nen" in said and "hay" in said[said.index("nen") + 2 :]
    return opens or choice


def _asks_leave(said: list[str]) -> bool:
    """ "xin hỏi ...", "cho em hỏi ...", and as formally ("tôi xin phép hỏi", "xin được hỏi",
    "kính hỏi quý cơ quan"): asking leave to ask is asking."""
    if len(said) > 2 and said[0] in ASKERS and said[1] in ("xin", "kinh"):
        said = said[1:]  # "tôi xin phép hỏi"
    if said[:1] == ["kinh"]:
        return said[1:2] == ["hoi"]
    if said[:1] not in (["xin"], ["cho"]):
        return False
    rest = said[1:]
    if rest[:1] and rest[0] in ASKERS and said[0] == "cho":
        rest = rest[1:]  # "cho em hỏi", "cho tôi được hỏi"
    if rest[:1] in (["duoc"], ["phep"]):
        rest = rest[1:]
    return rest[:1] == ["hoi"]


def _asks(said: list[str], at: int, length: int, machines: frozenset[str] = frozenset()) -> bool:
    """Whether the phrase of `length` words at `at` is a question phrase, in its context;
    `machines`: the words the text writes after "máy", never after "mấy" (`_machines`)."""
    phrase = tuple(said[at : at + length])
    if phrase not in PHRASES:
        return False
    after = said[at + length : at + length + 1]
    if phrase[0] == "may" and phrase[-1] in DURATIONS and after and after[0] in LASTED:
        return False  # "đói mấy ngày nay": how long it has lasted, not a question
    if phrase[0] == "may" and phrase[-1] in machines:
        return False  # "ghe hư máy nằm bờ": the engine, written so
    if phrase == ("khong", "hay") and "co" not in said[:at]:
        return False  # "làm vậy không hay": "not good"; asked only after a "có"
    if phrase == ("may", "tram") and after and after[0] in COUNTED:
        return False  # "mấy trăm người tụ tập": several hundred, told
    if ("ai" in phrase or phrase == ("sao", "vay")) and at > 0 and said[at - 1] in NEGATIONS:
        return False  # "không cho ai nghỉ": nobody; "không sao vậy là được": no matter
    return not (phrase[-1] in ("nao", "ai") and after == [EVERY])


def _machines(text: str) -> frozenset[str]:
    """The words (folded) the text writes after "máy" (a machine), never after "mấy": worked
    out once a message, as a phrase lookup for each "may" would be quadratic in its length."""
    written = re.findall(r"[^\W_]+", nfc(text).lower())
    after: dict[str, set[str]] = {"máy": set(), "mấy": set()}
    for word, following in itertools.pairwise(written):
        if word in after:
            after[word].add(fold(following))
    return frozenset(after["máy"] - after["mấy"])

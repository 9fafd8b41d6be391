"""Whether a message is put as a question: "phải cách ly mấy ngày?", "có được mở cửa không".

A report or a tip describes an event at a place; a question about the rules asks. The router asks
the FAQ first when a message put as a question was classified as a report, a status check or
small talk, so "hàng xóm là F1 thì phải ở nhà bao lâu" gets the answer instead of a tip form.
"""

from __future__ import annotations

import functools
import re

from hotline.bot.nlu.normalize import TEXTS_KEPT, words

# Question phrases, folded, anywhere; the asking particles ("không", "chưa", "hả") only at the
# end, where they ask ("có ... không"). Single words such as "gì" or "nào" are not enough: "không
# có gì ăn" and "sáng nào cũng tụ tập" are reports.
_PHRASES = (
    ("bao", "nhieu"),
    ("bao", "lau"),
    ("bao", "gio"),
    ("khi", "nao"),
    ("the", "nao"),
    ("nhu", "the", "nao"),
    ("ra", "sao"),
    ("lam", "sao"),
    ("o", "dau"),
    ("co", "phai"),
    ("phai", "khong"),
    ("duoc", "khong"),
    ("hay", "khong"),
    ("duoc", "chua"),
    ("tai", "sao"),
    ("vi", "sao"),
    ("la", "gi"),
    ("lam", "gi"),
    ("can", "gi"),
    ("giay", "gi"),
    ("may", "ngay"),
    ("may", "gio"),
    ("may", "lan"),
    ("may", "thang"),
    ("may", "tuan"),
    ("may", "trieu"),
    ("may", "mui"),
    ("may", "dot"),
    ("may", "nguoi"),
    ("may", "hom"),
    ("may", "bua"),
    ("may", "tieng"),
    ("may", "nam"),
    ("may", "tuoi"),
    ("cai", "nao"),
    ("loai", "nao"),
    ("noi", "nao"),
    ("thi", "ai"),
    ("sao", "van"),
    ("sao", "lai"),
    ("ai", "co"),
    ("hoi", "ai"),
    ("cho", "ai"),
    ("bao", "ai"),
    ("gap", "ai"),
    ("ntn",),
    ("khac", "gi"),
    ("duoc", "may"),
    # "là những gì", "gồm những gì": what a rule consists of.
    ("nhung", "gi"),
    # "có ... không hay ...": "or not", asked ("có đang bán không hay đóng rồi").
    ("khong", "hay"),
    # Where to go and whom to reach ("đến đâu xin", "nhắn ai", "liên hệ ai").
    ("den", "dau"),
    ("nhan", "ai"),
    ("goi", "ai"),
    ("tim", "ai"),
    ("lien", "he", "ai"),
    ("nhu", "nao"),
)
_ASKERS = frozenset({"em", "e", "toi", "tui", "minh", "chau", "con", "anh", "chi"})
_FINAL = frozenset({"khong", "chua", "ha", "nhi", "vay", "gi", "nao", "sao", "dau", "chu", "may"})
# "mấy ngày nay", "mấy tháng rồi", "sốt mấy hôm mà": "mấy" counts how long something has lasted
# ("mấy giờ rồi" still asks the time).
_DURATIONS = frozenset({"ngay", "hom", "bua", "tuan", "thang", "nam"})
_LASTED = frozenset({"nay", "roi", "lien", "qua", "ma", "van"})
# "sáng nào cũng", "ai cũng": "every", not "which" or "who".
_EVERY = "cung"
# Words that open a message without being part of it ("ad ơi cho em hỏi", "dạ cho hỏi").
_OPENERS = frozenset({"ad", "admin", "da", "vang", "chao", "oi"})
# A request for guidance is a question ("đề nghị hướng dẫn hồ sơ ...", "xin cho biết ..."):
# the words that make the request, then what is requested.
_REQUESTS = (
    ("kinh", "de", "nghi"),
    ("de", "nghi"),
    ("vui", "long"),
    ("xin",),
    ("mong",),
    ("nho",),
    (),
)
_GUIDANCE = (("huong", "dan"), ("cho", "biet"), ("chi", "dan"))
# A clause of its own that opens with "ai" asks who ("VNeID ghi sai tên, ai sửa cho"); "ai" inside
# a clause is as often "anyone" ("không cho ai nghỉ").
_CLAUSE = re.compile(r"[,;:.!\n]+")
# Politeness that trails a question ("... được chưa ạ", "... không ad ơi", "... chưa nhé"): the
# asking particle is the word before it.
_TRAILING = frozenset({"a", "admin", "oi", "nhe"})


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
    while len(said) > 1 and said[-1] in _TRAILING:
        said = said[:-1]
    if not said:
        return False
    for length in (3, 2, 1):
        if any(_asks(said, i, length) for i in range(len(said) - length + 1)):
            return True
    opening = said
    while len(opening) > 1 and opening[0] in _OPENERS:
        opening = opening[1:]
    machine = said[-1] == "may" and said[-2:-1] in (["xe"], ["nha"], ["chay"])  # máy, not mấy
    if (said[-1] in _FINAL and not machine) or _opens(opening) or _requests(opening):
        return True
    return any(_asks_who(words(clause)) for clause in _CLAUSE.split(text)[1:])


def _requests(said: list[str]) -> bool:
    """Whether the message opens by asking for guidance ("đề nghị hướng dẫn ...")."""
    for request in _REQUESTS:
        if tuple(said[: len(request)]) == request:
            rest = said[len(request) :]
            if rest[:1] == ["cho"] and rest[1:2] and rest[1] in _ASKERS:
                rest = ["cho", *rest[2:]]  # "cho em biết" is "cho biết"
            return any(tuple(rest[: len(g)]) == g for g in _GUIDANCE)
    return False


def _asks_who(clause: list[str]) -> bool:
    """A later clause opening with "ai", not "ai cũng" (everyone), "ai ... thì" (whoever) nor a
    plea ("ai giúp với")."""
    if len(clause) < 2 or clause[0] != "ai" or "thi" in clause:
        return False
    return clause[1] != _EVERY and clause[-1] != "voi"


def _opens(said: list[str]) -> bool:
    """Whether the opening (after "ad ơi", "dạ"...) or a choice asks."""
    # "Sao ..." and "ai ..." open a question ("ai có trách nhiệm đưa F0 đi viện"); "ai cũng ..."
    # is a report, "ai giúp em với" a plea, and a bare "tai" is as often "tài xế" as "tại sao"
    # (a phrase above).
    plea = said[-1] == "voi"
    opens = said[0] == "sao" or (said[0] == "ai" and said[1:2] != [_EVERY] and not plea)
    # "xin hỏi ...", "cho hỏi ...", "cho em hỏi ...": asking leave to ask is asking.
    leave = said[:2] in (["xin", "hoi"], ["cho", "hoi"])
    opens = opens or leave or (said[0:3:2] == ["cho", "hoi"] and said[1] in _ASKERS)
    # "nên gọi 115 hay nhắn tổng đài", "nên tiêm Pfizer hay Moderna": a choice asked for.
    choice = "nen" in said and "hay" in said[said.index("nen") + 2 :]
    return opens or choice


def _asks(said: list[str], at: int, length: int) -> bool:
    """Whether the phrase of `length` words at `at` is a question phrase, in its context."""
    phrase = tuple(said[at : at + length])
    if phrase not in _PHRASES:
        return False
    after = said[at + length : at + length + 1]
    if phrase[0] == "may" and phrase[-1] in _DURATIONS and after and after[0] in _LASTED:
        return False  # "đói mấy ngày nay": how long it has lasted, not a question
    if phrase == ("khong", "hay") and "co" not in said[:at]:
        return False  # "làm vậy không hay": "not good"; asked only after a "có"
    return not (phrase[-1] in ("nao", "ai") and after == [_EVERY])

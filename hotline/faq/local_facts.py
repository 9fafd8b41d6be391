"""A value asked of one particular place: a current local fact no FAQ entry states.

"Phường Hiệp Thành hôm nay cấp độ mấy", "trạm y tế xã Tân Vĩnh Hiệp số điện thoại là số nào",
"hẻm tôi khi nào mở rào", "tổ trưởng khu phố 4 tên gì": the asking clause names one
ward, commune, hamlet, neighbourhood or alley (an administrative noun followed by its proper
name, its number, or the asker's own: "khu tôi") and asks a value of it (how many, which level,
when, who, what name). The FAQ states rules for the whole province ("cấp độ được công bố hằng
tuần", "trạm y tế phường, xã"), never one place's level, schedule, phone number or officer, so
an entry on the same topic answers another question: it is offered, never given as the answer
(`hotline.faq.focus.ONE_PLACE`, a focus no answer names).

Read from the clause as the citizen wrote it: the proper name by its capital, and the question
word by its marks ("mấy", not "máy"; folded "bao nhieu", "bao gio", "khi nao" are unambiguous).
A question word after a negation is indefinite ("nhắn khu phố 3 rồi mà chưa có ai"), as is one
before "cũng" ("sáng nào cũng"); "gì"/"nào" after a word that names nothing asks what to do or
bring ("ở phường Chánh Nghĩa cần mang theo gì": a procedure an entry may give), not a value.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from hotline.faq.written import fold

_WORD = re.compile(r"\w+")
# Administrative places one can name, folded, the longest first: "khu phố 4", "tổ dân phố 2",
# "ấp Bến Tranh", "hẻm 12", "khu tôi". Folded "xã" is also "xa" (far) and "quận" "quán" (a
# shop: "quán tôi"): only with their marks ("xa_", "quan_").
_XA, _QUAN = "xa_", "quan_"
_MARKED = {"xã": _XA, "quận": _QUAN}
_PLACES = (
    ("to", "dan", "pho"),
    ("khu", "pho"),
    ("thi", "tran"),
    ("thi", _XA),
    ("phuong",),
    (_XA,),
    ("ap",),
    ("huyen",),
    (_QUAN,),
    ("hem",),
    ("khu",),
    ("kp",),
)
_OWN = frozenset({"toi", "tui", "minh", "em"})
# A number before one of these counts ("phường 15 ngày", "nhắn khu phố 3 hôm"): no place's number.
_COUNTED = frozenset(
    "ngay hom tuan thang nam gio tieng phut lan nguoi ho ca mui trieu nghin ngan dong".split()
)
# Question words asking a value, as written with their marks, and the unambiguous folded pairs.
_VALUE_WORDS = frozenset({"mấy", "ai", "gì", "nào"})
_VALUE_PAIRS = frozenset(
    {("bao", "nhieu"), ("bao", "gio"), ("khi", "nao"), ("chung", "nao"), ("luc", "nao")}
)
_NEGATIONS = frozenset({"khong", "ko", "chua", "chang", "cha"})
_UNKNOWING = frozenset({"biet", "ro"})
# Who or what a rule is for, or the asker's own question, standing between the place and the
# question word: the value is asked of them, not of the place.
_SUBJECTS = frozenset({"f0", "f1", "f2", "nguoi", "tre", "hoi"})
_SUBJECT_PAIRS = frozenset({("cach", "ly")})
# Words before "gì"/"nào" that make it ask what to do or bring, or a definition, not a value.
_NOT_VALUE = frozenset(
    "la lam can mang theo co duoc phai nop chuan bi di ve o tai cho khi luc hoi chung".split()
)


def _places(folded: list[str], written: list[str]) -> list[tuple[int, int]]:
    """Where the clause names one place: (the administrative noun's index, its name's last
    index), the name capitalised words, a number or the asker's own."""
    found = []
    for i in range(len(folded)):
        for place in _PLACES:
            end = i + len(place)
            if tuple(folded[i:end]) != place or end >= len(folded):
                continue
            name, after = written[end], folded[end + 1 : end + 2]
            number = name.isdigit() and not (after and after[0] in _COUNTED)
            if name[0].isupper() or number or folded[end] in _OWN:
                last = end  # a name of several words: "ấp Suối Tre"
                while (
                    name[0].isupper() and last + 1 < len(written) and written[last + 1][0].isupper()
                ):
                    last += 1
                found.append((i, last))
    return found


def _values_asked(folded: list[str], written: list[str]) -> list[int]:
    """Where a question word of the clause asks a value: not after a negation, not before
    "cũng", "gì"/"nào" not after a word that names nothing."""
    found = []
    negated = False
    for i, word in enumerate(folded):
        after = folded[i + 1] if i + 1 < len(folded) else ""
        if word in _NEGATIONS and after not in _UNKNOWING:
            negated = True
        if negated or after == "cung":
            continue
        pair = (word, after) in _VALUE_PAIRS
        if pair or written[i].lower() in _VALUE_WORDS:
            if word in ("gi", "nao") and (i == 0 or folded[i - 1] in _NOT_VALUE):
                continue
            found.append(i)
    return found


def _asked_of(folded: list[str], place: tuple[int, int], value: int) -> bool:
    """Whether the value is asked of the place: no person or rule between them, who would be
    what is asked of ("khu tôi F0 cách ly mấy ngày" asks the province's rule for an F0, the
    place only says where the asker lives), nor the asker's "cho hỏi" after introducing it."""
    start, name = place
    between = folded[name + 1 : value] if value > name else folded[value + 1 : start]
    pairs = set(pairwise(between))
    return not (_SUBJECTS.intersection(between) or _SUBJECT_PAIRS & pairs)


def asks_of_one_place(clause: str) -> bool:
    """Whether `clause` (as written) asks a value of one named ward, commune, hamlet,
    neighbourhood or alley."""
    written = _WORD.findall(unicodedata.normalize("NFC", clause))
    folded = [_MARKED.get(w.lower(), fold(w)) for w in written]
    places = _places(folded, written)
    if not places:
        return False
    values = _values_asked(folded, written)
    return any(_asked_of(folded, place, value) for place in places for value in values)

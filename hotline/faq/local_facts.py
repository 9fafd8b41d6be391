"""A value asked of one particular place: a current local fact no FAQ entry states.

"Phường Phú Cường tuần này đang ở cấp độ mấy", "trạm y tế xã An Lập số điện thoại bao nhiêu",
"hẻm tôi bao giờ được gỡ phong tỏa", "tổ trưởng khu phố 4 tên gì": the asking clause names one
ward, commune, hamlet, neighbourhood or alley (an administrative noun followed by its proper
name, its number, or the asker's own: "khu tôi") and asks a value of it (how many, which level,
when, who, what name). The FAQ states rules for the whole province ("cấp độ được công bố hằng
tuần", "trạm y tế phường, xã"), never one place's level, schedule, phone number or officer, so
an entry on the same topic answers another question: it is offered, never given as the answer
(`hotline.faq.focus.ONE_PLACE`, a focus no answer names).

Read from the clause as the citizen wrote it: the proper name by its capital, and the question
word by its marks ("mấy", not "máy"; folded "bao nhieu", "bao gio", "khi nao" are unambiguous).
A question word after a negation is indefinite ("báo phường 2 hôm chưa thấy ai"), as is one
before "cũng" ("sáng nào cũng"); "gì"/"nào" after a word that names nothing asks what to do or
bring ("ở phường Chánh Nghĩa cần mang theo gì": a procedure an entry may give), not a value.
"""

from __future__ import annotations

import re
import unicodedata

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
# A number before one of these counts ("phường 15 ngày", "báo phường 2 hôm"): no place's number.
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
# Words before "gì"/"nào" that make it ask what to do or bring, or a definition, not a value.
_NOT_VALUE = frozenset(
    "la lam can mang theo co duoc phai nop chuan bi di ve o tai cho khi luc hoi chung".split()
)


def _names_one_place(folded: list[str], written: list[str]) -> bool:
    """Whether the clause names one place: an administrative noun, then a capitalised name, a
    number or the asker's own."""
    for i in range(len(folded)):
        for place in _PLACES:
            end = i + len(place)
            if tuple(folded[i:end]) != place or end >= len(folded):
                continue
            name, after = written[end], folded[end + 1 : end + 2]
            number = name.isdigit() and not (after and after[0] in _COUNTED)
            if name[0].isupper() or number or folded[end] in _OWN:
                return True
    return False


def _asks_value(folded: list[str], written: list[str]) -> bool:
    """Whether a question word of the clause asks a value: not after a negation, not before
    "cũng", "gì"/"nào" not after a word that names nothing."""
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
            return True
    return False


def asks_of_one_place(clause: str) -> bool:
    """Whether `clause` (as written) asks a value of one named ward, commune, hamlet,
    neighbourhood or alley."""
    written = _WORD.findall(unicodedata.normalize("NFC", clause))
    folded = [_MARKED.get(w.lower(), fold(w)) for w in written]
    return _names_one_place(folded, written) and _asks_value(folded, written)

"""Whether a rule holds for the asker's own case: the case a question sets against the usual
one, and the use it asks of a paper.

"Em ở nhà chị gái chứ không phải chỗ đăng ký tạm trú, thì giấy hoàn thành cách ly ai cấp",
"hỗ trợ tiền thuê nhà có áp dụng cho người thuê nguyên căn chứ không phải phòng trọ không": the
asker sets their case ("nhà chị gái", "nguyên căn") against the one a rule is usually about
("chỗ tạm trú", "phòng trọ") and asks whether the rule holds for theirs. "Giấy đi đường có dùng
để đi tàu hỏa được không", "phiếu đi chợ có dùng để mua ở cửa hàng tiện lợi không", "chứng nhận
tiêm chủng có dùng thay giấy xét nghiệm không": the asker asks whether a paper serves a use. An
entry stating the rule answers such a question only when its answer names the asker's case or
the use; one that never does states the rule for the usual case, which the asker already knows
(`hotline.faq.focus`: these words join what the question names).

The case is the `SPAN` words just before "chứ không (phải)", the use the `SPAN` words after
"dùng để / dùng thay (cho) / dùng làm" past "đi" and "cho", less the words that name nothing
there (the index's stopwords, "tự tôi muốn chứ không phải ai bảo" a wish, not a case; modals
and particles). Not `hotline.faq.focus`'s stricter list, whose numbers and units are also the
syllables of nouns ("máy bay", "siêu thị": "mấy", "bảy", "thì" folded).
Folded "chu" is also "chủ" and "chữ", "dung" also "đúng" and "dừng": in a text written with
marks only "chứ" and "dùng" count; in one written without, "chu khong" only before "phai",
"dung" before "de", "thay" or "lam" as with marks.

Written from the wrong answers of dev10 and dev11 (the contrast) and of dev9 and dev10 (the
use asked), measured on dev..dev11 (issue 12): 3 / 4 wrong answers fewer (local / bot with
Rasa: dev9 1 / 1, dev10 1 / 2, dev11 1 / 1), no direct answer lost on any split. "Cùng lúc
với" (a benefit with another) and "có áp dụng cho X không" were in one split's misses only.
"""

from __future__ import annotations

import re
import unicodedata

from hotline.faq.features import STOPWORDS

SPAN = 2
_WORD = re.compile(r"\w+")
_NOT = frozenset({"khong", "ko", "k", "hong"})
# Words that name nothing in the span: stopwords, modals, particles, negations.
_NOTHING = STOPWORDS | frozenset(
    "khong ko k hong chua duoc phai bi nen co di cho de nua cung hay hoac nhu the ra vao".split()
)
_USE = frozenset({"de", "thay", "lam"})
_PAST = frozenset({"di", "cho", "co", "duoc"})


def _naming(words: list[str]) -> list[str]:
    return [w for w in words if w not in _NOTHING and len(w) > 1 and w.isalpha()]


def _written(clause: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", clause))}


def contrasted(clause: str, words: list[str]) -> list[str]:
    """The words naming the asker's case that `clause` (as written; `words`: folded) sets
    against another with "chứ không (phải)"."""
    marked = not clause.isascii()
    if marked and "chứ" not in _written(clause):
        return []
    for i in range(1, len(words) - 1):
        if words[i] != "chu" or words[i + 1] not in _NOT:
            continue
        if not marked and words[i + 2 : i + 3] != ["phai"]:
            continue
        return _naming(words[max(0, i - SPAN) : i])
    return []


def use_asked(clause: str, words: list[str]) -> list[str]:
    """The words naming the use an asking `clause` (as written; `words`: folded) asks of a
    thing with "dùng để / dùng thay / dùng làm"."""
    if not clause.isascii() and "dùng" not in _written(clause):
        return []
    for i in range(len(words) - 1):
        if words[i] != "dung" or words[i + 1] not in _USE:
            continue
        start = i + 2
        while start < len(words) and words[start] in _PAST:
            start += 1
        return _naming(words[start : start + SPAN])
    return []

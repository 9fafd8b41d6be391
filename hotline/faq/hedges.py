"""Hedges and closing particles, which ask nothing of an entry: "thôi", "chắc", "nha".

"Chắc chờ tới Tết mới có tiền, thôi cho hỏi ...", "tự theo dõi ở nhà thôi à", "chắc không đó",
"chỉ giúp em nha" hedge or soften what is asked. Folded they are also words a question is about
("thời gian", "thổi", "nhà"), so a hedge is known only by its own diacritics, in a text typed
with them: "thôi", "chắc", and "nha", "nhá" (the bare "nha" of a text that writes "nhà" for the
house). The words found here weigh nothing against an entry that never says them, as a
salutation or a central particle (`hotline.faq.dialect`); an entry that says them still gains
from them. Written from how citizens soften a question, not from any evaluation split.
"""

from __future__ import annotations

from hotline.faq.written import said_only

_HEDGES = frozenset("thôi chắc nha nhá".split())
# "Thôi việc" (leaving a job, its allowance), "thôi học", "thôi chức", "thôi hưởng", "thôi nhận"
# (a benefit stopped) is the question's; "chắc" stays a hedge in "chắc chắn". Before anything
# else "thôi" is a hedge, "thôi không được nhận nữa" too: "không được nhận" still says it.
_CONTENT_AFTER = {"thôi": frozenset("việc học chức nghề hưởng nhận trả".split())}


def _hedge(words: list[str], i: int) -> bool:
    word = words[i]
    if word not in _HEDGES:
        return False
    after = words[i + 1] if i + 1 < len(words) else ""
    return after not in _CONTENT_AFTER.get(word, frozenset())


def hedges(text: str) -> frozenset[str]:
    """The folded words `text` uses only as hedges or closing particles, in a text typed with
    diacritics (bare, "thoi" and "nha" say nothing of which they are)."""
    return said_only(text, lambda words: {i for i in range(len(words)) if _hedge(words, i)})

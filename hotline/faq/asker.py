"""Who is asking: the words of a citizen's self-introduction, which an entry need not say.

A question often opens with who writes it ("Tôi là cựu chiến binh, ...", "em là điều dưỡng",
"mình là chủ nhà trọ") before what it asks. Those words are the asker's, not the question's: an
entry that never says "cựu chiến binh" may still answer what the veteran asks, so they weigh
little against it (`hotline.faq.coverage.INTRODUCTION_WEIGHT`), though an entry that says them
still gains from them. So are the goods of the asker's shop ("quán bún riêu của tui",
`shop`). A status that decides the answer is never taken for an introduction
("tôi là F0", "em là người bị dương tính"). Folded words, as the analyzer gives them; written
from how citizens introduce themselves, not from any evaluation split.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Who says "I": "tôi / em / tui / mình / cháu / con / anh / chị / bác là ...".
_SELF = frozenset({"toi", "em", "tui", "minh", "chau", "con", "anh", "chi", "bac"})
# An introduction is short: a role or a job of a few words ("cựu chiến binh", "chủ nhà trọ",
# "hướng dẫn viên tự do").
_LONGEST = 5
# Words that end it: the question or the story starts ("muốn", "thì", "có", "đã", "năm nay").
_AFTER = frozenset(
    """
    muon can phai co khong ko k hong duoc dc da dang se vua moi thi ma nen vay nay nam
    hoi xin cho nho gi nao sao the hay hoac va nhung bi lam o tu ve di nguoi
    """.split()
)
# A status or a case the answer depends on is what is asked about, not who asks.
_STATUS = re.compile(r"f\d|tinh|nhiem|benh|mac|thai|bau|tiem|chich|cach|ly")


def introduced(words: list[str]) -> frozenset[int]:
    """The positions in a clause's `words` (folded) of the asker's self-introduction: the role
    after "tôi là", "em là"..., up to where the question or the story starts; none when that
    role names a status or a case ("tôi là F1", "em là người nhà bệnh nhân")."""
    found: set[int] = set()
    for i in range(len(words) - 2):
        if words[i] not in _SELF or words[i + 1] != "la":
            continue
        start = end = i + 2
        while end < len(words) and end - start < _LONGEST and words[end] not in _AFTER:
            end += 1
        role = words[start:end]
        if role and not any(_STATUS.fullmatch(w) for w in role):
            found.update(range(start, end))
    return frozenset(found)


# A shop of the asker's, and what it sells: "quán bún riêu của tui", "tiệm tạp hóa của em". The
# goods between the shop and "của" its owner are the asker's. Folded, the shop words are also
# "tiêm", "sắp", "vừa" ("tiêm vắc xin của em", "vừa xét nghiệm của em", "sắp hết giấy đi đường
# của tôi": what is asked) and "quận": a shop only as written ("quán", "tiệm", "sạp", "vựa"), or
# "quan" in a text typed without diacritics; opening the clause or after "cái", and goods without
# a number ("quận 7 của tôi"); "quán ăn nhà tôi" is a household's eatery, "ăn" asked.
_SHOP = {"quán": "quan", "tiệm": "tiem", "sạp": "sap", "vựa": "vua"}
_SHOP_BARE = frozenset({"quan"})
_SHOP_LONGEST = 4
_WRITTEN_WORD = re.compile(r"\w+")


def _shops(clause: str) -> frozenset[str]:
    """The shop words (folded) that a clause, as written, uses as shops."""
    if clause.isascii():
        return _SHOP_BARE
    said = set(_WRITTEN_WORD.findall(unicodedata.normalize("NFC", clause).lower()))
    return frozenset(folded for written, folded in _SHOP.items() if written in said)


def shop(words: list[str], shop_words: frozenset[str]) -> frozenset[int]:
    """The positions in a clause's `words` (folded) of what the asker's shop sells, between
    the shop (one of `shop_words`, `_shops`) and its owner ("quán [bún riêu] của tui"); none
    when they name a status."""
    for i, word in enumerate(words):
        if word not in shop_words or (i and words[i - 1] != "cai"):
            continue
        for end in range(i + 2, min(i + 2 + _SHOP_LONGEST, len(words) - 1)):
            if words[end] == "cua" and words[end + 1] in _SELF:
                goods = words[i + 1 : end]
                if not any(_STATUS.fullmatch(w) or any(c.isdigit() for c in w) for w in goods):
                    return frozenset(range(i + 1, end))
                break
    return frozenset()


# Where a clause ends: a role runs to the comma at most ("tôi là thợ hồ, công trình ...").
_CLAUSE_END = re.compile(r"[,.;:!?()\n]+")


def introduction(text: str, analyze: Callable[[str], list[str]]) -> frozenset[str]:
    """The words said only in the asker's self-introduction (`introduced`, clause by clause
    of `text`, folded by `analyze`), when a question follows it: a word the message also uses
    elsewhere is the question's."""
    written = _CLAUSE_END.split(text)
    clauses = [analyze(c) for c in written]
    inside: set[str] = set()
    outside: set[str] = set()
    for number, words in enumerate(clauses):
        spans = introduced(words) | shop(words, _shops(written[number]))
        if spans and max(spans) == len(words) - 1 and not any(clauses[number + 1 :]):
            spans = frozenset()  # nothing asked after it ("tôi là thợ hồ.")
        inside.update(words[i] for i in spans)
        outside.update(w for i, w in enumerate(words) if i not in spans)
    return frozenset(inside - outside)

"""What the asking clause of a question names: the thing its question word asks about.

"Thẻ xanh màu gì", "xét nghiệm hãng nào", "hồ sơ nộp rồi bao lâu thì duyệt", "có cần chữ ký của
công đoàn không": each question word governs a noun or a verb, and an entry answers the question
only when its answer says that thing. An entry on the same topic whose answer never names the
colour, the maker, the approval or the signature answers another question on the same words,
however many of them it uses; the kinds of `hotline.faq.asks` name some such things (a cost, an
hour), and every writer brings new ones. So the focus is read from how Vietnamese builds the
question, not from a list of kinds: the word before "gì" or "nào" ("màu gì", "hãng nào"), and
up to `_SPAN` salient words after "bao lâu thì" ("bao lâu thì DUYỆT") and "có cần ... không"
("có cần CHỮ KÝ không"), stopping at a word that names nothing (`_NAMES_NOTHING`); only in the
clauses that ask (`hotline.faq.story.asks`), never after a negation ("không có gạo gì": none)
nor before "cũng" ("sáng nào cũng": every). Nouns that ask for instances of their kind ("giấy
tờ gì", "dấu hiệu nào") name nothing an answer must say; a colour or an app is named by a value
(`_VALUES`). The asker's case set against the usual one ("... chứ không phải ...") and the use
asked of a paper ("có dùng để ... không") are named too (`hotline.faq.contrasts`). Read from
folded words, as the analyzer gives them.

Measured on dev..dev9 (issue 12), other constructions cost too many direct answers for the
wrong ones they stopped: the word after "ai", "có được/phải/bị ... không" and before "bao
nhiêu" or "được không" (their verbs an answer says in its own words: "có được chạy không", "ai
mang thực phẩm vào"), 60-odd direct answers in all for 6 wrong ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hotline.faq.contrasts import contrasted, use_asked
from hotline.faq.features import STOPWORDS
from hotline.faq.local_facts import asks_of_one_place
from hotline.faq.story import asks

# What a clause asking a value of one named place names (`hotline.faq.local_facts`): a current
# local fact, which no entry's answer names.
ONE_PLACE = "?mot_noi"

# How many salient words next to the question word it governs.
_SPAN = 2
_CLAUSES = re.compile(r"([?]+|[,.;:!()\n]+)")
# Question words that govern the words before them.
_AFTER_FOCUS = frozenset({"gi", "nao"})
# Words before "gì"/"nào" that make it ask something else: a definition ("là gì"), a kind of
# `hotline.faq.asks` (a time, a place, a way, a reason).
_NOT_FOCUS = frozenset(
    "la khi luc hoi chung cho noi ngay gio thu hom mung cach the nhu sao vi tai bang".split()
)
_MODALS = frozenset({"can", "phai", "duoc", "nen", "bi"})
_NEGATIONS = frozenset("khong ko k chua chang".split())
_CLOSING = frozenset("khong ko k hong hok chua".split())
# Words that name nothing asked about: fillers, question words, modals, particles, pronouns,
# family, numbers, and the units of the kinds `hotline.faq.asks` reads (money, time: an amount
# says them). Narrower than `hotline.faq.coverage.GENERIC`, whose "chu" (uncle) is also the
# "chữ" of "chữ ký".
_NAMES_NOTHING = STOPWORDS | frozenset(
    """
    bao nhieu lau khi the nhu duoc khong ko k phai lam sao roi chua hay hoac neu cung con rat
    qua kieu dang da se vua moi van nua cho de va tu den vao ra ve tren duoi trong ngoai
    nguoi mot hai ba cac nhung moi may tram muoi nghin ngan bay lai khac chi
    me bo vo chong ong con chau be
    tien dong trieu ngay tuan thang nam gio tieng phut lan het mat ton
    """.split()
)
# Nouns that ask for instances of their kind, which an answer lists without naming the kind:
# "cái nào", "thứ gì", "việc gì", "điều gì", "dấu hiệu nào", "đối tượng nào", "khoản nào",
# "trường hợp nào", "điều kiện gì", "giấy tờ gì", "loại nào", "điểm nào", "bước nào".
_KIND_NOUNS = frozenset(
    "cai chiec thu viec dieu hieu tuong khoan hop kien to giay loai diem buoc muc quan".split()
)


def _salient(word: str) -> bool:
    return word not in _NAMES_NOTHING and len(word) > 1 and word.isalpha()


def _before(words: list[str], end: int) -> list[str]:
    """The salient word just before `end` (the noun "gì" or "nào" asks of), if there is one."""
    return [words[end - 1]] if end > 0 and _salient(words[end - 1]) else []


def _after(words: list[str], start: int) -> list[str]:
    """The salient words from `start`, past a modal, "có" or "đi" ("bao lâu thì được DUYỆT",
    "có cần đi KHÁM không")."""
    while start < len(words) and words[start] in _MODALS | {"co", "di"}:
        start += 1
    found: list[str] = []
    for word in words[start : start + _SPAN]:
        if not _salient(word):
            break
        found.append(word)
    return found


def _negated_from(words: list[str]) -> int:
    """Where the clause's first negation stands ("không có hợp đồng ...": what follows asks
    nothing; not "không biết", "không rõ"), or past its end."""
    return next(
        (
            i
            for i, w in enumerate(words)
            if w in _NEGATIONS and words[i + 1 : i + 2] not in (["biet"], ["ro"])
        ),
        len(words),
    )


def _last_closing(words: list[str]) -> int:
    """Where the clause's last yes/no particle stands ("có cần ... không"), or -1: "bị" and
    "phải" also tell ("bị công ty cho nghỉ")."""
    return max((i for i, w in enumerate(words) if w in _CLOSING), default=-1)


def clause_focus(words: list[str]) -> set[str]:
    """The salient words the question words of one clause (folded) govern. A question word
    asks nothing after a negation in its clause ("không có hợp đồng với đại lý nào": none) or
    before "cũng" ("sáng nào cũng": every). Each clause is read once, so a long one costs no more
    than its length."""
    found: set[str] = set()
    negated, closing = _negated_from(words), _last_closing(words)
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        indefinite = negated < i or after == "cung"
        if word in _AFTER_FOCUS and before not in _NOT_FOCUS and not indefinite:
            found.update(w for w in _before(words, i) if w not in _KIND_NOUNS)
        elif word == "bao" and after == "lau" and words[i + 2 : i + 3] == ["thi"]:
            found.update(_after(words, i + 3))
        elif word == "can" and before == "co" and after not in _MODALS and closing > i:
            found.update(w for w in _after(words, i + 1) if w not in _KIND_NOUNS)
    return found


# What names a thing by a value of its kind: a colour ("màu gì": "xanh", "vàng"; folded "đỏ",
# "cam", "đen", "tím" are also "do" (by), "cấm", "đến", "tìm"), an app ("app nào": "ứng dụng
# ..."). Each value is words the answer says all of.
_VALUES: dict[str, tuple[tuple[str, ...], ...]] = {
    "mau": (("xanh",), ("vang",)),
    "app": (("ung", "dung"),),
}


def unnamed(named: frozenset[str], said: frozenset[str]) -> frozenset[str]:
    """What of `named` (a question's focus) an answer saying the words `said` never names,
    itself or by a value of its kind."""
    return frozenset(w for w in named - said if not any(set(v) <= said for v in _VALUES.get(w, ())))


def focus(
    text: str, analyze: Callable[[str], list[str]], correct: Callable[[list[str]], list[str]]
) -> frozenset[str]:
    """The salient words the asking clauses of `text` name as what they ask about, each clause's
    words folded by `analyze` and repaired by `correct` (the index's speller: "ai qyết định"),
    and `ONE_PLACE` when one of them asks a value of one named place."""
    parts = _CLAUSES.split(text)
    found: set[str] = set()
    for number in range(0, len(parts), 2):
        after = parts[number + 1] if number + 1 < len(parts) else ""
        words = analyze(parts[number])
        if not words:
            continue
        # The asker's own case set against the usual one, in any clause (`contrasts`).
        found.update(contrasted(parts[number], words))
        if asks(words, "?" in after):
            found |= clause_focus(correct(words))
            found.update(use_asked(parts[number], words))
            if asks_of_one_place(parts[number]):
                found.add(ONE_PLACE)
    return frozenset(found)

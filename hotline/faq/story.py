"""The story around a question: the clauses of a long message that ask nothing.

A citizen often tells who they are and what happened before what they ask ("em là công nhân ở
KCN, tuần trước tổ em có người dương tính, công ty cho nghỉ, giờ em muốn hỏi là em có được hỗ
trợ không"). What the message asks is in the clauses that ask: a question word ("bao nhiêu",
"ở đâu", "khi nào", "gì", "nào", "sao", "ai", "mấy"), a yes/no question closing the clause
("có ... không", "... chưa", "được không"), a question mark, or what follows "hỏi" ("cho hỏi",
"xin hỏi", "muốn hỏi là", "muốn biết"). The words said only in the other clauses are the
story's: an entry that never says them may still answer what is asked, so they weigh less
against it (`hotline.faq.coverage.STORY_WEIGHT`), but only when it says some of what the asking
clauses ask (`Story.lighter`): an entry that matches the story alone answers the story. What the
story names that decides the answer still counts in full (`_DECIDING`): an illness, a status, a
drug or a treatment, a paper or a decree. A question word after a negation is indefinite ("không
có gì ăn": nothing) and asks nothing. Folded words, as the analyzer gives them, so "mấy" is also
"máy" and "đâu" also "đau": a clause that may ask is kept from the story. Written from how
Vietnamese questions are built; measuring on dev..dev8 added surgery ("mổ", told before a
question on a shot), the negation, "hay" and the closing words after "không" ("mọi người").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from hotline.faq.synonyms import expand

# A message shorter than this (in words) is all question.
LONG = 12
# The words of a long message's story that entries use weigh this share of their due in the
# index's search (those no entry uses weigh nothing: `hotline.faq.index`): a story of one's job
# or family pulls the message towards other entries and thins its closeness to the one that
# answers what is asked. Measured in round 15 on dev..dev11 (issue 12), against all or nothing
# (1.0), direct answers / wrong answers / wrong entries, local then bot: 0.9 +6 / +2 / -1, +3 /
# +2 / -1; 0.75 +16 / +3 / -3, +13 / +3 / -3; 0.6 +21 / +3 / -3, +15 / +3 / -3; 0.5 +17 / +4 /
# -4, +19 / +4 / -3; 0.4 +14 / +4 / -3, +18 / +5 / -3; 0.25 +6 / +6 / -5, +8 / +7 / -5. At 0.6
# dev9+dev10+dev11 gained 10 / 10 direct answers, no wrong answer, and lost 2 / 3 wrong
# entries; the 3 wrong answers added are dev2, dev4, dev7's.
SEARCH_SHARE = 0.6

# Where a clause ends: punctuation, and where a question mark ends one.
_CLAUSES = re.compile(r"([?]+|[,.;:!()\n]+)")

# Question words that ask wherever they stand in a clause, and "hay" (a choice: "ở phường hay
# xã", "có ... không hay ..."; as "often" it only keeps a clause from the story).
_ASKING = frozenset("gi nao sao dau ai may hay".split())
# Two-word questions whose words alone do not ask ("bao giờ": "giờ" is also "now"), "có phải"
# and requests for guidance ("hướng dẫn", "chỉ giúp").
_ASKING_PAIRS = frozenset(
    {
        ("bao", "gio"),
        ("bao", "nhieu"),
        ("bao", "lau"),
        ("co", "phai"),
        ("dung", "khong"),
        ("duoc", "khong"),
        ("huong", "dan"),
        ("chi", "giup"),
        ("chi", "dum"),
        ("how", "to"),
    }
)
# Particles that ask closing a clause ("có ... không", "đã ... chưa", "phải hông"), or after
# "có" anywhere in it ("có phát thuốc không hay ...").
_CLOSING = frozenset("khong ko k hong hok hem kg khg chua ha".split())
# What may trail the asking particle ("... không ạ", "... chưa vậy ad", "... không nhỉ", "...
# không mọi người", "... không tổng đài", "... không hè").
_TRAILING = frozenset(
    """
    a ak ad admin oi vay nhe nha nhi ne the day ta z zay dzay ha hen he ri rua mn moi nguoi
    tong dai co chu anh chi bac ban
    """.split()
)
# "hỏi" opens what is asked ("cho hỏi", "xin hỏi", "muốn hỏi là"), as does "muốn biết",
# "cho biết": the words before it in its clause are the story's ("em làm ở KCN muốn hỏi là ...").
_ASKS_AFTER = frozenset({"hoi", "biet"})


def _trimmed(words: list[str]) -> list[str]:
    end = len(words)
    while end and words[end - 1] in _TRAILING:
        end -= 1
    return words[:end]


# After a negation a question word is indefinite: "không có gì ăn" (nothing), "không ai đến"
# (nobody), "chưa đi đâu" (nowhere), within a few words of it or before "hết" or "cả" ("không
# có giấy tờ gì hết"). Not after "không biết", "chưa rõ": not knowing asks ("không biết làm gì").
_NEGATIONS = frozenset("khong ko k chua chang cha".split())
_UNKNOWING = frozenset({"biet", "ro"})
_AT_ALL = frozenset({"het", "ca"})
_NEAR = 3


def _questioning(words: list[str]) -> bool:
    """Whether a question word of `words` asks: one not made indefinite by a negation before
    it (one pass: a long clause is read once)."""
    negated = -_NEAR - 1  # where the last negation stands, far before the clause
    for i, word in enumerate(words):
        if word in _NEGATIONS and (i + 1 >= len(words) or words[i + 1] not in _UNKNOWING):
            negated = i
        elif word == "hay":
            return True
        elif word in _ASKING:
            after = words[i + 1] if i + 1 < len(words) else ""
            near = i - negated <= _NEAR
            if negated < 0 or not (near or after in _AT_ALL):
                return True
    return False


def asks(words: list[str], marked: bool = False) -> bool:
    """Whether a clause's `words` (folded) ask something: a question word (not one made
    indefinite by a negation), "hay" (a choice), a question pair ("bao nhiêu", "có phải",
    "hướng dẫn"), an asking particle closing it or after "có", or a question mark after it
    (`marked`)."""
    if marked or _questioning(words):
        return True
    if any(pair in _ASKING_PAIRS for pair in pairwise(words)):
        return True
    said = _trimmed(words)
    if (words and words[-1] in _CLOSING) or (said and said[-1] in _CLOSING):
        return True
    return "co" in words and any(w in _CLOSING for w in words[words.index("co") + 1 :])


def _asked_from(words: list[str]) -> int | None:
    """Where what is asked starts in a clause that says "hỏi" or "biết" ("cho em hỏi là ..."),
    past a "là" after it; None when the clause says neither."""
    for i, word in enumerate(words):
        if word in _ASKS_AFTER:
            start = i + 1
            if start < len(words) and words[start] == "la":
                start += 1
            return start
    return None


# What the story names that decides the answer still counts in full: an illness or a status
# ("bị lupus", "mắc tiểu đường", "dương tính", "F0"), a drug or a treatment ("uống thuốc X",
# "đang điều trị"), a paper or a decree ("giấy X", "nghị quyết 68", "quyết định"). The words
# that name such a thing, and up to `_NAMED` words after them.
_DECIDING = re.compile(r"f\d|tinh|nhiem|benh|mac|thai|bau|tiem|chich|cach|ly|thuoc|giay|mo")
_NAMING = frozenset("bi mac nhiem benh thuoc uong tri mo giay quyet nghi chi van".split())
_NAMED = 3


def _deciding(words: list[str]) -> set[int]:
    found: set[int] = set()
    for i, word in enumerate(words):
        if _DECIDING.fullmatch(word):
            found.add(i)
        if word in _NAMING:
            found.update(range(i, min(i + 1 + _NAMED, len(words))))
    return found


@dataclass(frozen=True)
class Story:
    """A message's story (`told`: the words said only in clauses that ask nothing, less what
    decides the answer) and the words of the clauses that ask (`asked`)."""

    told: frozenset[str] = frozenset()
    asked: frozenset[str] = frozenset()

    def lighter(self, salient: list[str], unused: list[str]) -> frozenset[str]:
        """The story's words, which weigh less against an entry leaving `unused` of a
        question's `salient` words, when it answers some of what the asking clauses ask;
        none against one that says none of the asked words: it answers the story, not the
        question ("ngủ ở trạm xe buýt ..., xin gạo ở đâu" and the bus entry)."""
        asked = {w for w in salient if w in self.asked}
        return self.told if not asked or not asked <= set(unused) else frozenset()


NO_STORY = Story()


def story(text: str, analyze: Callable[[str], list[str]]) -> Story:
    """The story around what a long `text` asks, its words folded by `analyze`: none for a
    short text, a text none of whose clauses asks, or one whose every clause asks."""
    parts = _CLAUSES.split(text)
    clauses: list[tuple[list[str], bool]] = []
    for number in range(0, len(parts), 2):
        after = parts[number + 1] if number + 1 < len(parts) else ""
        words = analyze(parts[number])
        if words:
            clauses.append((words, "?" in after))
    if sum(len(words) for words, _ in clauses) < LONG:
        return NO_STORY
    told: set[str] = set()
    asked: set[str] = set()
    deciding: set[str] = set()
    for words, marked in clauses:
        start = _asked_from(words)
        if start is None and asks(words, marked):
            start = 0
        before = words if start is None else words[:start]
        told.update(before)
        asked.update(words[len(before) :])
        deciding.update(before[i] for i in _deciding(before))
    told -= asked | deciding
    if not asked or not told:
        return NO_STORY
    return Story(frozenset(told), frozenset(asked))


def search_shares(
    asked: list[str], told: frozenset[str], knows: Callable[[tuple[str, ...]], int]
) -> dict[str, float]:
    """What each word of the story weighs in the search (`SEARCH_SHARE`), and the FAQ's
    wording a synonym of the story's gains (`hotline.faq.synonyms.expand`) with it."""
    if not told or SEARCH_SHARE == 1.0:
        return {}
    shares = dict.fromkeys(told, SEARCH_SHARE)
    plain = set(expand([w for w in asked if w not in told], knows))
    shares.update((w, SEARCH_SHARE) for w in expand(asked, knows)[len(asked) :] if w not in plain)
    return shares

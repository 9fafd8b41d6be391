"""How much of a question an entry really covers: the share of its salient words the entry uses.

Retrieval finds the closest entry; closeness alone answers a question on HIV and vaccination with
the entry on registering for a shot. A question's salient words are its content words, weighted
by how rare they are across the FAQ (a word no entry uses weighs most: "hiv", "lupus", "omicron",
"singapore"); an entry covers a word its questions or its answer use. The uncovered share is what
the bot must not answer without.
"""

from __future__ import annotations

import math
import re
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hotline.faq.accents import Spellings, differ, spellings
from hotline.faq.asker import introduction
from hotline.faq.asks import DEFINITION, predicates, salient_kinds
from hotline.faq.courtesy import without_courtesy
from hotline.faq.dialect import particles
from hotline.faq.entries import FaqEntry
from hotline.faq.features import STOPWORDS
from hotline.faq.hedges import hedges
from hotline.faq.home import where
from hotline.faq.places import PLACE, asks_of_place, speaks_of_elsewhere, without_places
from hotline.faq.sayings import Sayings, as_written
from hotline.faq.story import NO_STORY, Story, story
from hotline.faq.synonyms import covered_by
from hotline.lru import Lru

Analyzer = Callable[[str], list[str]]

# Words that say nothing about which entry is meant, beyond the index's stopwords: question
# words, time, people of the family, chat fillers, "rõ", "chút", "kịp" ("muốn biết rõ", "hỏi
# chút", "còn kịp không": round 15, +6 covered messages answered directly on dev..dev10, local
# and bot alike, nothing wrong added). Not "lên" ("test lên 2 vạch", "lên xe"), "hơn" ("ít
# hơn" asks a comparison), "gần" ("ngồi gần": close contact), "bên" ("Bến Cát", "bến xe").
# Folded, as the analyzer gives them.
GENERIC: frozenset[str] = STOPWORDS | frozenset(
    """
    bao nhieu lau may khi nao the nhu duoc khong phai lam sao roi chua cho hoi dau day do
    mot hai ba cac nhung va hay hoac neu cung con rat qua gium kieu dang da se vua moi xong
    van nua luc hom qua mai sang chieu toi dem khuya nay gio bay truoc sau thi tren duoi ra vao ve
    me bo vo chong ong con chau be nguoi nha gia dinh ho tui chung toi cau co chu di noi
    ok da ak uh um oi nhe nhi ha hen a u e y ne cai vu dzay dzi zay thui
    bi tu den het tai vi nen thay biet
    ro chut kip
    ngay tuan thang nam tieng phut lan tuoi
    """.split()
)
# Numbers and amounts ("5", "500k", "3tr7") are specifics of the asker's case (ages, days, sums)
# that an entry answers in general; which entry they point to is the retrieval's business.
_AMOUNT = re.compile(r"\d+(?:k|tr|trieu|nghin|ngan)?\d*")


# A question kind (`hotline.faq.asks.salient_kinds`) weighs as much as this many rare words.
KIND_WEIGHT = 3.0

# The word a yes/no question asks about ("có được GIỮ", "có bị TRỪ": `hotline.faq.asks.
# predicates`) weighs this many times its due against an entry that never says it. Measured on
# dev..dev4 (issue 12, local): at 1.5, 2, 3 the wrong answers to uncovered messages went from
# 16 to 15, 13, 12 of 844, and stayed 12 at 4 and 6, which cost 2 covered messages their help
# (a suggestion); no direct answer was lost at any of them.
PREDICATE_WEIGHT = 3.0

# A word an entry never says weighs against it at least this share of a word no entry says,
# times how much the word carries a topic (`Coverage.unused_weight`). Chosen on dev and dev2
# (issue 12): 0.3 kept one more uncovered dev2 question from an answer in each column and
# moved nothing on dev; 0.4 and more cost dev's covered questions ("ở trọ" folds to the "trợ"
# of "hỗ trợ", which carries the support entries).
CARRY_WEIGHT = 0.3
# A word said only in the asker's self-introduction ("tôi là cựu chiến binh": `hotline.faq.
# asker`) weighs this share of its due against an entry that never says it: none, as a
# salutation. On dev..dev5 (issue 12) no outcome depended on it (0 or 1 alike): what an
# introduction costs is mostly its pull on the search (`FaqIndex._search` leaves it out).
INTRODUCTION_WEIGHT = 0.0
# A central particle ("răng", "rứa", "đi mô": `hotline.faq.dialect`) weighs as an introduction:
# nothing against an entry that never says it (`_emphasis`).
# A town of the province where the asker is or goes ("em ở Tân Uyên, ...": `hotline.faq.home`)
# weighs this share of its due against an entry that never says it.
HOME_WEIGHT = 0.5
# A word said only in the story around what a long message asks (`hotline.faq.story`) weighs
# this share of its due against an entry that answers some of what is asked but never says it.
# At 0.25, dev..dev8 (issue 12, round 14) gained 35 / 38 covered messages answered directly
# (local / bot with Rasa; 3 lost), 0.4 and 0.5 fewer, 0.1 three more wrong answers; dev9, unseen
# when it was chosen, 12 / 14 more, and two uncovered messages answered wrongly (dev7 one): a
# trade of one wrong answer for ten direct ones, taken on purpose. Lowered to 0.15 in round 15
# once the story weighs a share in the search too (`hotline.faq.story.SEARCH_SHARE`): over
# dev..dev11, local / bot, 0.2 +5 / +6 direct, 0.15 +9 / +10 and nothing wrong added, 0.1 +19 /
# +20 and 2 / 1 wrong answers on dev9..dev11, 0.05 +25 / +30 and 5 / 4 wrong; 0.35 -17 / -13.
STORY_WEIGHT = 0.15
# Questions kept worked out per content: a turn checks its text against a few entries.
QUESTIONS_KEPT = 256
# Fillers once folded (`GENERIC`) whose spelling with these marks is a word of content: "chợ"
# (market; folded "cho": for, give).
_CONTENT_SPELLED: Spellings = spellings(["chợ"])


class Coverage:
    """Each entry's vocabulary and the FAQ-wide rarity of words, rebuilt with the index.

    Kept compact for FAQs of thousands of entries: an entry's words are a tuple of interned
    strings (a set would cost kilobytes per entry), made into a set only for the few entries a
    lookup checks, and how it writes them is worked out from its text for those entries only.
    The index's rebuild fills it entry by entry (`reuse` or `add`, then `seal`).
    """

    def __init__(self, entries: Iterable[FaqEntry], analyze: Analyzer) -> None:
        self._analyze = analyze
        self._words: dict[str, tuple[str, ...]] = {}
        # What each entry's answer says and how it writes its words (`hotline.faq.sayings`).
        self.said = Sayings()
        # Entries that speak of other provinces or countries (`hotline.faq.places`).
        self._elsewhere: set[str] = set()
        # Per topic, its number of entries and how many of them say each word: kept only while
        # the entries are added, for `seal` to work out what each word carries.
        self._topics: dict[str, Counter[str]] = {}
        self._topic_sizes: Counter[str] = Counter()
        # The questions of recent lookups, worked out for this content (`_question`).
        self._questions: Lru[tuple[str, tuple[str, ...]], _Question] = Lru(QUESTIONS_KEPT)
        for entry in entries:
            self.add(entry, [analyze(q) for q in entry.questions], analyze)
        self.seal()

    def reuse(self, entry: FaqEntry, previous: Coverage | None) -> bool:
        """Take `previous`'s analysis of `entry` if its text is unchanged there; True if so."""
        if previous is None or not self.said.reuse(entry, previous.said):
            return False
        self._words[entry.id] = previous._words[entry.id]
        if entry.id in previous._elsewhere:
            self._elsewhere.add(entry.id)
        self._count_topic(entry.topic, self._words[entry.id])
        return True

    def add(self, entry: FaqEntry, asked: list[list[str]], analyze: Analyzer) -> None:
        """Analyse `entry`, whose questions' words `asked` are already known (the index's
        rebuild analyses each question once, for its postings and for this)."""
        answer = analyze(entry.answer)
        said = [w for ws in asked for w in ws] + answer
        # An entry that says "tiêm" covers the "chích" of a question (faq/synonyms.py).
        alike = covered_by([*asked, answer])
        words = {*said, *alike, *(k for ws in asked for k in salient_kinds(ws) if k == DEFINITION)}
        if speaks_of_elsewhere([*asked, answer]):
            self._elsewhere.add(entry.id)
        self._words[entry.id] = tuple(sorted(map(sys.intern, words)))
        self.said.add(entry, answer)
        self._count_topic(entry.topic, self._words[entry.id])

    def _count_topic(self, topic: str, words: tuple[str, ...]) -> None:
        self._topics.setdefault(topic, Counter()).update(words)
        self._topic_sizes[topic] += 1

    def seal(self) -> None:
        """Count the words across entries, once every entry is added."""
        self._df: Counter[str] = Counter(w for ws in self._words.values() for w in ws)
        if self._elsewhere:  # a place named is as rare as the entries that speak of elsewhere
            self._df[PLACE] = len(self._elsewhere)
        self._n = len(self._words)
        self._carries = self._carried()
        self._topics, self._topic_sizes = {}, Counter()

    def _carried(self) -> dict[str, float]:
        """How much each word carries a topic: the largest share of one topic's entries that
        say it ("hỗ trợ" is said by nearly every support entry). Smoothed (one entry more in
        every topic), so a topic of one entry carries its words half; kept only for words it
        would weigh more than their rarity (`unused_weight`)."""
        carries: dict[str, float] = {}
        scale = CARRY_WEIGHT * math.log(self._n + 1)
        for topic, said in self._topics.items():
            size = self._topic_sizes[topic] + 1
            for word, count in said.items():
                if word.startswith("?"):  # a question kind weighs as a kind (`weight`)
                    continue
                share = count / size
                if share * scale > self.weight(word) and share > carries.get(word, 0.0):
                    carries[word] = share
        return carries

    def speaks_of_elsewhere(self, entry_id: str) -> bool:
        """Whether the entry speaks of other provinces or countries (travel between provinces,
        declarations on arrival): a place named outside the province is then no reason against
        it (`hotline.faq.places`)."""
        return entry_id in self._elsewhere

    def weight(self, word: str) -> float:
        """Rarity across entries: highest for a word no entry uses."""
        rarity = math.log((self._n + 1) / (self._df.get(word, 0) + 1))
        return rarity * KIND_WEIGHT if word.startswith("?") else rarity

    def unused_weight(self, word: str) -> float:
        """What a salient word an entry never says weighs against it: its rarity across the FAQ,
        or, when more, `CARRY_WEIGHT` times how much it carries a topic, on the scale of a word
        no entry says. Rarity alone lets a word many entries say ("hỗ trợ", "tiền") count for
        little even when this entry never says it: a question on support asked of the entry on
        travel between provinces asks what that entry does not answer."""
        rarity = self.weight(word)
        carried = self._carries.get(word, 0.0) * CARRY_WEIGHT * math.log(self._n + 1)
        return max(rarity, carried)

    def salient(self, words: list[str]) -> list[str]:
        # A place outside the province counts as one kind (`PLACE`), not as its syllables.
        kept = [
            w
            for w in without_places(without_courtesy(words))
            if w not in GENERIC and len(w) > 1 and not _AMOUNT.fullmatch(w)
        ]
        return kept + salient_kinds(words)

    def uncovered(self, entry_id: str, words: list[str], text: str = "") -> float:
        """The weighted share (0..1) of the salient words that entry `entry_id` never uses; 1.0
        when there is none ("mấy giờ rồi" gives an entry nothing to cover). With the message's
        `text`, a word it writes with diacritics the entry never writes that word with is not
        used by the entry ("vẫn vàng" is not the "vâng" of an answer). A definition asked of an
        entry whose questions never ask one is wholly uncovered (1.0)."""
        # What the question asks is worked out once for all the entries a lookup checks.
        question = self._questions.get((text, tuple(words)), self._question)
        known = self._words.get(entry_id, ())
        salient, total = question.salient, question.total
        if question.place and self.speaks_of_elsewhere(entry_id):
            # A place to go to or come from is a reason not to answer, never one to answer: an
            # entry on other places covers it without the place's weight drowning the rest of
            # the question. A place whose own rules are asked it does not cover.
            salient, total = question.salient_here, question.total_here
        if not salient:
            return 1.0
        if total == 0.0:  # every entry uses every word: nothing tells them apart, all covered
            return 0.0
        # How the entry writes its words matters only for a known word the text wrote with
        # marks (`differ`); most questions come without, and the entry's spellings cost
        # milliseconds to work out.
        marked = any(_says(known, w) for w in question.marked)
        written = self.said.written(entry_id) if marked else {}
        asked = question.asked
        unused = [w for w in salient if not _says(known, w) or differ(asked, written, w)]
        if DEFINITION in unused:
            # "What is X?" asked of an entry that defines nothing: it answers none of it, however
            # many of the other words it uses ("molnupiravir là thuốc gì" and the F0 pack).
            return 1.0
        if not unused:
            return 0.0
        # The words it never says weigh what they carry against it (`unused_weight`).
        weights, carried = question.weights, question.carried
        told = question.story.lighter(salient, unused)
        against = sum(carried[w] * (STORY_WEIGHT if w in told else 1.0) for w in unused)
        kept = total - sum(weights[w] for w in unused) + against
        # Every word it asks weighs nothing and the entry says none ("rứa răng hỉ": only
        # particles): nothing of it is covered (and no division by zero).
        return against / kept if kept > 0.0 else 1.0

    def story(self, text: str, words: list[str]) -> Story:
        """The story around what `text` asks (`hotline.faq.story`), worked out once with the
        rest of the question (`words`: as `uncovered` takes them)."""
        return self._questions.get((text, tuple(words)), self._question).story

    def _question(self, key: tuple[str, tuple[str, ...]]) -> _Question:
        text, words = key
        salient = self.salient(list(words))
        spelt = as_written(text)
        # A filler once folded that the question writes as a word of content ("chợ", folded
        # "cho": for, give) is salient: "đi chợ hộ thì gọi số nào" is not the 115 entry's.
        salient += [
            w
            for w in dict.fromkeys(words)
            if spelt.get(w, frozenset()) & _CONTENT_SPELLED.get(w, frozenset())
        ]
        # Without the place: only when the place is not asked of (`asks_of_place`), so an
        # entry on other places leaves it out.
        here = [w for w in salient if w != PLACE] if PLACE in salient else salient
        if here is not salient and asks_of_place(list(words)):
            here = salient
        weights = {w: self.weight(w) for w in salient}
        predicate = predicates(list(words))
        intro = (
            introduction(text, self._analyze) | particles(text) | hedges(text)
            if text
            else frozenset()
        )
        home = where(text) if text else frozenset()
        return _Question(
            salient=salient,
            total=sum(weights[w] for w in salient),
            salient_here=here,
            total_here=sum(weights[w] for w in here),
            place=here is not salient,
            weights=weights,
            carried={
                w: self.unused_weight(w) * _emphasis(w, predicate, intro, home) for w in salient
            },
            asked=spelt,
            marked=tuple(w for w in salient if spelt.get(w, frozenset()) - {""}),
            story=story(text, self._analyze) if text else NO_STORY,
        )

    def unknown(self, words: list[str]) -> list[str]:
        """Salient words no entry uses at all."""
        return [w for w in self.salient(words) if w not in self._df]


@dataclass(frozen=True)
class _Question:
    """What a question asks, whichever entry is checked: its salient words and their weights,
    with and without a place outside the province (`place`: whether they differ), and the
    words it wrote with marks (`hotline.faq.accents`), and the story around what it asks."""

    salient: list[str]
    total: float
    salient_here: list[str]
    total_here: float
    place: bool
    weights: dict[str, float]
    carried: dict[str, float]
    asked: Spellings
    marked: tuple[str, ...]
    story: Story


def _emphasis(
    word: str, predicate: frozenset[str], intro: frozenset[str], home: frozenset[str]
) -> float:
    """How much more (or less) than its due a word an entry never says weighs against it."""
    if word in predicate:
        return PREDICATE_WEIGHT
    if word in intro:
        return INTRODUCTION_WEIGHT
    return HOME_WEIGHT if word in home else 1.0


def _says(words: tuple[str, ...], word: str) -> bool:
    """Whether an entry's sorted words hold `word` (no set made for one look-up)."""
    i = bisect_left(words, word)
    return i < len(words) and words[i] == word

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
from collections import Counter
from collections.abc import Callable, Iterable

from hotline.faq.entries import FaqEntry
from hotline.faq.features import STOPWORDS

Analyzer = Callable[[str], list[str]]

# Words that say nothing about which entry is meant, beyond the index's stopwords: question
# words, time, people of the family, chat fillers. Folded, as the analyzer gives them.
GENERIC: frozenset[str] = STOPWORDS | frozenset(
    """
    bao nhieu lau may khi nao the nhu duoc khong phai lam sao roi chua cho hoi dau day do
    mot hai ba cac nhung va hay hoac neu cung con rat qua gium kieu dang da se vua moi xong
    van nua luc hom qua mai sang chieu toi dem nay gio bay truoc sau thi tren duoi ra vao ve
    me bo vo chong ong con chau be nguoi nha gia dinh ho tui chung toi cau co chu di
    ok vang da ak uh um oi nhe nhi ha hen a u e y ne
    bi tu den het tai vi nen thay biet
    ngay tuan thang nam tieng phut lan tuoi
    """.split()
)
# Numbers and amounts ("5", "500k", "3tr7") are specifics of the asker's case (ages, days, sums)
# that an entry answers in general; which entry they point to is the retrieval's business.
_AMOUNT = re.compile(r"\d+(?:k|tr|trieu|nghin|ngan)?\d*")


class Coverage:
    """Each entry's vocabulary and the FAQ-wide rarity of words, rebuilt with the index."""

    def __init__(self, entries: Iterable[FaqEntry], analyze: Analyzer) -> None:
        self._words: dict[str, frozenset[str]] = {}
        for entry in entries:
            texts = [*entry.questions, entry.answer]
            self._words[entry.id] = frozenset(w for t in texts for w in analyze(t))
        self._df: Counter[str] = Counter(w for ws in self._words.values() for w in ws)
        self._n = len(self._words)

    def weight(self, word: str) -> float:
        """Rarity across entries: highest for a word no entry uses."""
        return math.log((self._n + 1) / (self._df.get(word, 0) + 1))

    def salient(self, words: Iterable[str]) -> list[str]:
        return [w for w in words if w not in GENERIC and len(w) > 1 and not _AMOUNT.fullmatch(w)]

    def uncovered(self, entry_id: str, words: Iterable[str]) -> float:
        """The weighted share (0..1) of the salient words that entry `entry_id` never uses."""
        known = self._words.get(entry_id, frozenset())
        salient = self.salient(words)
        total = sum(self.weight(w) for w in salient)
        if total == 0.0:
            return 0.0
        return sum(self.weight(w) for w in salient if w not in known) / total

    def unknown(self, words: Iterable[str]) -> list[str]:
        """Salient words no entry uses at all."""
        return [w for w in self.salient(words) if w not in self._df]

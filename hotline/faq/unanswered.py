"""Questions the bot could not answer confidently, kept so admins can write the missing entries.

Every FAQ question the bot is asked is logged as answered (which entry, no text kept) or not
(the text, the channel and the time; never who asked). Unanswered ones are grouped by
similarity, most frequent group first, and a group becomes a new entry's question variants.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import numpy as np

from hotline.faq.features import WEIGHTS, features, kind

Analyzer = Callable[[str], list[str]]

# Average cosine similarity (of word, word pair and trigram TF-IDF) above which two groups of
# questions are taken to ask the same thing. At 0.45 "đi câu cá ở hồ" and "câu cá ngoài sông" stay
# apart; at 0.4 they join, and so do "tiệm sửa xe" and "tiệm tóc" mở cửa (which shops may open),
# which an admin trims in the prefilled form.
SAME_QUESTION = 0.4
# Grouping is quadratic in distinct texts: the most recent this many are grouped.
MAX_GROUPED = 600


@dataclass(frozen=True)
class AskedQuestion:
    """One FAQ question put to the bot. `text` is kept only when it went unanswered."""

    channel: str
    at: datetime
    answered: str | None = None  # the entry id that answered it
    score: float = 0.0
    text: str | None = None
    id: int | None = None  # set by the store
    resolved_by: str | None = None  # the entry written for it

    @property
    def unanswered(self) -> bool:
        return self.answered is None

    def to_record(self) -> dict[str, Any]:
        """What a store keeps: the text of unanswered questions only; never who asked."""
        if self.at.tzinfo is None:
            raise ValueError("question times must carry a time zone")
        return {
            "channel": self.channel,
            "at": self.at,
            "answered": self.answered,
            "score": self.score,
            "text": self.text if self.unanswered else None,
            "resolved_by": self.resolved_by,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> AskedQuestion:
        return cls(
            channel=record["channel"],
            at=record["at"],
            answered=record["answered"],
            score=float(record["score"]),
            text=record["text"],
            id=int(record["id"]),
            resolved_by=record["resolved_by"],
        )


class QuestionLog(Protocol):
    """Where asked questions are kept; a store with SQLite and MongoDB back ends."""

    async def record(self, question: AskedQuestion) -> None:
        """Keep a question now, in its own write (a citizen's turn logs its questions with
        the turn instead: `ConversationStore.commit_turn`)."""
        ...

    async def between(self, since: datetime, until: datetime) -> list[AskedQuestion]:
        """Questions asked in [since, until), oldest first."""
        ...

    async def open_unanswered(self, limit: int = 5000) -> list[AskedQuestion]:
        """Unanswered questions no entry was written for yet, newest first."""
        ...

    async def resolve(self, ids: Sequence[int], entry_id: str) -> None:
        """Mark questions as answered by a new entry, so their group leaves the list."""
        ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class QuestionGroup:
    """Questions that ask the same thing: distinct texts, most asked first."""

    texts: tuple[str, ...]
    count: int
    ids: tuple[int, ...]
    channels: tuple[str, ...]
    last_at: datetime

    @property
    def title(self) -> str:
        return self.texts[0]


def group_questions(
    questions: Sequence[AskedQuestion], analyzer: Analyzer, threshold: float = SAME_QUESTION
) -> list[QuestionGroup]:
    """Average-linkage agglomerative grouping on TF-IDF cosine; biggest groups first."""
    by_text: dict[str, list[AskedQuestion]] = {}
    for q in questions:
        if q.text and q.text.strip():
            by_text.setdefault(" ".join(analyzer(q.text)) or q.text.strip(), []).append(q)
    keys = sorted(by_text, key=lambda k: max(q.at for q in by_text[k]), reverse=True)[:MAX_GROUPED]
    if not keys:
        return []
    clusters = _agglomerate(_vectors(keys), threshold)
    groups = [_group([by_text[keys[i]] for i in members]) for members in clusters]
    return sorted(groups, key=lambda g: (-g.count, -g.last_at.timestamp()))


def _vectors(texts: list[str]) -> np.ndarray:
    counts = [features(t.split()) for t in texts]
    df: Counter[str] = Counter(f for c in counts for f in c)
    vocab = {f: i for i, f in enumerate(df)}
    n = len(texts)
    matrix = np.zeros((n, len(vocab)))
    for row, c in enumerate(counts):
        for f, tf in c.items():
            idf = math.log((1 + n) / (1 + df[f])) + 1
            matrix[row, vocab[f]] = (1 + math.log(tf)) * idf * WEIGHTS[kind(f)]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def _agglomerate(vectors: np.ndarray, threshold: float) -> list[list[int]]:
    # Frequency orders the groups afterwards; it does not pull texts together.
    n = len(vectors)
    sim = vectors @ vectors.T
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)  # distinct texts per cluster: average linkage over texts, not askings
    members: list[list[int]] = [[i] for i in range(n)]
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        flat = int(np.argmax(sim))
        i, j = divmod(flat, n)
        if sim[i, j] < threshold:
            break
        merged = (size[i] * sim[i] + size[j] * sim[j]) / (size[i] + size[j])
        sim[i], sim[:, i] = merged, merged
        sim[i, i] = -np.inf
        sim[j], sim[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        members[i].extend(members[j])
        members[j] = []
        alive[j] = False
    return [m for m in members if m]


def _group(askings: list[list[AskedQuestion]]) -> QuestionGroup:
    ranked = sorted(askings, key=lambda qs: (-len(qs), -max(q.at for q in qs).timestamp()))
    flat = [q for qs in ranked for q in qs]
    texts = tuple(dict.fromkeys(_display(qs) for qs in ranked))
    return QuestionGroup(
        texts=texts,
        count=len(flat),
        ids=tuple(q.id for q in flat if q.id is not None),
        channels=tuple(sorted({q.channel for q in flat})),
        last_at=max(q.at for q in flat),
    )


def _display(askings: list[AskedQuestion]) -> str:
    """The way it was written most often (same folded words, maybe different accents)."""
    written = Counter((q.text or "").strip() for q in askings)
    return written.most_common(1)[0][0]

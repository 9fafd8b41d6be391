"""The retrieval index: which published FAQ entry answers a citizen's question.

Every question variant of every published entry is a TF-IDF vector of words, word pairs and
letter trigrams (see `faq.features`); a question scores against each variant by cosine, and an
entry scores as its best variant. IDF counts entries, not variants, so a word repeated across
one entry's variants is not mistaken for a common word.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from faq.entries import FaqEntry
from faq.features import WEIGHTS, features, kind

Analyzer = Callable[[str], list[str]]


@dataclass(frozen=True)
class FaqMatch:
    """An entry and how close the question came to it (0..1), by its closest variant."""

    entry: FaqEntry
    score: float
    question: str


@dataclass(frozen=True)
class FaqLookup:
    """The answer when the index is confident, else the closest entries to offer."""

    answer: FaqEntry | None
    suggestions: tuple[FaqEntry, ...]
    score: float

    @property
    def confident(self) -> bool:
        return self.answer is not None


@dataclass(frozen=True)
class Thresholds:
    """When a lookup answers, and when it only suggests.

    The top entry is the answer when it scores at least `answer` and leads the runner-up by
    `margin`, or scores at least `sure` whatever the runner-up. Otherwise entries scoring at
    least `suggest` are offered. Tuned on tests/faq/paraphrases.yml.
    """

    answer: float = 0.42
    margin: float = 0.06
    sure: float = 0.62
    suggest: float = 0.22
    max_suggestions: int = 3


class FaqIndex:
    """An in-memory index over the published entries; `rebuild` swaps in new content."""

    def __init__(self, analyzer: Analyzer, thresholds: Thresholds | None = None) -> None:
        self._analyze = analyzer
        self.thresholds = thresholds or Thresholds()
        self._entries: tuple[FaqEntry, ...] = ()
        self._by_id: dict[str, FaqEntry] = {}
        self._questions: list[str] = []
        self._row_entry = np.zeros(0, dtype=np.int32)
        self._entry_start = np.zeros(0, dtype=np.int64)
        self._feature_ids: dict[str, int] = {}
        self._idf = np.zeros(0)
        self._unseen_idf = 0.0
        self._offsets = np.zeros(1, dtype=np.int64)
        self._post_rows = np.zeros(0, dtype=np.int32)
        self._post_weights = np.zeros(0)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[FaqEntry, ...]:
        return self._entries

    def get(self, id: str) -> FaqEntry | None:
        return self._by_id.get(id)

    def rebuild(self, entries: Iterable[FaqEntry]) -> None:
        """Index the published entries among `entries`; drafts are left out."""
        published = tuple(e for e in entries if e.published)
        questions: list[str] = []
        row_entry: list[int] = []
        entry_start: list[int] = []
        row_counts: list[Counter[str]] = []
        df: Counter[str] = Counter()
        for number, entry in enumerate(published):
            entry_start.append(len(questions))
            seen: set[str] = set()
            for question in entry.questions:
                counts = features(self._analyze(question))
                questions.append(question)
                row_entry.append(number)
                row_counts.append(counts)
                seen.update(counts)
            df.update(seen)

        ids = {feature: i for i, feature in enumerate(df)}
        n = len(published)
        idf = np.array([_idf(n, df[f]) * WEIGHTS[kind(f)] for f in ids])
        triples: list[tuple[int, int, float]] = []
        for row, counts in enumerate(row_counts):
            weights = [(ids[f], (1.0 + math.log(tf)) * idf[ids[f]]) for f, tf in counts.items()]
            norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
            triples.extend((fid, row, w / norm) for fid, w in weights)

        by_feature = sorted(triples)
        self._offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        if by_feature:
            fids = np.fromiter((t[0] for t in by_feature), dtype=np.int64, count=len(by_feature))
            self._offsets[1:] = np.cumsum(np.bincount(fids, minlength=len(ids)))
        self._post_rows = np.fromiter((t[1] for t in by_feature), dtype=np.int32)
        self._post_weights = np.fromiter((t[2] for t in by_feature), dtype=np.float64)
        self._feature_ids = ids
        self._idf = idf
        self._unseen_idf = _idf(n, 0)
        self._questions = questions
        self._row_entry = np.array(row_entry, dtype=np.int32)
        self._entry_start = np.array(entry_start, dtype=np.int64)
        self._entries = published
        self._by_id = {e.id: e for e in published}

    def search(self, text: str, limit: int = 3) -> list[FaqMatch]:
        """The `limit` closest published entries, best first, one match per entry."""
        row_scores = self._row_scores(text)
        if row_scores is None:
            return []
        entry_scores = np.maximum.reduceat(row_scores, self._entry_start)
        order = np.argsort(-entry_scores, kind="stable")[:limit]
        matches = []
        for number in order:
            score = float(entry_scores[number])
            if score <= 0.0:
                break
            start = int(self._entry_start[number])
            entry = self._entries[number]
            best_row = start + int(np.argmax(row_scores[start : start + len(entry.questions)]))
            matches.append(FaqMatch(entry, min(score, 1.0), self._questions[best_row]))
        return matches

    def lookup(self, text: str) -> FaqLookup:
        """Answer when confident; otherwise the 2-3 closest entries, or nothing when none is close."""
        t = self.thresholds
        matches = self.search(text, limit=max(2, t.max_suggestions))
        if not matches:
            return FaqLookup(None, (), 0.0)
        top = matches[0].score
        runner_up = matches[1].score if len(matches) > 1 else 0.0
        if top >= t.sure or (top >= t.answer and top - runner_up >= t.margin):
            return FaqLookup(matches[0].entry, (), top)
        close = tuple(m.entry for m in matches[: t.max_suggestions] if m.score >= t.suggest)
        return FaqLookup(None, close, top)

    def _row_scores(self, text: str) -> np.ndarray | None:
        if not self._entries:
            return None
        counts = features(self._analyze(text))
        if not counts:
            return None
        rows: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        norm = 0.0
        for feature, tf in counts.items():
            fid = self._feature_ids.get(feature)
            # Words the FAQ never uses still count in the norm: an off-topic question that
            # shares one word with an entry must not look like a close match.
            idf = self._unseen_idf * WEIGHTS[kind(feature)] if fid is None else self._idf[fid]
            weight = (1.0 + math.log(tf)) * idf
            norm += weight * weight
            if fid is not None:
                lo, hi = self._offsets[fid], self._offsets[fid + 1]
                rows.append(self._post_rows[lo:hi])
                weights.append(self._post_weights[lo:hi] * weight)
        if not rows:
            return np.zeros(len(self._questions))
        scores = np.bincount(
            np.concatenate(rows), weights=np.concatenate(weights), minlength=len(self._questions)
        )
        return scores / math.sqrt(norm)


def _idf(entries: int, with_feature: int) -> float:
    """BM25's IDF: never negative, highest for a feature no entry has."""
    return math.log(1.0 + (entries - with_feature + 0.5) / (with_feature + 0.5))

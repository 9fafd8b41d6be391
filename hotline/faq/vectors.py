"""TF-IDF vectors of FAQ questions, stored as postings so a lookup touches only its features.

Rows are the question variants, then one row per entry holding all its variants together.
IDF counts entries, not variants, so a word repeated across one entry's variants is not
mistaken for a common word. Vectors are L2-normalised, so a dot product is a cosine in 0..1.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from hotline.faq.features import WEIGHTS, kind


@dataclass
class Vocabulary:
    """Feature names and their ids. Ids are never reused, so cached rows stay valid."""

    ids: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)

    def add(self, feature: str) -> int:
        fid = self.ids.get(feature)
        if fid is None:
            fid = self.ids[feature] = len(self.names)
            self.names.append(feature)
            self.weights.append(WEIGHTS[kind(feature)])
        return fid

    def row(self, counts: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray]:
        """A question's features as (feature ids, term counts)."""
        fids = np.fromiter(map(self.add, counts), dtype=np.int64, count=len(counts))
        return fids, np.fromiter(counts.values(), dtype=np.float64, count=len(counts))


# Stored per posting: the row (int32) and the feature's count in that row (uint16); weights are
# computed from those at lookup time, in the same order of operations as the stored weights
# they replace, so scores are bit for bit those of a float64 weight per posting.
ROW = np.int32
COUNT = np.uint16


@dataclass(frozen=True)
class Postings:
    """For each feature id, the rows that have it and the feature's count in each row."""

    offsets: np.ndarray
    rows: np.ndarray
    counts: np.ndarray
    idf: np.ndarray
    entry_count: np.ndarray
    norms: np.ndarray  # each row's vector length (1.0 for an empty row)
    n_rows: int
    n_entries: int

    @classmethod
    def empty(cls) -> Postings:
        zero = np.zeros(0)
        nothing = (zero.astype(ROW), zero.astype(COUNT), zero, zero, zero)
        return cls(np.zeros(1, dtype=np.int64), *nothing, 0, 0)

    @classmethod
    def build(
        cls,
        vocabulary: Vocabulary,
        variants: list[tuple[np.ndarray, np.ndarray]],
        entry_of: np.ndarray,
    ) -> Postings:
        """Index `variants` (one (ids, counts) row each); `entry_of[i]` is variant i's entry."""
        if not variants:
            return cls.empty()
        lengths = np.fromiter((len(f) for f, _ in variants), dtype=np.int64, count=len(variants))
        fids = np.concatenate([f for f, _ in variants])
        tfs = np.concatenate([t for _, t in variants])
        return cls.from_rows(vocabulary, lengths, fids, tfs, entry_of)

    @classmethod
    def from_rows(
        cls,
        vocabulary: Vocabulary,
        lengths: np.ndarray,
        fids: np.ndarray,
        tfs: np.ndarray,
        entry_of: np.ndarray,
    ) -> Postings:
        """Index variants given row after row: `lengths[i]` features of variant i in `fids`
        (feature ids) and `tfs` (their counts); `entry_of[i]` is variant i's entry."""
        if not len(lengths):
            return cls.empty()
        n_features = len(vocabulary.names)
        n_variants = len(lengths)
        n_entries = int(entry_of.max()) + 1
        fids = fids.astype(np.int64)
        rows = np.repeat(np.arange(n_variants, dtype=np.int64), lengths)
        # The whole-entry rows: sum each feature's counts over the entry's variants.
        keys, inverse = np.unique(entry_of[rows] * n_features + fids, return_inverse=True)
        entry_fids = keys % n_features
        entry_count = np.bincount(entry_fids, minlength=n_features).astype(np.float64)
        entry_tfs = np.bincount(inverse, weights=tfs.astype(np.float64))
        del inverse
        fids = np.concatenate([fids, entry_fids])
        rows = np.concatenate([rows, n_variants + keys // n_features]).astype(ROW)
        del keys, entry_fids
        counts = np.concatenate([tfs.astype(COUNT), entry_tfs.astype(COUNT)])

        idf = bm25_idf(n_entries, entry_count) * np.asarray(vocabulary.weights)
        n_rows = n_variants + n_entries
        weights = _weights(counts, idf[fids])
        norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n_rows))
        del weights
        order = np.argsort(fids, kind="stable")
        offsets = np.zeros(n_features + 1, dtype=np.int64)
        offsets[1:] = np.cumsum(np.bincount(fids, minlength=n_features))
        return cls(
            offsets,
            rows[order],
            counts[order],
            idf,
            entry_count,
            np.where(norms > 0, norms, 1.0),
            n_rows,
            n_entries,
        )

    def variant_rows(self, n_variants: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The first `n_variants` rows back as (start of each row, feature ids, counts), for a
        rebuild to reuse the questions it already analysed."""
        if not n_variants:
            return np.zeros(1, dtype=np.int64), np.zeros(0, dtype=ROW), np.zeros(0, dtype=COUNT)
        fids = np.repeat(np.arange(len(self.offsets) - 1, dtype=ROW), np.diff(self.offsets))
        mine = np.flatnonzero(self.rows < n_variants)
        order = mine[np.argsort(self.rows[mine], kind="stable")]
        starts = np.zeros(n_variants + 1, dtype=np.int64)
        starts[1:] = np.cumsum(np.bincount(self.rows[mine], minlength=n_variants))
        return starts, fids[order], self.counts[order]

    def scores(self, query: list[tuple[int | None, str, float]]) -> np.ndarray:
        """Cosine of the query, given as (feature id or None, feature, count), with every row."""
        unseen = self._unseen_idf
        weights: list[float] = []
        norm = 0.0
        # Each query feature's IDF (0.0 where no entry has it), gathered in one numpy step.
        ids = np.fromiter((-1 if f is None else f for f, _, _ in query), np.int64, len(query))
        used = (ids >= 0) & (ids < len(self.idf))
        used[used] = self.entry_count[ids[used]] > 0
        idfs = np.zeros(len(ids))
        idfs[used] = self.idf[ids[used]]
        for (_, feature, tf), in_use, idf in zip(query, used.tolist(), idfs.tolist(), strict=True):
            scale = 1.0 + math.log(tf)
            if in_use:
                weight = scale * idf
                weights.append(weight)
            else:
                # Words the FAQ never uses still count in the norm: an off-topic question
                # that shares one word with an entry must not look like a close match.
                weight = scale * unseen * WEIGHTS[kind(feature)]
            norm += weight * weight
        if not weights or norm == 0.0:
            return np.zeros(self.n_rows)
        # All the query's postings in one gather, feature after feature as they came: the
        # same operations per posting, and the same order of the sum, as one feature at a time.
        known = ids[used]
        lo, hi = self.offsets[known], self.offsets[known + 1]
        lengths = hi - lo
        starts = np.cumsum(lengths) - lengths
        at = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(lo - starts, lengths)
        found = self.rows[at]
        tf_weights = self._tf_weights[self.counts[at]]
        stored = tf_weights * np.repeat(self.idf[known], lengths) / self.norms[found]
        total = np.bincount(
            found, weights=stored * np.repeat(np.array(weights), lengths), minlength=self.n_rows
        )
        return total / math.sqrt(norm)

    @functools.cached_property
    def _unseen_idf(self) -> float:
        """The IDF of a feature no entry has (it still counts in a query's norm)."""
        return float(bm25_idf(self.n_entries, np.zeros(1))[0])

    @functools.cached_property
    def _tf_weights(self) -> np.ndarray:
        """1 + log(count) for every count a posting has, indexed by the count: `_weights`'s
        first factor, worked out once per count (the same np.log of a float64, so the same
        bits) instead of once per posting a query gathers."""
        top = int(self.counts.max()) if len(self.counts) else 0
        return np.concatenate([[0.0], 1.0 + np.log(np.arange(1, top + 1, dtype=np.float64))])

    @property
    def nbytes(self) -> int:
        arrays = (self.offsets, self.rows, self.counts, self.idf, self.entry_count, self.norms)
        return sum(a.nbytes for a in arrays)


def _weights(counts: np.ndarray, idf: np.ndarray | float) -> np.ndarray:
    """A posting's TF-IDF weight before normalisation: (1 + log tf) * idf."""
    return (1.0 + np.log(counts.astype(np.float64))) * idf


def bm25_idf(entries: int, with_feature: np.ndarray) -> np.ndarray:
    """BM25's IDF: never negative, highest for a feature no entry has."""
    return np.log1p((entries - with_feature + 0.5) / (with_feature + 0.5))

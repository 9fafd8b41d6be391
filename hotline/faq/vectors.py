"""TF-IDF vectors of FAQ questions, stored as postings so a lookup touches only its features.

Rows are the question variants, then one row per entry holding all its variants together.
IDF counts entries, not variants, so a word repeated across one entry's variants is not
mistaken for a common word. Vectors are L2-normalised, so a dot product is a cosine in 0..1.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Postings:
    """For each feature id, the rows that have it and the feature's weight in each row."""

    offsets: np.ndarray
    rows: np.ndarray
    weights: np.ndarray
    idf: np.ndarray
    entry_count: np.ndarray
    n_rows: int
    n_entries: int

    @classmethod
    def empty(cls) -> Postings:
        zero = np.zeros(0)
        return cls(np.zeros(1, dtype=np.int64), zero.astype(np.int64), zero, zero, zero, 0, 0)

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
        n_features = len(vocabulary.names)
        n_variants = len(variants)
        n_entries = int(entry_of.max()) + 1
        lengths = np.fromiter((len(f) for f, _ in variants), dtype=np.int64, count=n_variants)
        fids = np.concatenate([f for f, _ in variants])
        tfs = np.concatenate([t for _, t in variants])
        rows = np.repeat(np.arange(n_variants), lengths)
        # The whole-entry rows: sum each feature's counts over the entry's variants.
        keys, inverse = np.unique(entry_of[rows] * n_features + fids, return_inverse=True)
        entry_fids = keys % n_features
        entry_count = np.bincount(entry_fids, minlength=n_features).astype(np.float64)
        fids = np.concatenate([fids, entry_fids])
        rows = np.concatenate([rows, n_variants + keys // n_features])
        tfs = np.concatenate([tfs, np.bincount(inverse, weights=tfs)])

        idf = bm25_idf(n_entries, entry_count) * np.asarray(vocabulary.weights)
        weights = (1.0 + np.log(tfs)) * idf[fids]
        n_rows = n_variants + n_entries
        norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n_rows))
        weights /= np.where(norms > 0, norms, 1.0)[rows]
        order = np.argsort(fids, kind="stable")
        offsets = np.zeros(n_features + 1, dtype=np.int64)
        offsets[1:] = np.cumsum(np.bincount(fids, minlength=n_features))
        return cls(offsets, rows[order], weights[order], idf, entry_count, n_rows, n_entries)

    def scores(self, query: list[tuple[int | None, str, float]]) -> np.ndarray:
        """Cosine of the query, given as (feature id or None, feature, count), with every row."""
        unseen = float(bm25_idf(self.n_entries, np.zeros(1))[0])
        rows: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        norm = 0.0
        for fid, feature, tf in query:
            scale = 1.0 + math.log(tf)
            if fid is not None and fid < len(self.idf) and self.entry_count[fid] > 0:
                weight = scale * float(self.idf[fid])
                lo, hi = self.offsets[fid], self.offsets[fid + 1]
                rows.append(self.rows[lo:hi])
                weights.append(self.weights[lo:hi] * weight)
            else:
                # Words the FAQ never uses still count in the norm: an off-topic question
                # that shares one word with an entry must not look like a close match.
                weight = scale * unseen * WEIGHTS[kind(feature)]
            norm += weight * weight
        if not rows or norm == 0.0:
            return np.zeros(self.n_rows)
        total = np.bincount(
            np.concatenate(rows), weights=np.concatenate(weights), minlength=self.n_rows
        )
        return total / math.sqrt(norm)


def bm25_idf(entries: int, with_feature: np.ndarray) -> np.ndarray:
    """BM25's IDF: never negative, highest for a feature no entry has."""
    return np.log1p((entries - with_feature + 0.5) / (with_feature + 0.5))

"""Postings assembled a chunk of entries at a time, so a rebuild of thousands of entries never
holds every posting in several wide temporary arrays at once.

A chunk keeps only its postings in the stored widths (feature ids as `int32`, counts as `uint8`
or, should one not fit, `uint16`) and its whole-entry rows; `finish` lays all chunks into the
final arrays by feature, in the order a single sort of every posting gives (variants, then
entries, each in row order), and computes each row's norm over its postings in the order they
were given, so the postings and their scores are exactly those of one build over all rows
(`tests/faq/test_assembly.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hotline.faq.vectors import COUNT, ROW, Postings, Vocabulary, _weights, bm25_idf


@dataclass(frozen=True)
class _Part:
    """One kind of row of one chunk: each row's length, then its features and their counts."""

    first: int  # the chunk's first row number
    lengths: np.ndarray
    fids: np.ndarray
    counts: np.ndarray


class PostingsAssembly:
    """Collects the variants of consecutive entries (`add`), then lays out `Postings`."""

    def __init__(self, vocabulary: Vocabulary, n_variants: int, n_entries: int) -> None:
        self._vocabulary = vocabulary
        self._n_variants = n_variants
        self._n_entries = n_entries
        self._variants: list[_Part] = []
        self._entries: list[_Part] = []
        self._next_variant = 0
        self._next_entry = 0

    def add(self, rows: Sequence[tuple[np.ndarray, np.ndarray]], sizes: Sequence[int]) -> None:
        """The next entries' variants, one (feature ids, counts) row each; `sizes[i]` of them
        belong to the i-th of these entries."""
        lengths = np.fromiter((len(f) for f, _ in rows), dtype=np.int64, count=len(rows))
        empty = not rows or not lengths.sum()
        fids = np.zeros(0, np.int64) if empty else np.concatenate([f for f, _ in rows])
        counts = np.zeros(0, COUNT) if empty else np.concatenate([c for _, c in rows])
        fids, counts = fids.astype(np.int64), counts.astype(COUNT)
        # The whole-entry rows: each feature's counts summed over the entry's variants, the
        # features in id order.
        width = max(1, len(self._vocabulary.names))  # above every feature id
        entry_of = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
        keys, inverse = np.unique(
            entry_of[np.repeat(np.arange(len(rows)), lengths)] * width + fids, return_inverse=True
        )
        entry_counts = np.bincount(inverse, weights=counts.astype(np.float64)).astype(COUNT)
        entry_lengths = np.bincount(keys // width, minlength=len(sizes))
        self._variants.append(_Part(self._next_variant, lengths, fids.astype(ROW), _narrow(counts)))
        self._entries.append(
            _Part(
                self._next_entry, entry_lengths, (keys % width).astype(ROW), _narrow(entry_counts)
            )
        )
        self._next_variant += len(rows)
        self._next_entry += len(sizes)

    def finish(self) -> Postings:
        """The postings of every row added; the chunks are released as they are laid out."""
        if self._next_variant != self._n_variants or self._next_entry != self._n_entries:
            raise ValueError("the rows added are not the rows announced")
        if not self._n_variants:
            return Postings.empty()
        width = len(self._vocabulary.names)
        in_variants = np.zeros(width, dtype=np.int64)
        entry_count = np.zeros(width, dtype=np.int64)
        for parts, total in ((self._variants, in_variants), (self._entries, entry_count)):
            for part in parts:
                total += np.bincount(part.fids, minlength=width)
        idf = bm25_idf(self._n_entries, entry_count.astype(np.float64)) * np.asarray(
            self._vocabulary.weights
        )
        offsets = np.zeros(width + 1, dtype=np.int64)
        offsets[1:] = np.cumsum(in_variants + entry_count)
        rows = np.empty(offsets[-1], dtype=ROW)
        parts = [*self._variants, *self._entries]
        counts = np.empty(offsets[-1], dtype=np.result_type(*(p.counts for p in parts)))
        del parts
        n_rows = self._n_variants + self._n_entries
        squares = np.zeros(n_rows)
        # Each feature's variant postings first, then its entry postings, each in row order.
        for parts, cursor, base in (
            (self._variants, offsets[:-1].copy(), 0),
            (self._entries, offsets[:-1] + in_variants, self._n_variants),
        ):
            while parts:
                part = parts.pop(0)
                local = np.repeat(np.arange(len(part.lengths)), part.lengths)
                weights = _weights(part.counts, idf[part.fids])
                start = base + part.first
                squares[start : start + len(part.lengths)] = np.bincount(
                    local, weights=weights * weights, minlength=len(part.lengths)
                )
                order = np.argsort(part.fids, kind="stable")
                by_feature = part.fids[order]
                per_feature = np.bincount(part.fids, minlength=width)
                rank = np.arange(len(order)) - (np.cumsum(per_feature) - per_feature)[by_feature]
                at = cursor[by_feature] + rank
                rows[at] = (start + local[order]).astype(ROW)
                counts[at] = part.counts[order]
                cursor += per_feature
        norms = np.sqrt(squares)
        return Postings(
            offsets,
            rows,
            counts,
            idf,
            entry_count.astype(np.float64),
            np.where(norms > 0, norms, 1.0),
            n_rows,
            self._n_entries,
        )


def _narrow(counts: np.ndarray) -> np.ndarray:
    """Counts as `uint8` when they fit (they nearly always do: a word rarely comes more than a
    few times in an entry), else as `COUNT`: one byte a posting less. A weight is computed from
    the count as a float64 (`vectors._weights`), so the scores are the same either way."""
    if counts.size and int(counts.max()) > np.iinfo(np.uint8).max:
        return counts.astype(COUNT)
    return counts.astype(np.uint8)

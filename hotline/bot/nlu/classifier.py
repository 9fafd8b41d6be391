"""The in-process intent classifier: TF-IDF features and a softmax (multinomial logistic) model.

Features are folded words with teencode expanded, word pairs, the first and the last word, and
character n-grams of the folded text (which carry typos and missing spaces). The model is
trained with numpy on sparse rows (`softmax.py`) in a few seconds and scores a message with one
small gather and a dot product.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from hotline.bot.nlu import softmax
from hotline.bot.nlu.normalize import words

# Bump when the features or the training change, so models trained by older code count as stale.
FEATURES_VERSION = 4
CHAR_NGRAMS = (3, 4, 5)
# Below this share of known features a text is mostly unseen (gibberish, another topic), and the
# probabilities are pulled toward uniform in proportion, so a low confidence means "unsure".
FULL_COVERAGE = 0.5
# Whole words outweigh the many character n-grams of a text, which mostly serve typos.
WORD_WEIGHT = 3.0
WEIGHTS_FILE = "weights.npz"
META_FILE = "model.json"


def features(text: str, char_ngrams: Sequence[int] = CHAR_NGRAMS) -> Counter[str]:
    """Feature counts of a text: words, word pairs, the first and the last word, and character
    n-grams. Where a word stands says what it does: an opening "ai"/"sao" or a closing "không"/
    "chưa" asks, a closing "ạ"/"nhé" is politeness (grouped cross-validation 0.786 to 0.797)."""
    tokens = words(text)
    counts: Counter[str] = Counter("w " + t for t in tokens)
    if tokens:
        counts["f " + tokens[0]] += 1
        counts["l " + tokens[-1]] += 1
    counts.update(f"b {a} {b}" for a, b in pairwise(tokens))
    joined = f" {' '.join(tokens)} "
    for n in char_ngrams:
        counts.update("c" + joined[i : i + n] for i in range(len(joined) - n + 1))
    return counts


@dataclass(frozen=True)
class TrainingSettings:
    """Features and optimiser settings; the defaults suit a few thousand examples.

    `class_balance` weighs each example by (mean class size / its class size) ** class_balance:
    0 counts every example alike, 1 gives every intent the same total weight.
    """

    l2: float = 1e-5
    learning_rate: float = 0.2
    epochs: int = 200
    min_char_df: int = 2
    word_weight: float = WORD_WEIGHT
    char_ngrams: tuple[int, ...] = CHAR_NGRAMS
    class_balance: float = 0.0
    full_coverage: float = FULL_COVERAGE


class IntentClassifier:
    """Scores a text against every intent; probabilities sum to 1."""

    def __init__(
        self,
        intents: Sequence[str],
        vocabulary: Sequence[str],
        idf: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        char_ngrams: Sequence[int] = CHAR_NGRAMS,
        full_coverage: float = FULL_COVERAGE,
    ) -> None:
        self.intents = tuple(intents)
        self.char_ngrams = tuple(char_ngrams)
        self.full_coverage = full_coverage
        self.vocabulary = tuple(vocabulary)
        self._index = {feature: i for i, feature in enumerate(self.vocabulary)}
        self.idf = idf.astype(np.float32)
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)

    @classmethod
    def fit(
        cls, texts: Sequence[str], labels: Sequence[str], settings: TrainingSettings | None = None
    ) -> IntentClassifier:
        """Train on texts and their intents."""
        settings = settings or TrainingSettings()
        if not texts or len(texts) != len(labels):
            raise ValueError("need as many labels as texts, and at least one text")
        intents = sorted(set(labels))
        counted = [features(t, settings.char_ngrams) for t in texts]
        df: Counter[str] = Counter(f for c in counted for f in c)
        vocabulary = sorted(
            f for f, n in df.items() if not f.startswith("c") or n >= settings.min_char_df
        )
        idf = np.array(
            [
                (math.log((1 + len(texts)) / (1 + df[f])) + 1.0)
                * (settings.word_weight if f.startswith("w ") else 1.0)
                for f in vocabulary
            ],
            np.float32,
        )
        model = cls(
            intents,
            vocabulary,
            idf,
            np.zeros((len(vocabulary), len(intents))),
            np.zeros(0),
            settings.char_ngrams,
            settings.full_coverage,
        )
        matrix = softmax.SparseRows.of([model._vector(c) for c in counted], len(vocabulary))
        label_index = np.array([intents.index(label) for label in labels])
        targets = np.zeros((len(texts), len(intents)), np.float32)
        targets[np.arange(len(texts)), label_index] = 1.0
        sizes = np.bincount(label_index, minlength=len(intents)).astype(np.float64)
        balance = (sizes.mean() / sizes[label_index]) ** settings.class_balance
        model.weights, model.bias = softmax.fit(
            matrix,
            targets,
            balance,
            l2=settings.l2,
            learning_rate=settings.learning_rate,
            epochs=settings.epochs,
        )
        return model

    def _vector(self, counts: Counter[str]) -> tuple[np.ndarray, np.ndarray]:
        """Indices and L2-normalised sublinear TF-IDF values of the known features."""
        return self._known_vector(*self._known(counts))

    def _known(self, counts: Counter[str]) -> tuple[list[int], list[int]]:
        """The indices and the counts of the features the model knows, in the order of
        `counts`: each feature looked up once."""
        index = self._index
        ids: list[int] = []
        tfs: list[int] = []
        for feature, n in counts.items():
            i = index.get(feature)
            if i is not None:
                ids.append(i)
                tfs.append(n)
        return ids, tfs

    def _known_vector(self, ids: list[int], tfs: list[int]) -> tuple[np.ndarray, np.ndarray]:
        if not ids:
            return np.zeros(0, np.intp), np.zeros(0, np.float32)
        index = np.array(ids, np.intp)
        values = (1.0 + np.log(np.array(tfs, np.float32))) * self.idf[index]
        # np.linalg.norm of a float vector is this sqrt of its dot product, without the checks.
        return index, values / np.sqrt(values.dot(values))

    def probabilities(self, text: str) -> np.ndarray | None:
        """One probability per intent (in `intents` order), or None if no feature is known."""
        counts = features(text, self.char_ngrams)
        ids, tfs = self._known(counts)
        index, values = self._known_vector(ids, tfs)
        if index.size == 0:
            return None
        scores = values @ self.weights[index] + self.bias
        exp: np.ndarray = np.exp(scores - scores.max())
        probabilities = exp / exp.sum()
        trust = min(1.0, sum(tfs) / sum(counts.values()) / self.full_coverage)
        return trust * probabilities + (1.0 - trust) / len(self.intents)

    def save(self, model_dir: Path, meta: dict[str, object]) -> None:
        model_dir.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            model_dir / WEIGHTS_FILE, idf=self.idf, weights=self.weights, bias=self.bias
        )
        document = {
            **meta,
            "features_version": FEATURES_VERSION,
            "char_ngrams": list(self.char_ngrams),
            "full_coverage": self.full_coverage,
            "intents": list(self.intents),
            "vocabulary": list(self.vocabulary),
        }
        (model_dir / META_FILE).write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, model_dir: Path) -> IntentClassifier:
        meta = read_meta(model_dir)
        with np.load(model_dir / WEIGHTS_FILE) as arrays:
            return cls(
                meta["intents"],
                meta["vocabulary"],
                arrays["idf"],
                arrays["weights"],
                arrays["bias"],
                meta.get("char_ngrams", CHAR_NGRAMS),
                meta.get("full_coverage", FULL_COVERAGE),
            )


def read_meta(model_dir: Path) -> dict[str, Any]:
    """The model's metadata (fingerprint, intents, vocabulary...)."""
    meta: dict[str, Any] = json.loads((model_dir / META_FILE).read_text("utf-8"))
    return meta

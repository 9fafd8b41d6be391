"""Rasa components (loaded by the Rasa server, Python 3.10, never by the bot): linear models on
TF-IDF weighted features, one for the intent and one that picks the FAQ entry.

Rasa's own CountVectorsFeaturizer gives raw counts, and its LogisticRegressionClassifier and
ResponseSelector train on them. Measured on our data (bot/nlu/rasa_evaluate.py, the README
table), weighting the counts as sublinear TF-IDF and normalising each message made the linear
intent model better, and a multinomial logistic regression over the `faq/<entry>` labels picked the
FAQ entry better than the ResponseSelector's 100 epochs while training in a few seconds instead of
a minute. Both only read the featurizers' sentence features, so the rest of the pipeline is Rasa's.

The models are saved as plain numpy arrays (no pickle): loading a model runs no code from it.
rasa_project.write_project copies this file into the generated project, on the server's PYTHONPATH.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent  # type: ignore[import-not-found]
from rasa.engine.recipes.default_recipe import DefaultV1Recipe  # type: ignore[import-not-found]
from rasa.engine.storage.resource import Resource  # type: ignore[import-not-found]
from rasa.engine.storage.storage import ModelStorage  # type: ignore[import-not-found]
from rasa.nlu.featurizers.featurizer import Featurizer  # type: ignore[import-not-found]
from rasa.shared.nlu.training_data.message import Message  # type: ignore[import-not-found]
from rasa.shared.nlu.training_data.training_data import (  # type: ignore[import-not-found]
    TrainingData,
)
from scipy.sparse import coo_matrix, csr_matrix  # type: ignore[import-untyped]

MODEL_FILE = "linear.npz"
RANKING_LENGTH = 10
NUMBER_BUCKETS = 1024
_SHORT_NUMBER = re.compile(r"[0-9]{1,4}")


def _features(messages: list[Message], numbers: bool = False) -> list[Any]:
    """The featurizers' sparse sentence features: one matrix (a row per message) per featurizer,
    then, with `numbers`, the block of short numbers (_numbers).

    Each block is weighted and normalised on its own, so the many character n-grams of a message
    do not drown its few words. A block is built from all its messages' entries at once: a
    matrix per message stacked afterwards cost more than the model itself in a batch of 32.
    """
    blocks: dict[str, dict[int, Any]] = {}
    for row, message in enumerate(messages):
        for f in message.features:
            if f.attribute == "text" and f.type == "sentence" and f.is_sparse():
                blocks.setdefault(str(f.origin), {})[row] = f.features  # the last one counts
    matrices = [_stacked(rows, len(messages)) for _, rows in sorted(blocks.items())]
    return [*matrices, _numbers(messages)] if numbers else matrices


def _stacked(rows: dict[int, Any], count: int) -> Any:
    """One CSR matrix of `count` rows from each row's 1 x n sparse matrix (duplicates summed,
    indices sorted, as csr_matrix of each row then vstack would give)."""
    width = next(iter(rows.values())).shape[1]
    parts = [(row, matrix.tocoo()) for row, matrix in rows.items()]
    data = np.concatenate([m.data for _, m in parts])
    columns = np.concatenate([m.col for _, m in parts])
    numbers = np.concatenate([np.full(m.nnz, row) for row, m in parts])
    return coo_matrix((data, (numbers, columns)), shape=(count, width)).tocsr()


def _numbers(messages: list[Message]) -> Any:
    """Counts of the short numbers (up to 4 digits) among each message's tokens, hashed.

    CountVectorsFeaturizer turns every number into one `__NUMBER__` token, but here a short number
    names what is asked about: Nghị quyết 68 or 126, mũi 2 or 3, 115 or 1022, Chỉ thị 15, 16 or
    19. Longer numbers (phone numbers) stay `__NUMBER__`. A stable hash needs no vocabulary.
    """
    rows: list[int] = []
    columns: list[int] = []
    for row, message in enumerate(messages):
        for token in message.get("text_tokens") or []:
            if _SHORT_NUMBER.fullmatch(token.text):
                rows.append(row)
                columns.append(zlib.crc32(token.text.encode()) % NUMBER_BUCKETS)
    values = np.ones(len(rows))
    return csr_matrix((values, (rows, columns)), shape=(len(messages), NUMBER_BUCKETS))


def _unit_rows(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """The values of a CSR matrix (`data`, rows by `indptr`, indices sorted) with each row
    scaled to unit L2 norm. The arithmetic is scipy's for `m.multiply(1 / norms)`, number for
    number, without its per-call checks (a graph run did ~20 such calls)."""
    squares = np.zeros(len(indptr) - 1)
    filled = np.flatnonzero(np.diff(indptr))
    if len(filled):
        squares[filled] = np.add.reduceat(data * data, indptr[filled])
    norms = np.sqrt(squares)
    norms[norms == 0.0] = 1.0
    return np.asarray(data * np.repeat(1.0 / norms, np.diff(indptr)))


class LinearModel:
    """TF-IDF weights per block of features, L2 normalisation and a multinomial logistic
    regression; `scales` weighs each normalised block before the whole row is normalised."""

    def __init__(
        self,
        idf: np.ndarray,
        sizes: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        labels: np.ndarray,
        scales: np.ndarray | None = None,
    ) -> None:
        self.idf = idf
        self.sizes = sizes
        self.coef = coef
        self.intercept = intercept
        self.labels = labels
        self.scales = np.ones(len(sizes)) if scales is None else scales
        self._transposed: tuple[np.ndarray, np.ndarray] | None = None  # (coef, coef.T contiguous)

    def weigh(self, blocks: list[Any]) -> Any:
        """Per block (canonical CSR counts): sublinear TF-IDF, unit rows, times its scale; then
        the blocks side by side (as scipy's hstack orders them) and each row made unit again."""
        starts = np.concatenate([[0], np.cumsum(self.sizes)])
        count = blocks[0].shape[0]
        values, columns, owners = [], [], []
        for number, counts in enumerate(blocks):
            idf = self.idf[starts[number] : starts[number + 1]]
            data = np.log1p(counts.data.astype(np.float64)) * idf[counts.indices]
            values.append(_unit_rows(data, counts.indptr) * float(self.scales[number]))
            columns.append(counts.indices + starts[number])
            owners.append(np.repeat(np.arange(count), np.diff(counts.indptr)))
        owner = np.concatenate(owners)
        order = np.argsort(owner, kind="stable")  # a row's entries block by block
        indptr = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=count))])
        data = _unit_rows(np.concatenate(values)[order], indptr)
        shape = (count, int(starts[-1]))
        return csr_matrix((data, np.concatenate(columns)[order], indptr), shape=shape)

    @classmethod
    def fit(
        cls,
        blocks: list[Any],
        labels: list[str],
        c: float,
        balanced: bool,
        scales: list[float] | None = None,
    ) -> LinearModel:
        """`balanced`: every label weighs the same; `scales`: one per block (None: all 1)."""
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

        idfs = []
        for counts in blocks:
            seen = np.asarray((counts > 0).sum(axis=0)).ravel()
            idfs.append(np.log((1.0 + counts.shape[0]) / (1.0 + seen)) + 1.0)
        sizes = np.array([len(idf) for idf in idfs])
        block_scales = np.ones(len(sizes)) if scales is None else np.asarray(scales, dtype=float)
        model = cls(
            np.concatenate(idfs), sizes, np.zeros(0), np.zeros(0), np.zeros(0), block_scales
        )
        regression = LogisticRegression(
            C=c, max_iter=3000, class_weight="balanced" if balanced else None
        )
        regression.fit(model.weigh(blocks), labels)
        coef, intercept = regression.coef_, regression.intercept_
        if len(regression.classes_) == 2:  # sklearn keeps one row for two classes
            coef, intercept = np.vstack([-coef, coef]), np.concatenate([-intercept, intercept])
        model.coef, model.intercept = coef, intercept
        model.labels = np.asarray(regression.classes_, dtype=str)
        return model

    def probabilities(self, blocks: list[Any]) -> np.ndarray:
        scores = np.asarray(self.weigh(blocks) @ self._columns() + self.intercept)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))

    def _columns(self) -> np.ndarray:
        """`coef.T`, contiguous, made once: scipy copies a transposed (non-contiguous) dense
        operand on every product, 12 ms for the FAQ model's 52 x 15,723 weights, more than the
        rest of a parse of 32 texts. The product is the same, number for number."""
        if self._transposed is None or self._transposed[0] is not self.coef:
            self._transposed = (self.coef, np.ascontiguousarray(self.coef.T))
        return self._transposed[1]

    def ranking(self, blocks: list[Any]) -> list[list[tuple[str, float]]]:
        """Per row, (label, probability) best first, RANKING_LENGTH long."""
        out = []
        for row in self.probabilities(blocks):
            order = np.argsort(-row)[:RANKING_LENGTH]
            out.append([(str(self.labels[i]), float(row[i])) for i in order])
        return out

    def save(self, directory: Path) -> None:
        np.savez(
            directory / MODEL_FILE,
            idf=self.idf,
            sizes=self.sizes,
            coef=self.coef,
            intercept=self.intercept,
            labels=self.labels,
            scales=self.scales,
        )

    @classmethod
    def load(cls, directory: Path) -> LinearModel:
        with np.load(directory / MODEL_FILE, allow_pickle=False) as data:
            return cls(
                data["idf"],
                data["sizes"],
                data["coef"],
                data["intercept"],
                data["labels"],
                data["scales"],
            )


class _LinearComponent(GraphComponent):  # type: ignore[misc]
    """What both components share: config, persistence through Rasa's model storage."""

    def __init__(self, config: dict[str, Any], storage: ModelStorage, resource: Resource) -> None:
        self.config = {**self.get_default_config(), **config}
        self.storage = storage
        self.resource = resource
        self.model: LinearModel | None = None

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # "numbers": the weight of the short-numbers block next to each featurizer's (0: none)
        return {"C": 10.0, "numbers": 0.0}

    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> _LinearComponent:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> _LinearComponent:
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                component.model = LinearModel.load(Path(directory))
        except ValueError:
            pass  # nothing was trained (no examples): the component predicts nothing
        return component

    def _train(self, messages: list[Message], labels: list[str], balanced: bool) -> Resource:
        if len(set(labels)) >= 2:
            blocks = self._blocks(messages)
            scales = [1.0] * len(blocks)
            if self._number_weight:
                scales[-1] = self._number_weight
            c = float(self.config["C"])
            self.model = LinearModel.fit(blocks, labels, c, balanced, scales)
            with self.storage.write_to(self.resource) as directory:
                self.model.save(Path(directory))
        return self.resource

    @property
    def _number_weight(self) -> float:
        return float(self.config["numbers"])

    def _blocks(self, messages: list[Message]) -> list[Any]:
        return _features(messages, numbers=self._number_weight > 0)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data  # nothing after us needs our predictions while training


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class TfidfIntentClassifier(_LinearComponent):
    """The intent, from a class-balanced logistic regression on TF-IDF weighted features."""

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get("intent") and e.get("text")]
        return self._train(examples, [e.get("intent") for e in examples], balanced=True)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.model is None or not messages:
            return messages
        rankings = self.model.ranking(self._blocks(messages))
        for message, ranking in zip(messages, rankings, strict=True):
            names = [{"name": name, "confidence": confidence} for name, confidence in ranking]
            message.set("intent", names[0], add_to_output=True)
            message.set("intent_ranking", names, add_to_output=True)
        return messages


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class FaqSelector(_LinearComponent):
    """Picks the `faq/<entry>` of a retrieval intent, in the ResponseSelector's output format."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"C": 100.0, "numbers": 0.0, "retrieval_intent": "faq"}

    def train(self, training_data: TrainingData) -> Resource:
        intent = self.config["retrieval_intent"]
        examples = [
            e
            for e in training_data.intent_examples
            if e.get("intent") == intent and e.get("intent_response_key") and e.get("text")
        ]
        return self._train(examples, [e.get("intent_response_key") for e in examples], False)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.model is None or not messages:
            return messages
        intent = self.config["retrieval_intent"]
        rankings = self.model.ranking(self._blocks(messages))
        for message, ranking in zip(messages, rankings, strict=True):
            key, confidence = ranking[0]
            prediction = {
                "response": {
                    "responses": [{"text": key}],  # the bot reads the answer from its FAQ store
                    "confidence": confidence,
                    "intent_response_key": key,
                    "utter_action": f"utter_{key}",
                },
                "ranking": [{"intent_response_key": k, "confidence": c} for k, c in ranking],
            }
            selector = dict(message.get("response_selector") or {})
            selector["all_retrieval_intents"] = [intent]
            selector[intent] = prediction
            message.set("response_selector", selector, add_to_output=True)
        return messages

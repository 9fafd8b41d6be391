"""A Rasa component (loaded by the Rasa server, Python 3.10, never by the bot): the sentence
features of Rasa's CountVectorsFeaturizer, without its per-token features, for a batch at once.

CountVectorsFeaturizer transforms every message on its own, once per token (sequence features)
and once for the whole text (sentence features): 1.1-1.7 ms a text in a batch of 32, most of a
Rasa parse once our components were vectorised. Our TfidfIntentClassifier and FaqSelector read
only the sentence features, so this featurizer builds just those, with one
`CountVectorizer.transform` over the batch's texts, the same numbers as CountVectorsFeaturizer:
the tokenizer's tokens (their lemma, which is their text), each whole number made `__NUMBER__`,
lower-cased, joined by spaces, then sklearn's word n-grams (token pattern `\\b\\w+\\b`) or
`char_wb` n-grams; the vocabulary is fitted on the training examples' texts the same way. There is
no `__CLS__` token in Rasa 3 and no OOV token in our pipeline, so neither is reproduced.

The vocabulary is saved as JSON (no pickle). rasa_project.write_project copies this file into the
generated project, on the server's PYTHONPATH.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent  # type: ignore[import-not-found]
from rasa.engine.recipes.default_recipe import DefaultV1Recipe  # type: ignore[import-not-found]
from rasa.engine.storage.resource import Resource  # type: ignore[import-not-found]
from rasa.engine.storage.storage import ModelStorage  # type: ignore[import-not-found]
from rasa.nlu.featurizers.sparse_featurizer.sparse_featurizer import (  # type: ignore[import-not-found]
    SparseFeaturizer,
)
from rasa.nlu.tokenizers.tokenizer import Tokenizer  # type: ignore[import-not-found]
from rasa.shared.nlu.training_data.message import Message  # type: ignore[import-not-found]
from rasa.shared.nlu.training_data.training_data import (  # type: ignore[import-not-found]
    TrainingData,
)
from sklearn.feature_extraction.text import CountVectorizer  # type: ignore[import-untyped]

VOCABULARY_FILE = "vocabulary.json"
_NUMBER = re.compile(r"\b[0-9]+\b")


def sentence_text(message: Message) -> str | None:
    """What CountVectorsFeaturizer transforms for a message's sentence features (None: no text
    or no tokens, so no features)."""
    if message.get("text") is None:
        return None
    tokens = [t.lemma for t in message.get("text_tokens") or []]
    if not tokens:
        return None
    return " ".join(_NUMBER.sub("__NUMBER__", t).lower() for t in tokens)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceCountsFeaturizer(SparseFeaturizer, GraphComponent):  # type: ignore[misc]
    """Counts of word or character n-grams of the whole text, a batch in one transform."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **SparseFeaturizer.get_default_config(),
            "analyzer": "word",
            "min_ngram": 1,
            "max_ngram": 1,
        }

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if config.get("analyzer") not in ("word", "char", "char_wb"):
            raise ValueError(f"analyzer must be word, char or char_wb: {config.get('analyzer')}")

    def __init__(
        self,
        config: dict[str, Any],
        storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        vocabulary: list[str] | None = None,
    ) -> None:
        super().__init__(execution_context.node_name, config)
        self.storage = storage
        self.resource = resource
        self.vectorizer = self._vectorizer(vocabulary) if vocabulary else None

    def _vectorizer(self, vocabulary: list[str] | None = None) -> CountVectorizer:
        word = self._config["analyzer"] == "word"
        return CountVectorizer(
            token_pattern=r"(?u)\b\w+\b" if word else None,
            lowercase=True,
            ngram_range=(self._config["min_ngram"], self._config["max_ngram"]),
            analyzer=self._config["analyzer"],
            vocabulary={term: index for index, term in enumerate(vocabulary)}
            if vocabulary
            else None,
        )

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceCountsFeaturizer:
        return cls(config, model_storage, resource, execution_context)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentenceCountsFeaturizer:
        try:
            with model_storage.read_from(resource) as directory:
                terms = json.loads((Path(directory) / VOCABULARY_FILE).read_text("utf-8"))
        except (ValueError, FileNotFoundError):
            terms = None  # nothing was trained: no features
        return cls(config, model_storage, resource, execution_context, terms)

    def train(self, training_data: TrainingData) -> Resource:
        texts = [sentence_text(m) or "" for m in training_data.training_examples]
        vectorizer = self._vectorizer()
        try:
            vectorizer.fit(texts)
        except ValueError:  # no text at all: CountVectorsFeaturizer leaves it untrained too
            return self.resource
        terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
        self.vectorizer = self._vectorizer(terms)
        with self.storage.write_to(self.resource) as directory:
            path = Path(directory) / VOCABULARY_FILE
            path.write_text(json.dumps(terms, ensure_ascii=False), "utf-8")
        return self.resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        if self.vectorizer is None:
            return messages
        texts = [(m, sentence_text(m)) for m in messages]
        featured = [(m, t) for m, t in texts if t is not None]
        if not featured:
            return messages
        counts = self.vectorizer.transform([t for _, t in featured])
        counts.sort_indices()
        for row, (message, _) in enumerate(featured):
            self.add_features_to_message(None, counts[row].tocoo(), "text", message)
        return messages

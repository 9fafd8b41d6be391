"""Run by the Rasa environment's Python (tests/bot/nlu/test_rasa_featurizer.py), never by the bot:
trains Rasa's CountVectorsFeaturizer and our SentenceCountsFeaturizer on the same texts, loads ours
back from its saved vocabulary (as the Rasa server does), and prints, as JSON, whether each text's
sentence features are the same for both analyzers; and whether ours, trained on no example and
loaded, gives no feature at all ("untrained").

argv: a JSON file {"train": [[text, intent], ...], "texts": [text, ...]}; the generated
project's components must be on PYTHONPATH (rasa_project.copy_components).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from rasa.engine.graph import ExecutionContext, GraphSchema  # type: ignore[import-not-found]
from rasa.engine.storage.local_model_storage import (  # type: ignore[import-not-found]
    LocalModelStorage,
)
from rasa.engine.storage.resource import Resource  # type: ignore[import-not-found]
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import (  # type: ignore[import-not-found]
    CountVectorsFeaturizer,
)
from rasa.shared.nlu.training_data.message import Message  # type: ignore[import-not-found]
from rasa.shared.nlu.training_data.training_data import (  # type: ignore[import-not-found]
    TrainingData,
)
from rasa_featurizer import SentenceCountsFeaturizer  # type: ignore[import-not-found]
from rasa_tokenizer import FoldingTokenizer  # type: ignore[import-not-found]

ANALYZERS = {
    "word": {"min_ngram": 1, "max_ngram": 2},
    "char_wb": {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5},
}


def _component(
    cls: type, name: str, config: dict, storage: LocalModelStorage, *, load: bool = False
) -> object:
    context = ExecutionContext(GraphSchema({}), node_name=name)
    make = cls.load if load else cls.create
    return make({**cls.get_default_config(), **config}, storage, Resource(name), context)


def _sentence(message: Message) -> list[tuple[int, int]]:
    for f in message.features:
        if f.attribute == "text" and f.type == "sentence":
            m = f.features.tocoo()
            return sorted(zip(m.col.tolist(), m.data.tolist(), strict=True))
    return []


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text("utf-8"))
    storage = LocalModelStorage(Path(tempfile.mkdtemp()))
    tokenizer = _component(FoldingTokenizer, "tokenizer", {}, storage)
    data = TrainingData([Message.build(text=t, intent=i) for t, i in spec["train"]])
    tokenizer.process_training_data(data)
    report = {}
    for analyzer, config in ANALYZERS.items():
        theirs = _component(CountVectorsFeaturizer, f"rasa_{analyzer}", config, storage)
        ours = _component(SentenceCountsFeaturizer, f"ours_{analyzer}", config, storage)
        theirs.train(data)
        ours.train(data)
        loaded = _component(
            SentenceCountsFeaturizer, f"ours_{analyzer}", config, storage, load=True
        )
        untrained = _component(SentenceCountsFeaturizer, f"none_{analyzer}", config, storage)
        untrained.train(TrainingData([]))
        untrained = _component(
            SentenceCountsFeaturizer, f"none_{analyzer}", config, storage, load=True
        )
        a, b, c = ([Message.build(text=t) for t in spec["texts"]] for _ in range(3))
        for messages in (a, b, c):
            tokenizer.process(messages)
        theirs.process(a)
        loaded.process(b)
        untrained.process(c)
        report[analyzer] = {
            "same": [_sentence(x) == _sentence(y) for x, y in zip(a, b, strict=True)],
            "nonempty": [bool(_sentence(x)) for x in a],
            "sequence": [any(f.type == "sequence" for f in y.features) for y in b],
            "untrained": [not m.features for m in c],
        }
    print(json.dumps(report))


if __name__ == "__main__":
    main()

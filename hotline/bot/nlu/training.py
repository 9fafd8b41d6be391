"""Training the local NLU from the Rasa YAML files, and knowing when the model is out of date."""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hotline import yaml_text
from hotline.bot.nlu.augment import Augmentation, augment_texts
from hotline.bot.nlu.classifier import (
    FEATURES_VERSION,
    META_FILE,
    WEIGHTS_FILE,
    IntentClassifier,
    TrainingSettings,
    read_meta,
)

DATA_DIR = Path(__file__).parent / "data"
# Chosen by grouped cross-validation and the dev split together
# (benchmarks/intent_generalisation.py,
# README "Answers citizens can trust").
SETTINGS = TrainingSettings()
AUGMENTATION = Augmentation(copies=0)

# Rasa's entity annotations: [text](entity), [text](entity:value) or [text]{"entity": ...}.
_ANNOTATION = re.compile(r"\[(?P<text>[^\]\n]+)\](?:\((?P<short>[^)\n]+)\)|(?P<json>\{[^}\n]*\}))")


@dataclass(frozen=True)
class Annotation:
    """An entity marked in a training example; offsets into the stripped text."""

    entity: str
    start: int
    end: int


@dataclass(frozen=True)
class Example:
    text: str
    intent: str
    annotations: tuple[Annotation, ...] = ()


@dataclass(frozen=True)
class TrainReport:
    examples: int
    intents: int
    features: int
    seconds: float
    model_dir: Path
    fingerprint: str

    def __str__(self) -> str:
        return (
            f"trained the local NLU on {self.examples} examples of {self.intents} intents "
            f"({self.features} features) in {self.seconds:.2f} s -> {self.model_dir}"
        )


def strip_annotations(text: str) -> tuple[str, tuple[Annotation, ...]]:
    """The example as a citizen would type it, and the entities that were marked in it."""
    plain: list[str] = []
    annotations: list[Annotation] = []
    position = 0
    length = 0
    for match in _ANNOTATION.finditer(text):
        before = text[position : match.start()]
        plain.append(before)
        length += len(before)
        if match.group("short"):
            entity = match.group("short").split(":")[0].strip()
        else:
            entity = str(yaml_text.read(match.group("json")).get("entity", ""))
        annotations.append(Annotation(entity, length, length + len(match.group("text"))))
        plain.append(match.group("text"))
        length += len(match.group("text"))
        position = match.end()
    plain.append(text[position:])
    return "".join(plain), tuple(annotations)


def default_data_paths() -> list[Path]:
    """Every YAML file under bot/nlu/data, in a stable order."""
    return sorted(p for p in DATA_DIR.rglob("*") if p.suffix in (".yml", ".yaml"))


def read_examples(paths: Iterable[Path] | None = None) -> list[Example]:
    """The intent examples of Rasa 3.x NLU files (other sections, e.g. synonyms, are skipped)."""
    examples: list[Example] = []
    for path in default_data_paths() if paths is None else paths:
        document = yaml_text.read(path.read_text("utf-8")) or {}
        for item in document.get("nlu") or []:
            if "intent" not in item:
                continue
            for raw in _example_lines(item.get("examples")):
                text, annotations = strip_annotations(raw)
                if text.strip():
                    examples.append(Example(text.strip(), str(item["intent"]), annotations))
    return examples


def _example_lines(block: Any) -> list[str]:
    if isinstance(block, str):
        return [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("- ")]
    if isinstance(block, list):  # the long form: a list of {"text": ...}
        return [str(e["text"] if isinstance(e, dict) else e) for e in block]
    return []


def fingerprint(paths: Iterable[Path] | None = None) -> str:
    """A hash of the training files' names and contents and of the feature code's version."""
    digest = hashlib.sha256(f"features:{FEATURES_VERSION}\n".encode())
    for path in default_data_paths() if paths is None else sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def train(model_dir: Path, data_paths: list[Path] | None = None) -> TrainReport:
    """Train the local classifier from the YAML files and save it in `model_dir`."""
    started = time.perf_counter()
    paths = default_data_paths() if data_paths is None else list(data_paths)
    examples = read_examples(paths)
    if not examples:
        raise ValueError(f"no NLU training examples in {[str(p) for p in paths]}")
    model = fit_examples(examples)
    stamp = fingerprint(paths)
    model.save(
        model_dir,
        {
            "fingerprint": stamp,
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "examples": len(examples),
            "data": [str(p) for p in paths],
        },
    )
    seconds = time.perf_counter() - started
    return TrainReport(
        len(examples), len(model.intents), len(model.vocabulary), seconds, model_dir, stamp
    )


def fit_examples(
    examples: list[Example],
    settings: TrainingSettings = SETTINGS,
    augmentation: Augmentation = AUGMENTATION,
) -> IntentClassifier:
    """The classifier trained on the examples and, unless `augmentation.copies` is 0, their
    variants as citizens type them (`augment.py`)."""
    counts = Counter(e.intent for e in examples)
    if len(counts) < 2:
        raise ValueError("need examples of at least two intents")
    texts, labels = [e.text for e in examples], [e.intent for e in examples]
    if augmentation.copies:
        texts, labels = augment_texts(texts, labels, augmentation)
    return IntentClassifier.fit(texts, labels, settings)


def model_is_stale(model_dir: Path, data_paths: list[Path] | None = None) -> bool:
    """True when there is no model, or it was trained from other data or older feature code."""
    if not all((model_dir / f).is_file() for f in (META_FILE, WEIGHTS_FILE)):
        return True
    return bool(read_meta(model_dir).get("fingerprint") != fingerprint(data_paths))

"""The Rasa project generated from our training data and the FAQ entries.

Our YAML (bot/nlu/data/nlu.yml) is the single source for both back ends. Rasa gets it as is, plus
one retrieval intent `faq/<entry id>` per published FAQ entry built from the entry's question
variants, so the ResponseSelector picks the entry itself. The domain lists `utter_faq/<id>` only as
placeholders: answer texts stay in the FAQ store, so an edited answer is live without retraining.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

from hotline import yaml_text
from hotline.bot.nlu import normalize

NLU_DATA = Path(__file__).parent / "data" / "nlu.yml"
FAQ_INTENT = "faq"
RASA_TOKENIZER = Path(__file__).parent / "rasa_tokenizer.py"
RASA_COMPONENTS = Path(__file__).parent / "rasa_components.py"
RASA_FEATURIZER = Path(__file__).parent / "rasa_featurizer.py"
RASA_BATCH = Path(__file__).parent / "rasa_batch.py"  # the batch parse channel (rasa_server)

# Measured with bot/nlu/rasa_evaluate.py (see the README): words, word pairs and character n-grams
# of the folded text, then our linear models on TF-IDF weights (rasa_components.py) for the
# intent and the FAQ entry; Rasa's LogisticRegressionClassifier, DIET and ResponseSelector were
# measured too (rasa_evaluate.PIPELINES) and were less accurate or much slower to train.
# Both models also see the message's short numbers ("numbers": that block's weight), which the
# featurizers fold into one __NUMBER__ token, so "mũi 2" and "mũi 3" looked the same. Compared
# on dev splits (seeds 2000-2002, never the reported 1022-1024) with the same data: numbers at
# 0.5 took FAQ top-1 from 90.4% to 92.3% (1.0: 92.1%, number + preceding word: 92.1%); the
# intent model's C at 100 instead of 10 took intent accuracy from 91.1% to 93.2% (30: 92.3%).
# With the added data: C 300 (92.9% against 93.1%), no class balance (91.4% against 92.7%) or
# half of it (92.0%) were worse; FaqSelector C 30-1000, character 2-4 or 3-5-grams and word
# 1-3-grams were within a point or worse. These comparisons ran on a scikit-learn replica of the
# two components (same features, same LinearModel), within 0.3 points of rasa_evaluate's figures.
# rasa_featurizer.SentenceCountsFeaturizer gives the sentence features of Rasa's
# CountVectorsFeaturizer (the same numbers; COUNT_VECTORS is that pipeline's featurizers) without
# the per-token features nothing of ours reads, one transform per batch.
PIPELINE: list[dict[str, Any]] = [
    {"name": "rasa_tokenizer.FoldingTokenizer"},
    {"name": "rasa_featurizer.SentenceCountsFeaturizer", "min_ngram": 1, "max_ngram": 2},
    {
        "name": "rasa_featurizer.SentenceCountsFeaturizer",
        "analyzer": "char_wb",
        "min_ngram": 2,
        "max_ngram": 5,
    },
    {"name": "rasa_components.TfidfIntentClassifier", "C": 100.0, "numbers": 0.5},
    {
        "name": "rasa_components.FaqSelector",
        "retrieval_intent": FAQ_INTENT,
        "C": 100.0,
        "numbers": 0.5,
    },
]

COUNT_VECTORS: list[dict[str, Any]] = [
    {"name": "CountVectorsFeaturizer", "min_ngram": 1, "max_ngram": 2},
    {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5},
]

ANSWER_SENTENCES = 2
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")


class FaqQuestions(Protocol):
    """What the generator needs of an FAQ entry (hotline.faq.entries.FaqEntry has it)."""

    @property
    def id(self) -> str: ...

    @property
    def questions(self) -> Sequence[str]: ...

    @property
    def answer(self) -> str: ...


@dataclass(frozen=True)
class Example:
    """One training example: `text` is plain, `annotated` keeps Rasa's entity markup."""

    intent: str
    text: str
    annotated: str
    faq_entry: str | None = None


def plain_text(annotated: str) -> str:
    """`[Thủ Dầu Một](district)` -> `Thủ Dầu Một`."""
    return _ANNOTATION.sub(r"\1", annotated)


def read_examples(path: Path = NLU_DATA) -> list[Example]:
    """The intent examples of a Rasa 3.x NLU YAML file."""
    document = yaml_text.read(path.read_text(encoding="utf-8")) or {}
    examples: list[Example] = []
    for item in document.get("nlu", []):
        if "intent" not in item:
            continue
        for line in str(item.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                annotated = line[2:].strip()
                examples.append(Example(item["intent"], plain_text(annotated), annotated))
    return examples


def read_extras(path: Path = NLU_DATA) -> list[dict[str, Any]]:
    """The non-intent items (regex, lookup, synonym), passed to Rasa unchanged."""
    document = yaml_text.read(path.read_text(encoding="utf-8")) or {}
    return [item for item in document.get("nlu", []) if "intent" not in item]


def faq_examples(entries: Iterable[FaqQuestions]) -> list[Example]:
    """One `faq/<id>` example per question variant, plus the answer's leading sentences;
    duplicates after folding are kept once."""
    examples: list[Example] = []
    for entry in entries:
        seen: set[str] = set()
        for question in [*entry.questions, *answer_sentences(entry.answer)]:
            key = normalize.normalize(question)
            if key and key not in seen:
                seen.add(key)
                text = question.strip()
                examples.append(Example("ask_faq", text, _escape(text), faq_entry=entry.id))
    return examples


def answer_sentences(answer: str) -> list[str]:
    """The first ANSWER_SENTENCES sentences of an answer of at least three words each.

    They name what the entry is about in the words citizens then ask with, which tells apart
    neighbouring entries whose question variants overlap: on validation folds of the training
    data (never the reported test splits) FAQ top-1 went from 87.6% to 91.1%.
    """
    sentences = (s.strip() for s in _SENTENCE_END.split(answer))
    return [s for s in sentences if len(s.split()) >= 3][:ANSWER_SENTENCES]


def _escape(text: str) -> str:
    # A literal "[x](y)" in a question would read as an entity annotation.
    return text.replace("[", "(").replace("]", ")")


def fingerprint(examples: Sequence[Example], extras: Sequence[dict[str, Any]] = ()) -> str:
    """Changes whenever anything that goes into the model changes (data, pipeline, tokenizer)."""
    digest = hashlib.sha256()
    payload = {
        "examples": sorted((e.intent, e.annotated, e.faq_entry or "") for e in examples),
        "extras": list(extras),
        "pipeline": PIPELINE,
    }
    digest.update(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode())
    digest.update(RASA_TOKENIZER.read_bytes())
    digest.update(RASA_COMPONENTS.read_bytes())
    digest.update(RASA_FEATURIZER.read_bytes())
    digest.update(Path(normalize.__file__).read_bytes())
    return digest.hexdigest()[:16]


def _block(lines: Iterable[str]) -> str:
    return "".join(f"- {line}\n" for line in lines)


def write_project(
    target: Path,
    examples: Sequence[Example],
    extras: Sequence[dict[str, Any]] = (),
    pipeline: Sequence[dict[str, Any]] = PIPELINE,
) -> Path:
    """Write config.yml, domain.yml, data/nlu.yml and the tokenizer module under `target`."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "data").mkdir(exist_ok=True)
    by_intent: dict[str, list[str]] = {}
    for example in examples:
        name = f"{FAQ_INTENT}/{example.faq_entry}" if example.faq_entry else example.intent
        by_intent.setdefault(name, []).append(example.annotated)
    nlu: list[dict[str, Any]] = [
        {"intent": name, "examples": _block(lines)} for name, lines in sorted(by_intent.items())
    ]
    nlu.extend(extras)
    entries = sorted({e.faq_entry for e in examples if e.faq_entry})
    intents = sorted({n.split("/")[0] for n in by_intent})
    domain = {
        "version": "3.1",
        "intents": intents,
        # Placeholders: the bot reads the answer from the FAQ store by the entry id.
        "responses": {f"utter_{FAQ_INTENT}/{entry}": [{"text": entry}] for entry in entries},
    }
    config = {
        "recipe": "default.v1",
        "assistant_id": "hotline1022",
        "language": "vi",
        "pipeline": list(pipeline),
        "policies": [],
    }
    _dump(target / "config.yml", config)
    _dump(target / "domain.yml", domain)
    _dump(target / "data" / "nlu.yml", {"version": "3.1", "nlu": nlu})
    copy_components(target)
    return target


def copy_components(target: Path) -> Path:
    """Our Rasa components, importable by module name from `target` (put on PYTHONPATH)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(RASA_TOKENIZER, target / "rasa_tokenizer.py")
    shutil.copyfile(RASA_COMPONENTS, target / "rasa_components.py")
    shutil.copyfile(RASA_FEATURIZER, target / "rasa_featurizer.py")
    shutil.copyfile(RASA_BATCH, target / "rasa_batch.py")
    shutil.copyfile(normalize.__file__, target / "hotline_normalize.py")
    return target


def _dump(path: Path, data: Any) -> None:
    text = yaml.dump(data, allow_unicode=True, sort_keys=False, width=1000, Dumper=_Literal)
    path.write_text(text, encoding="utf-8")


class _Literal(yaml.SafeDumper):
    """Multi-line strings as `|` blocks, the way Rasa's own files write examples."""


def _literal(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Literal.add_representer(str, _literal)

"""The Rasa-format training data, training the local model, and the staleness fingerprint."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hotline.bot.nlu import training
from hotline.bot.nlu.base import INTENTS
from hotline.bot.nlu.entities import extract_entities
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.normalize import normalize
from hotline.bot.nlu.training import (
    Annotation,
    default_data_paths,
    model_is_stale,
    read_examples,
    strip_annotations,
    train,
)

SMALL = """\
version: "3.1"
nlu:
- intent: greet
  examples: |
    - xin chào
    - chào bạn
    - alo tổng đài
    - hello ad
- intent: emergency
  examples: |
    - khó thở quá
    - mẹ tôi bất tỉnh
    - cấp cứu gấp
    - spo2 còn 88
- intent: check_status
  examples: |
    - tra cứu mã [PA-7K3Q-9X2M](ticket_code)
    - phản ánh của tôi sao rồi
    - kiểm tra tình trạng phản ánh
    - mã [pa4hnt8rw2]{"entity": "ticket_code"} tới đâu rồi
- synonym: Thủ Dầu Một
  examples: |
    - tdm
"""


@pytest.fixture
def small_data(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "nlu.yml"
    path.parent.mkdir()
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_shipped_data_is_rasa_3_format() -> None:
    (path,) = [p for p in default_data_paths() if p.name == "nlu.yml"]
    document = yaml.safe_load(path.read_text("utf-8"))
    assert document["version"] == "3.1"
    assert all(set(item) == {"intent", "examples"} for item in document["nlu"])
    assert all(isinstance(item["examples"], str) for item in document["nlu"])


def test_every_intent_has_at_least_50_distinct_examples() -> None:
    examples = read_examples()
    by_intent: dict[str, set[str]] = {}
    for example in examples:
        by_intent.setdefault(example.intent, set()).add(example.text)
    assert set(by_intent) == set(INTENTS)
    assert {i: len(t) for i, t in by_intent.items() if len(t) < 50} == {}


def test_no_text_is_taught_as_two_intents() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for example in read_examples():
        key = normalize(example.text)
        if seen.setdefault(key, example.intent) != example.intent:
            clashes.append((example.text, seen[key], example.intent))
    assert clashes == []


def test_training_text_has_no_annotation_left() -> None:
    examples = read_examples()
    assert not [e.text for e in examples if "](" in e.text or "]{" in e.text]
    assert sum(1 for e in examples if e.annotations) >= 50


def test_annotations_agree_with_the_entity_extractor() -> None:
    """The marked spans are what extract_entities finds, so Rasa and local agree."""
    disagreements = []
    for example in read_examples():
        found = {(e.entity, e.start, e.end) for e in extract_entities(example.text)}
        for mark in example.annotations:
            if (mark.entity, mark.start, mark.end) not in found:
                disagreements.append((example.text, mark))
    assert disagreements == []


def test_strip_annotations() -> None:
    text, marks = strip_annotations("ở [Phú Cường](ward), sdt [0912345678](phone)")
    assert text == "ở Phú Cường, sdt 0912345678"
    assert marks == (Annotation("ward", 2, 11), Annotation("phone", 17, 27))
    text, marks = strip_annotations('mã [pa4hnt8rw2]{"entity": "ticket_code", "value": "x"}')
    assert (text, marks) == ("mã pa4hnt8rw2", (Annotation("ticket_code", 3, 13),))
    assert strip_annotations("[tdm](district:Thủ Dầu Một)")[0] == "tdm"


def test_read_examples_skips_other_sections(small_data: Path) -> None:
    examples = read_examples([small_data])
    assert len(examples) == 12
    assert {e.intent for e in examples} == {"greet", "emergency", "check_status"}
    assert "mã pa4hnt8rw2 tới đâu rồi" in {e.text for e in examples}


def test_train_load_parse_round_trip(small_data: Path, tmp_path: Path) -> None:
    model_dir = tmp_path / "model"
    report = train(model_dir, [small_data])
    assert (report.examples, report.intents) == (12, 3)
    assert report.seconds > 0
    assert "12 examples" in str(report)
    nlu = LocalNLU.load(model_dir)
    result = nlu.parse_sync("kho tho qua cap cuu")
    assert result.intent.name == "emergency"
    assert result.intent.confidence > 0.5
    assert nlu.parse_sync("tra cuu PA-9CUE-4TZS").entity("ticket_code") == "PA-9CUE-4TZS"


def test_staleness_follows_the_training_files(small_data: Path, tmp_path: Path) -> None:
    model_dir = tmp_path / "model"
    assert model_is_stale(model_dir, [small_data])
    train(model_dir, [small_data])
    assert not model_is_stale(model_dir, [small_data])
    assert model_is_stale(model_dir)  # trained from other data than the shipped files
    small_data.write_text(SMALL + "    - thêm một câu\n", encoding="utf-8")
    assert model_is_stale(model_dir, [small_data])


def test_half_written_model_is_stale(small_data: Path, tmp_path: Path) -> None:
    model_dir = tmp_path / "model"
    train(model_dir, [small_data])
    (model_dir / "weights.npz").unlink()
    assert model_is_stale(model_dir, [small_data])


def test_staleness_follows_the_feature_code(
    small_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_dir = tmp_path / "model"
    train(model_dir, [small_data])
    monkeypatch.setattr(training, "FEATURES_VERSION", training.FEATURES_VERSION + 1)
    assert model_is_stale(model_dir, [small_data])


def test_training_needs_examples(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yml"
    empty.write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    with pytest.raises(ValueError, match="no NLU training examples"):
        train(tmp_path / "model", [empty])

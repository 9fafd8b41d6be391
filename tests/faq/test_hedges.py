"""Hedges and closing particles weigh nothing against an entry (hotline.faq.hedges)."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry
from hotline.faq.hedges import hedges


def test_hedges_with_their_own_diacritics() -> None:
    assert hedges("chắc tháng sau mới có gạo, thôi cho hỏi phát ở đâu") == {"chac", "thoi"}
    assert hedges("cách ly ở nhà thôi à") == {"thoi"}
    assert hedges("chỉ em chỗ tiêm với nha") == {"nha"}
    assert hedges("mai đi khai báo nhá") == {"nha"}


def test_bare_text_says_nothing() -> None:
    assert hedges("thoi cho hoi tiem o dau nha") == frozenset()


def test_the_same_letters_meaning_something_else_stay() -> None:
    assert hedges("thời gian giãn cách kéo dài bao lâu") == frozenset()
    assert hedges("nghỉ thôi việc có được trợ cấp không") == frozenset()
    assert hedges("ở nhà tự cách ly được không") == frozenset()


def test_the_house_beside_the_particle_is_the_question() -> None:
    # "nhà" and the particle "nha" fold alike: the house is asked.
    assert hedges("nhà có F0 thì báo ai nha") == frozenset()


def test_a_hedge_weighs_nothing_against_an_entry_that_never_says_it() -> None:
    rice = FaqEntry(
        "gao", ("Gạo hỗ trợ phát ở đâu?",), "Tại văn phòng khu phố.", "ho_tro", "published"
    )
    bus = FaqEntry("xe", ("Thẻ xe buýt làm ở đâu?",), "Tại bến xe.", "giao_thong", "published")
    coverage = Coverage([rice, bus], words)
    plain = "gạo hỗ trợ phát ở đâu"
    hedged = "chắc chưa có đâu, thôi gạo hỗ trợ phát ở đâu"
    bare = "chac chua co dau, thoi gao ho tro phat o dau"
    assert coverage.uncovered("gao", words(plain), plain) == 0.0
    assert coverage.uncovered("gao", words(hedged), hedged) == 0.0
    assert coverage.uncovered("gao", words(bare), bare) > 0.0

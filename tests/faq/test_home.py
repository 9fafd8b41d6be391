"""The province's own towns, where the asker is, weigh nothing against an entry."""

from __future__ import annotations

from hotline.faq.home import where


def test_a_town_where_the_asker_is() -> None:
    assert where("nhà tôi ở Thuận An, muốn tiêm mũi 3 thì đăng ký đâu") == {"thuan", "an"}
    assert where("gần chợ Phú Cường có điểm xét nghiệm nào không") == {"phu", "cuong"}


def test_a_town_whose_own_state_is_asked_keeps_its_weight() -> None:
    assert where("Dĩ An còn phong tỏa không") == frozenset()


def test_only_with_its_own_diacritics() -> None:
    assert where("tối nay đi ăn ở quán được không") == frozenset()
    assert where("o thuan an tiem mui 3 o dau") == frozenset()


def test_a_word_also_used_otherwise_is_the_question() -> None:
    assert "an" not in where("ở Thuận An, tiêm xong có được ăn an toàn không")

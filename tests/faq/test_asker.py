"""The asker's self-introduction: who writes is not what is asked."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.asker import introduction
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Tôi là thợ mộc, công trình đóng cửa thì có được hỗ trợ không", {"tho", "moc"}),
        ("em là sinh viên năm cuối, thẻ xe buýt làm ở đâu", {"sinh", "vien"}),
        ("Kính gửi, tôi là giáo viên mầm non muốn hỏi lịch nghỉ", {"giao", "vien", "non"}),
    ],
)
def test_a_role_after_toi_la_is_an_introduction(text: str, role: set[str]) -> None:
    assert role <= introduction(text, words)


@pytest.mark.parametrize(
    "text",
    [
        "tôi là F1 thì có phải ở nhà không",  # a status the answer depends on
        "em là người nước ngoài có được khám miễn phí không",  # who, not a job
        "mình là thai phụ thì đi khám ở đâu",  # a case the answer depends on
        "thợ hồ là gì",  # no one introduces themself
        "tôi là thợ hồ.",  # nothing asked after it
    ],
)
def test_no_introduction(text: str) -> None:
    assert introduction(text, words) == frozenset()


def test_an_introduction_ends_with_its_clause() -> None:
    found = introduction("Tôi là thợ mộc, công trình đóng cửa thì sao", words)
    assert found == {"tho", "moc"}


def test_a_word_the_question_uses_again_is_not_only_the_askers() -> None:
    text = "tôi là tài xế xe tải, tài xế có phải xét nghiệm không"
    assert "tai" not in introduction(text, words)


@pytest.fixture
def coverage() -> Coverage:
    entries = [
        FaqEntry(
            "the-xe",
            ("Thẻ xe buýt làm ở đâu?",),
            "Thẻ xe buýt làm tại bến xe trung tâm.",
            "giao_thong",
            "published",
        ),
        FaqEntry(
            "sinh-vien",
            ("Sinh viên được giảm học phí không?",),
            "Sinh viên được giảm một nửa.",
            "giao_duc",
            "published",
        ),
    ]
    return Coverage(entries, words)


def test_an_introduction_does_not_count_against_an_entry(coverage: Coverage) -> None:
    plain = coverage.uncovered("the-xe", words("thẻ xe buýt làm ở đâu"))
    text = "tôi là sinh viên, thẻ xe buýt làm ở đâu"
    assert coverage.uncovered("the-xe", words(text), text) == plain == 0.0


def test_the_same_words_asked_about_still_count(coverage: Coverage) -> None:
    text = "sinh viên có được làm thẻ xe buýt không"
    assert coverage.uncovered("the-xe", words(text), text) > 0.0


def test_what_the_askers_shop_sells_is_the_askers() -> None:
    assert {"tap", "hoa"} <= introduction("tiệm tạp hóa của em có được mở cửa không", words)
    assert {"banh", "xeo"} <= introduction("quan banh xeo cua minh ban mang ve duoc ko", words)
    # No goods named, or a status, is not a shop's goods.
    assert introduction("quán của tôi có được bán không", words) == frozenset()
    assert introduction("tiệm thuốc tây F0 của tôi có phải đóng không", words) == frozenset()


def test_a_shot_is_not_a_shop() -> None:
    assert introduction("mũi tiêm thứ 2 của tôi chưa hiện trên app", words) == frozenset()
    assert introduction("quán ăn nhà tôi phải đóng cửa có được hỗ trợ không", words) == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "tiêm vắc xin của em bị sốt thì làm sao",  # "tiêm", not "tiệm"
        "vừa xét nghiệm của em ra âm tính, đi làm được chưa",  # "vừa", not "vựa"
        "sắp hết giấy đi đường của tôi, gia hạn ở đâu",  # "sắp", not "sạp"
    ],
)
def test_a_word_folded_like_a_shop_sells_nothing(text: str) -> None:
    assert introduction(text, words) == frozenset()

"""Courtesy: salutations, addressees and closings are not what a question asks."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.courtesy import without_courtesy
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Kính gửi Tổng đài 1022, hộ nghèo được trợ cấp gạo không", "ho ngheo"),
        ("Kính thưa quý cơ quan: giấy xác nhận mất thì làm lại ở đâu", "giay xac nhan"),
        ("thưa các đồng chí, phiếu mua hàng phát ngày nào", "phieu mua hang"),
        ("dạ vâng ạ, vậy thẻ xanh in ở đâu", "the xanh"),
        ("xe buýt chạy lại chưa, xin trân trọng cảm ơn", "xe buyt"),
    ],
)
def test_salutations_and_closings_are_left_out(text: str, left: str) -> None:
    kept = without_courtesy(words(text))
    assert left in " ".join(kept)
    assert not {"kinh", "gui", "thua", "tran", "trong", "vang", "1022"} & set(kept)


@pytest.mark.parametrize(
    "text",
    [
        "buôn bán thua lỗ có được giãn nợ không",  # "thua" is "lose" here
        "gửi hồ sơ qua bưu điện được không",  # "gửi" is "send"
        "giá vàng hôm nay bao nhiêu",  # "vàng", gold, not "vâng"
        "tổng đài làm việc đến mấy giờ",  # the hotline asked of, not addressed
    ],
)
def test_the_same_words_asking_something_stay(text: str) -> None:
    assert without_courtesy(words(text)) == words(text)


def test_a_formal_question_is_as_covered_as_a_plain_one() -> None:
    coverage = Coverage(
        [
            FaqEntry(
                "gao",
                ("Hộ nghèo có được hỗ trợ gạo không?",),
                "Hộ nghèo được hỗ trợ 15 kg gạo mỗi người.",
                "ho_tro",
                "published",
            )
        ],
        words,
    )
    plain = coverage.uncovered("gao", words("hộ nghèo có được hỗ trợ gạo không"))
    formal = coverage.uncovered(
        "gao", words("Kính gửi quý cơ quan, hộ nghèo có được hỗ trợ gạo không, trân trọng")
    )
    assert plain == formal == 0.0

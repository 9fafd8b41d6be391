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
    ("text", "left"),
    [
        ("ông ngoại nhờ cháu hỏi giùm: thẻ bảo hiểm hết hạn gia hạn ở đâu", "the bao hiem"),
        ("xin được hỏi phí gửi xe ở bệnh viện là bao nhiêu", "phi gui xe"),
        ("hỏi luôn: tiền điện tháng này có giảm không", "tien dien"),
        ("đề nghị quý cơ quan giải thích cho tôi rõ mức phạt đốt rác", "muc phat dot rac"),
    ],
)
def test_how_and_for_whom_a_question_is_asked_is_left_out(text: str, left: str) -> None:
    kept = without_courtesy(words(text))
    assert left in " ".join(kept)
    assert not {"nho", "xin", "luon", "giai", "thich", "ro"} & set(kept)


@pytest.mark.parametrize(
    "text",
    [
        "nhờ hàng xóm đi chợ giùm có được không",  # a favour asked, not a question
        "giải thích vì sao phạt được không",  # an explanation asked for, not for whom
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

"""A formal letter that asks to be told is the FAQ's; one that pleads keeps its form."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.formal_letters import answered_letter, asking_letter


def _parse(text: str, top: str = "request_support") -> ParseResult:
    ranking = (Intent(top, 0.9), Intent("ask_faq", 0.07), Intent("feedback", 0.03))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "Kính gửi Tổng đài. Mẹ tôi bán vé số, mấy tháng nay không đi bán được. Xin cho biết "
        "người bán vé số có được nhận hỗ trợ không. Trân trọng.",
        "Kính thưa quý cơ quan, xưởng tôi tạm đóng cửa vì có ca F0. Kính mong quý cơ quan hướng "
        "dẫn thủ tục để công nhân nhận tiền hỗ trợ ngừng việc ở đâu.",
        "Tôi là tổ trưởng dân phố, nhiều hộ hết gạo. Xin hỏi các hộ này đăng ký nhận gạo ở đâu. "
        "Trân trọng cảm ơn.",
    ],
)
def test_a_letter_asking_to_be_told_is_the_faqs(text: str) -> None:
    assert asking_letter(text)
    moved = answered_letter(_parse(text))
    assert moved.intent == Intent("ask_faq", 0.9)
    assert [i.name for i in moved.intent_ranking] == ["ask_faq", "request_support", "feedback"]


@pytest.mark.parametrize(
    "text",
    [
        # A plea for help or for action keeps the form.
        "Kính gửi Tổng đài, nhà tôi 5 người bị phong tỏa, hết sạch lương thực. Kính mong được hỗ "
        "trợ. Trân trọng.",
        "Kính gửi Tổng đài, xưởng gỗ cạnh nhà tôi vẫn cho công nhân làm dù có F0. Đề nghị cơ quan "
        "kiểm tra xử lý. Trân trọng.",
        # No letter: the router's own rules apply.
        "nhà em hết gạo rồi xin cho biết nhận gạo ở đâu",
    ],
)
def test_a_plea_or_no_letter_is_left_alone(text: str) -> None:
    assert not asking_letter(text)
    parse = _parse(text)
    assert answered_letter(parse) is parse


def test_only_a_form_intent_is_moved() -> None:
    text = "Kính gửi Tổng đài. Xin cho biết F1 cách ly mấy ngày. Trân trọng."
    parse = _parse(text, "health_consult")
    assert answered_letter(parse) is parse


@pytest.mark.parametrize(
    ("text", "report"),
    [
        (
            "Kính gửi Tổng đài 1022. Nhà hàng xóm số 12 hẻm 5 có người dương tính không khai báo, "
            "vẫn đi chợ hằng ngày. Xin cho biết tôi phải báo ở đâu. Trân trọng.",
            "report_contact",
        ),
        (
            "Kính gửi 1022, quán karaoke Hoàng Gia đường Yersin vẫn mở cửa hát tới 2h sáng. Xin "
            "hỏi như vậy có vi phạm không. Trân trọng cảm ơn.",
            "report_violation",
        ),
    ],
)
def test_a_report_that_tells_a_tip_keeps_its_form(text: str, report: str) -> None:
    # It asks to be told, yet tells a place and what breaks the rules there: answered from the
    # FAQ, it would file no ticket.
    assert asking_letter(text)
    parse = _parse(text, report)
    assert answered_letter(parse) is parse
    assert answered_letter(_parse(text, "request_support")).intent.name == "ask_faq"

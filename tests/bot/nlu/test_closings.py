"""Formal closings and thanks to the hotline: courtesy, not feedback."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.closings import (
    THANKS_CONFIDENCE,
    courteous,
    thanks_the_hotline,
    without_closing,
)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Xin cho biết chợ đầu mối mở lại ngày nào. Trân trọng cảm ơn!",
            "Xin cho biết chợ đầu mối mở lại ngày nào",
        ),
        (
            "F0 ở nhà được phát thuốc gì, xin chân thành cảm ơn quý tổng đài",
            "F0 ở nhà được phát thuốc gì",
        ),
        (
            "Tiêm mũi 4 đăng ký ở đâu ạ. Kính chúc tổng đài luôn mạnh khỏe.",
            "Tiêm mũi 4 đăng ký ở đâu ạ",
        ),
        ("Tôi hỏi về giấy đi đường. Trân trọng.", "Tôi hỏi về giấy đi đường"),
    ],
)
def test_a_closing_is_taken_off_the_end(text: str, asked: str) -> None:
    assert without_closing(text) == asked


@pytest.mark.parametrize(
    "text", ["cảm ơn", "F1 cách ly bao lâu", "trân trọng cảm ơn các y bác sĩ tuyến đầu, chúc"]
)
def test_a_message_without_a_closing_is_kept_whole(text: str) -> None:
    assert without_closing(text) == text


@pytest.mark.parametrize(
    "text",
    ["Chúng tôi xin chân thành cảm ơn quý Tổng đài", "cảm ơn tổng đài đã trả lời rất rõ ràng"],
)
def test_thanks_to_the_hotline(text: str) -> None:
    assert thanks_the_hotline(text)


@pytest.mark.parametrize(
    "text",
    [
        "cảm ơn các bác sĩ trạm y tế đã đến tận nhà",  # others thanked: praise for the record
        "cảm ơn tổng đài, nhưng nên trả lời nhanh hơn",  # a wish beside the thanks
        "cảm ơn lãnh đạo tỉnh đã mở tổng đài này",
    ],
)
def test_praise_of_others_or_a_wish_is_no_bare_thanks(text: str) -> None:
    assert not thanks_the_hotline(text)


def _parse(text: str, top: str) -> ParseResult:
    ranking = (Intent(top, 0.6), Intent("ask_faq", 0.2), Intent("thank", 0.1))
    if top != "feedback":
        ranking = (Intent(top, 0.6), Intent("feedback", 0.2), Intent("greet", 0.1))
    return ParseResult(text, ranking[0], (), ranking)


def test_a_question_closed_formally_is_the_faqs() -> None:
    parse = courteous(_parse("Xin hỏi khi nào được đi làm lại. Trân trọng cảm ơn.", "feedback"))
    assert parse.intent == Intent("ask_faq", 0.6)
    assert parse.intent_ranking[:2] == (Intent("ask_faq", 0.6), Intent("feedback", 0.2))


def test_thanks_to_the_hotline_taken_for_feedback_is_thanks() -> None:
    parse = courteous(_parse("Tôi xin trân trọng cảm ơn quý Tổng đài đã hướng dẫn", "feedback"))
    assert parse.intent == Intent("thank", THANKS_CONFIDENCE)
    assert [i.name for i in parse.intent_ranking] == ["thank", "ask_faq", "feedback"]
    assert sum(i.confidence for i in parse.intent_ranking) == pytest.approx(1.0)


def test_praise_and_reports_are_left_alone() -> None:
    praise = _parse("xin cảm ơn các chiến sĩ công an ở chốt, trân trọng cảm ơn", "feedback")
    assert courteous(praise) is praise
    report = _parse("quán cà phê mở cửa bán tại chỗ. Trân trọng cảm ơn.", "report_violation")
    assert courteous(report) is report

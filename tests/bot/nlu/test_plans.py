"""A question on the asker's own plan or on what a service does for them is no report."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.plans import asked, asks_for_oneself


@pytest.mark.parametrize(
    "text",
    [
        "công ty tôi định cho công nhân ở lại xưởng ba tại chỗ, cần thủ tục gì",
        "chúng tôi muốn mở lại tiệm tóc thì phải đáp ứng những gì",
        "hẻm tui có ca nghi nhiễm, trạm y tế có đến xét nghiệm không",
        "người đi giao hàng cần giấy gì để qua chốt",
    ],
)
def test_questions_for_oneself(text: str) -> None:
    assert asks_for_oneself(text)


@pytest.mark.parametrize(
    "text",
    [
        "tôi muốn phản ánh quán nhậu mở cửa tới khuya, làm sao đây",  # a wish to report
        "quán cà phê đầu hẻm vẫn cho khách ngồi, sao không ai xử lý?",  # others' doing
        "tôi định đi chợ thì thấy chợ tự phát họp đông người",  # told, nothing asked
    ],
)
def test_reports_are_not(text: str) -> None:
    assert not asks_for_oneself(text)


def test_the_report_intent_trades_places_with_the_faqs() -> None:
    text = "nhà tôi muốn đón ông bà từ quê lên ở, cần khai báo gì"
    ranking = (Intent("report_contact", 0.7), Intent("ask_faq", 0.2), Intent("greet", 0.1))
    parse = asked(ParseResult(text, ranking[0], (), ranking))
    assert parse.intent_ranking == (
        Intent("ask_faq", 0.7),
        Intent("report_contact", 0.2),
        Intent("greet", 0.1),
    )


def test_other_intents_are_left_alone() -> None:
    parse = ParseResult(
        "nhà tôi muốn xin hỗ trợ gạo, cần giấy gì", Intent("request_support", 0.6), (), ()
    )
    assert asked(parse) is parse

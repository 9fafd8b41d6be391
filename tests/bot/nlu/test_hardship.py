from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.hardship import (
    SUPPORT_CONFIDENCE,
    asks_entitlement,
    entitled,
    pleaded,
    pleads_hunger,
)


@pytest.mark.parametrize(
    "text",
    [
        "mẹ con tôi ở phòng trọ hẻm 12, ba ngày nay không còn gì để ăn, giúp tôi với",
        "cả xóm trọ hết gạo rồi, xin hỗ trợ",
        "tui đói quá, ai giúp tui",
    ],
)
def test_hunger_with_a_plea_asks_for_support(text: str) -> None:
    assert pleads_hunger(text)


@pytest.mark.parametrize(
    "text",
    [
        "nhà hết gạo thì báo ai để được giúp",  # whom to turn to: the FAQ's
        "người hết tiền ăn có được xin gạo không, xin giúp em",
        "hết gạo rồi",  # no plea: the model's
        "giúp tôi với, mẹ tôi khó thở",
    ],
)
def test_asked_where_or_without_hunger_and_plea_it_is_not(text: str) -> None:
    assert not pleads_hunger(text)


def test_a_plea_taken_for_a_question_becomes_a_request_for_support() -> None:
    text = "hai ngày chưa có gì ăn, giúp em với"
    top = Intent("ask_faq", 0.8)
    parse = ParseResult(text, top, (), (top, Intent("request_support", 0.1)))
    assert pleaded(parse).intent == Intent("request_support", SUPPORT_CONFIDENCE)
    emergency = Intent("emergency", 0.6)
    assert pleaded(ParseResult(text, emergency, (), (emergency,))).intent == emergency


@pytest.mark.parametrize(
    "text",
    [
        "tôi chạy xe ôm, mất khách cả tháng nay, vậy tôi có được hỗ trợ gì không",
        "em bán hàng rong thì có được nhận hỗ trợ như lao động tự do không",
        "tôi làm thợ hồ theo ngày, đăng ký hỗ trợ ở ấp được không",
    ],
)
def test_whether_one_is_entitled_to_a_support_is_the_faqs(text: str) -> None:
    assert asks_entitlement(text)
    top = Intent("request_support", 0.6)
    parse = entitled(ParseResult(text, top, (), (top, Intent("ask_faq", 0.3))))
    assert parse.intent == Intent("ask_faq", 0.6)


@pytest.mark.parametrize(
    "text",
    [
        "nhà tôi có 3 người mất việc, xin hỗ trợ cho gia đình tôi",  # asks to be given it
        "cả nhà hết gạo rồi, xin giúp đỡ",
    ],
)
def test_a_request_for_support_stays_one(text: str) -> None:
    top = Intent("request_support", 0.6)
    parse = ParseResult(text, top, (), (top,))
    assert entitled(parse) is parse

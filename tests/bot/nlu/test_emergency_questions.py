from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.danger import DANGER_CONFIDENCE, names_danger
from hotline.bot.nlu.emergency_questions import calmed
from hotline.bot.nlu.rules import overlaid


def _taken_for_emergency(text: str, confidence: float = 0.6) -> ParseResult:
    ranking = (Intent("emergency", confidence), Intent("ask_faq", 0.3), Intent("greet", 0.1))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "gọi xe cấp cứu 115 có tốn tiền không",
        "máy đo SpO2 báo 98 là bình thường không",
        "cấp độ 4 thì có được mở chợ không",
    ],
)
def test_a_question_naming_no_danger_sign_is_the_faqs(text: str) -> None:
    assert calmed(_taken_for_emergency(text)).intent == Intent("ask_faq", 0.6)


@pytest.mark.parametrize(
    "text",
    [
        "ba tôi khó thở thì làm sao",  # a danger sign named
        "SpO2 còn 89 phải làm sao",  # a low reading
        "spo2 dưới 94 thì phải làm sao",  # below the level
        "cấp cứu gấp ở hẻm 5",  # told, not asked
    ],
)
def test_a_danger_sign_or_a_message_that_asks_nothing_stays_an_emergency(text: str) -> None:
    parse = _taken_for_emergency(text)
    assert calmed(parse) is parse


def test_the_danger_nets_emergency_is_never_undone() -> None:
    parse = _taken_for_emergency("xe cấp cứu có mất tiền không", DANGER_CONFIDENCE)
    assert calmed(parse) is parse
    now = "mẹ tôi đang bất tỉnh, gọi cấp cứu có mất tiền không"
    assert overlaid(_taken_for_emergency(now)).intent.name == "emergency"


def test_a_reading_below_the_level_is_low() -> None:
    assert names_danger("spo2 dưới 94 thì sao")
    assert not names_danger("spo2 dưới 96 thì sao")

"""The FAQ's own health guidance, asked: the FAQ's, whatever sign of illness sets it."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.danger import DANGER_CONFIDENCE
from hotline.bot.nlu.health_guidance import asks_guidance, guided


def _taken_for(text: str, name: str, confidence: float = 0.7) -> ParseResult:
    ranking = (Intent(name, confidence), Intent("ask_faq", 0.2), Intent("greet", 0.1))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "bố tôi bị covid, sốt cao hai ngày, khi nào thì nên chở ông vô viện",
        "chi so spo2 bao nhieu thi phai di kham",
        "chích xong bị đau tay, vậy có phải phản ứng bình thường không",
        "chị tôi dương tính mà có bệnh gan thì có được cách ly tại nhà không",
        "thấy những dấu hiệu nào thì phải gọi 115, bà tôi 80 tuổi rồi",
        "con ho với sốt nhẹ, muốn xét nghiệm thì đi chỗ nào",
        "ông nhà tôi sốt ba ngày rồi, lúc nào thì phải đưa vô nhà thương",
        "tiêm xong bị nhức tay, khi nào thì nên đi bác sĩ",
        "má tui bị covid thì ở nhà uống thuốc được không hay phải vô viện",
    ],
)
def test_the_faqs_guidance_asked_is_the_faqs(text: str) -> None:
    assert asks_guidance(text)
    assert guided(_taken_for(text, "health_consult")).intent == Intent("ask_faq", 0.7)


@pytest.mark.parametrize(
    "text",
    [
        "tôi sốt 39 độ, uống thuốc hạ sốt gì được",  # the consultant's
        "vợ tôi vừa sinh, bị F0, có cần vô viện không",  # whether, not when
        "khi nào thì phường phát gạo",  # no hospital, no ambulance
    ],
)
def test_other_health_questions_are_left_as_they_are(text: str) -> None:
    assert not asks_guidance(text)
    parse = _taken_for(text, "health_consult")
    assert guided(parse) == parse


@pytest.mark.parametrize(
    "text",
    [
        "SpO2 bao nhiêu là phải gọi xe cấp cứu vậy",  # a question, but an emergency is kept
        "ông tôi SpO2 còn 86, khi nào phải đưa đi viện",  # a low reading
        "chồng tôi ói ra máu, khi nào đi viện",  # a sign no list may hold
    ],
)
def test_an_emergency_is_never_taken_away(text: str) -> None:
    for confidence in (0.4, 0.7, DANGER_CONFIDENCE):
        parse = _taken_for(text, "emergency", confidence)
        assert guided(parse) == parse

"""A rumour asked to be confirmed is the FAQ's."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.rumours import checks_rumour, rumour_checked


def _taken_for(text: str, name: str) -> ParseResult:
    ranking = (Intent(name, 0.5), Intent("ask_faq", 0.3), Intent("greet", 0.2))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "nghe đồn mai đóng cửa chợ Thủ Dầu Một luôn, có thật không",
        "người ta nói tiêm mũi 4 rồi thì khỏi xét nghiệm, đúng không ad",
    ],
)
def test_a_rumour_to_confirm_is_the_faqs(text: str) -> None:
    assert checks_rumour(text)
    assert rumour_checked(_taken_for(text, "health_consult")).intent == Intent("ask_faq", 0.5)


@pytest.mark.parametrize(
    "text",
    [
        "đúng không, nghe nói vậy",  # checked before anything is told
        "nghe nói phường phát gạo, ở đâu nhận",  # asked, not checked
    ],
)
def test_no_rumour_checked(text: str) -> None:
    assert not checks_rumour(text)


def test_an_emergency_is_left_alone() -> None:
    parse = _taken_for("nghe nói ông ấy ngất rồi, đúng không", "emergency")
    assert rumour_checked(parse) == parse


@pytest.mark.parametrize("name", ["report_contact", "report_violation"])
def test_a_tip_told_as_hearsay_stays_a_tip(name: str) -> None:
    parse = _taken_for("nghe nói nhà bên có F0 không khai báo vẫn đi chợ, có thật không", name)
    assert rumour_checked(parse) == parse


def test_a_text_message_received_is_no_rumour() -> None:
    assert not checks_rumour("em có tin nhắn báo là F1, phải không ạ")
    assert checks_rumour("có tin đồn tỉnh sắp giãn cách lại, phải không ạ")

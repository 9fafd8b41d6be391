from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.contacts import asks_whom, contacted
from hotline.bot.nlu.rules import overlaid


@pytest.mark.parametrize(
    "text",
    [
        "mẹ tôi thở yếu thì nên gọi ai",
        "hết tiền mua sữa cho con thì báo cho ai",
        "muốn xin gạo thì liên hệ ai vậy",
        "tổ phát thuốc ở ấp tôi gọi đâu",
        "xe cứu thương ở huyện gọi số nào",
        "đường dây nóng của trạm y tế là số mấy",
        "bấm số mấy để gặp cấp cứu",
        "ông nội xỉu thì nhắn tổng đài hay gọi cấp cứu",
        "goi 1022 hay goi tram y te",
    ],
)
def test_whom_to_contact_is_asked(text: str) -> None:
    assert asks_whom(text)


@pytest.mark.parametrize(
    "text",
    [
        "quán nhậu mở tới khuya mà không báo ai hết",  # told nobody
        "gọi ai cũng không nghe máy",  # anyone: a complaint
        "dịch vụ làm hồ sơ bao đậu, phí 200k",  # "bao đậu" folds into "báo đâu"
        "mẹ tôi đang khó thở, cứu với",
        "tôi muốn phản ánh quán karaoke",
    ],
)
def test_told_or_with_no_contact_asked_it_is_not(text: str) -> None:
    assert not asks_whom(text)


@pytest.mark.parametrize("taken_for", ["request_support", "feedback"])
def test_whom_to_contact_taken_for_a_form_is_the_faqs(taken_for: str) -> None:
    text = "hết gạo thì nhắn cho ai để được giúp"
    top = Intent(taken_for, 0.8)
    parse = contacted(ParseResult(text, top, (), (top, Intent("ask_faq", 0.1))))
    assert parse.intent == Intent("ask_faq", 0.8)
    assert parse.intent_ranking[1] == Intent(taken_for, 0.1)


def test_a_tip_small_talk_or_an_emergency_stays_as_it_was() -> None:
    text = "vợ tôi dương tính, tôi cần báo cho ai"
    for name in ("report_contact", "out_of_scope"):
        top = Intent(name, 0.7)
        parse = ParseResult(text, top, (), (top,))
        assert contacted(parse) is parse
    text = "chồng tôi ói ra máu, gọi số nào"  # a sign no list may hold: the model's emergency kept
    for name in ("emergency",):
        top = Intent(name, 0.7)
        parse = ParseResult(text, top, (), (top,))
        assert contacted(parse) is parse


def test_a_danger_sign_happening_now_still_interrupts() -> None:
    text = "ba tôi đang bất tỉnh, gọi ai bây giờ"
    top = Intent("emergency", 0.7)
    parse = overlaid(ParseResult(text, top, (), (top, Intent("ask_faq", 0.2))))
    assert parse.intent.name == "emergency"

"""Requests put plainly, settled by rule: a person or a report in English, a report's progress."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.plain_requests import (
    PERSON_CONFIDENCE,
    asks_progress,
    person_in_english,
    person_wished,
    put_through,
    report_in_english,
    tip_in_english,
)
from hotline.bot.nlu.rules import overlaid, rule_parse


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("do you have a live agent? this bot doesn't get me", "request_human"),
        ("hi, is there any staff online", "request_human"),
        ("how can I report a shop that ignores the lockdown", "report_violation"),
        ("I'd like to file a complaint about my landlord breaking quarantine", "report_violation"),
        ("the guy in room 12 tested positive and keeps going to the market", "report_contact"),
        ("our cook is F0 but still works in the kitchen", "report_contact"),
        ("PA-7K3Q-9X2M status?", "check_status"),
        ("phản ánh tuần trước của tôi tới đâu rồi ad", "check_status"),
        ("kiểm tra giùm tiến độ phản ánh vụ quán nhậu", "check_status"),
        ("vụ em báo cái quán bida hôm trước giờ sao rồi", "check_status"),  # the writer's own
        ("phản ánh về chủ trọ tuần rồi đã có ai xuống kiểm tra chưa", "check_status"),
    ],
)
def test_plain_requests_are_settled_by_rule(text: str, intent: str) -> None:
    parsed = rule_parse(text)
    assert parsed is not None
    assert parsed.intent.name == intent


def test_the_code_is_kept_as_an_entity() -> None:
    parsed = rule_parse("mã PA-7K3Q-9X2M có update gì chưa")
    assert parsed is not None
    assert parsed.entity("ticket_code") == "PA-7K3Q-9X2M"


@pytest.mark.parametrize(
    "text",
    [
        "kết quả xét nghiệm tới đâu rồi",  # a progress, but of no report
        "tiến độ tiêm mũi 3 ở phường sao rồi",
        "what is the status of F1 after 7 days",
        "em gửi hồ sơ hỗ trợ rồi giờ sao rồi",  # an application, no report
        "có ai xuống phát gạo chưa vậy",
        "phản ánh xong thì bao lâu có người xuống",  # asks what follows in general
    ],
)
def test_progress_of_something_else_is_no_status_check(text: str) -> None:
    assert not asks_progress(text)


@pytest.mark.parametrize("text", ["the report says F1 must stay home", "is this person F1?"])
def test_english_words_about_reports_and_people_are_no_request(text: str) -> None:
    assert not report_in_english(text)
    assert not person_in_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "if my wife is positive can she still go to work",  # asked
        "my son tested positive, does he still need to isolate after 7 days?",
        "I was positive last month and I'm fine now",  # nothing going on
    ],
)
def test_asking_in_english_about_someone_positive_is_no_tip(text: str) -> None:
    assert not tip_in_english(text)


def _parse(text: str, top: str, confidence: float) -> ParseResult:
    ranking = (Intent(top, confidence), Intent("request_human", 0.1), Intent("emergency", 0.05))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "cho cháu trao đổi riêng với một chị nhân viên được không",
        "tôi muốn tâm sự với tổng đài viên, chuyện gia đình khó nói",
        "làm ơn cho nói chuyện trực tiếp với chuyên viên",
    ],
)
def test_a_person_wished_for_is_put_through(text: str) -> None:
    assert person_wished(text)
    parse = put_through(_parse(text, "ask_faq", 0.5))
    assert parse.intent == Intent("request_human", PERSON_CONFIDENCE)


@pytest.mark.parametrize(
    "text",
    [
        "muốn nói chuyện với cán bộ phường về giấy tạm trú thì đi giờ nào",  # an office's
        "tổng đài có nhân viên nói được tiếng Hoa không",  # asks about the staff
        "con nói chuyện với người yêu qua điện thoại cả đêm",
        # A talk declined is no wish for one.
        "bà tôi bị lãng tai, có cách nào khai báo mà không cần nói chuyện với nhân viên không",
        "tui không muốn trò chuyện với tổng đài viên đâu, chỉ hỏi giờ giới nghiêm",
    ],
)
def test_a_meeting_at_an_office_or_a_question_on_the_staff_is_not(text: str) -> None:
    assert not person_wished(text)


def test_a_danger_sign_beside_the_wish_is_still_an_emergency() -> None:
    text = "cho tôi nói chuyện với nhân viên ngay, ba tôi đang bất tỉnh không thở"
    parse = overlaid(_parse(text, "ask_faq", 0.5))
    assert parse.intent.name == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "nối máy cho tui với cán bộ trực đi",
        "chuyển máy qua nhân viên giùm em",
        "nối máy gặp người phụ trách giúp tôi",
    ],
)
def test_the_line_put_through_to_someone_is_a_person_wished(text: str) -> None:
    assert person_wished(text)


def test_a_person_asked_to_write_back_in_english() -> None:
    assert person_in_english("could someone from your staff call me back today")
    assert person_in_english("can a real person text me, the bot is confusing")
    assert not person_in_english("can a person who had covid get vaccinated")

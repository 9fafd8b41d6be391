"""Report openers: a wish to report said alone, a report opened with its verb and what is
reported, and the report intent such an opener gets whatever the model took it for."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.normalize import normalize
from hotline.bot.nlu.report_openers import (
    FORM_INTENTS,
    OPENER_CONFIDENCE,
    asks_to_report,
    opens_report,
    reported,
)


@pytest.mark.parametrize(
    "text",
    [
        "phản ánh vụ tiệm thuốc bán kit test giá gấp ba",
        "phan anh giup toi chuyen cong ty bat lam ca dem",
        "cho phản ánh cái quán nước đầu hẻm",
        "em xin phản ánh về việc phát gạo không đúng người",
        "dạ phản ánh tình trạng chợ tự phát ở ấp 2",
        "ad ơi phản ánh hàng xóm đi cách ly về trốn ra ngoài",
        "tố giác nhóm người vượt chốt ban đêm",
        "báo vụ xe khách chở người trái phép",
        "báo có người từ tỉnh khác về không khai báo",
        # "thì ... hay" right after each other is "usually", not a choice.
        "phản ánh vụ quán bi-a tối thì hay mở cửa",
    ],
)
def test_a_report_verb_and_what_is_reported_open_a_report(text: str) -> None:
    assert opens_report(text)


@pytest.mark.parametrize(
    "text",
    [
        # Questions about reporting.
        "phản ánh qua đâu",
        "phản ánh rồi thì bao lâu có kết quả",
        "phan anh ve viec nay co mat phi ko",
        "phản ánh vụ này thì gửi phường hay huyện",
        # A report already sent, a lookup, talk about reports.
        "phản ánh của tôi sao rồi",
        "phản ánh hôm qua em gửi tới đâu",
        "tôi đã phản ánh vụ này mà chưa ai xuống",
        "phản ánh lên phường mà không ai giải quyết",
        "tra cứu phản ánh",
        "phản ánh PA-LAHC-HQXK",
        # "báo" needs an event after it.
        "báo giá khẩu trang",
        "báo lại cho em nhé",
    ],
)
def test_questions_lookups_and_reports_sent_open_nothing(text: str) -> None:
    assert not opens_report(text)


def _taken_for(text: str, *ranking: tuple[str, float]) -> ParseResult:
    intents = tuple(Intent(name, confidence) for name, confidence in ranking)
    return ParseResult(text, intents[0], (), intents)


def test_an_opener_taken_for_the_faq_gets_the_report_intent_it_ranks_best() -> None:
    parse = _taken_for(
        "phản ánh vụ tổ covid thu tiền đi chợ hộ",
        ("ask_faq", 0.7),
        ("check_status", 0.1),
        ("request_support", 0.08),
        ("report_violation", 0.07),
    )
    result = reported(parse)
    assert result.intent == Intent("request_support", OPENER_CONFIDENCE)
    assert [i.name for i in result.intent_ranking][:2] == ["request_support", "ask_faq"]
    assert sum(i.confidence for i in result.intent_ranking) == pytest.approx(1.0)


def test_an_opener_the_model_found_a_report_unsure_is_made_sure() -> None:
    parse = _taken_for("phản ánh chuyện này", ("report_contact", 0.35), ("ask_faq", 0.3))
    assert reported(parse).intent == Intent("report_contact", OPENER_CONFIDENCE)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # Off the hotline's topics, an emergency, a person: as the model said.
        ("tố cáo vụ hàng xóm lấn đất nhà tôi", "out_of_scope"),
        ("báo vụ cháy nhà ở hẻm 5 đang cháy lớn", "emergency"),
        ("phản ánh về việc này, cho tôi gặp nhân viên", "request_human"),
        # No opener: the FAQ keeps its question.
        ("phản ánh xong bao lâu có người xuống", "ask_faq"),
    ],
)
def test_everything_else_keeps_its_intent(text: str, intent: str) -> None:
    parse = _taken_for(text, (intent, 0.6), ("report_violation", 0.3))
    assert reported(parse) == parse


def test_the_form_intents_are_those_that_start_a_form() -> None:
    assert set(FORM_INTENTS) == {
        "report_violation",
        "report_contact",
        "request_support",
        "feedback",
    }


@pytest.mark.parametrize(
    "text",
    [
        # After a formal salutation; "xin được"; "một sự việc".
        "Kính gửi Tổng đài 1022, tôi xin được phản ánh một sự việc ở tổ 4",
        # How to report, asked after a wish to: the form answers it.
        "tui muốn tố cáo vụ chủ xưởng giấu F0 thì làm sao",
        # Presented, as in a letter.
        "Thưa quý cơ quan, tôi xin trình bày sự việc chủ quán cho khách ngồi lại đông",
    ],
)
def test_more_report_openers(text: str) -> None:
    assert opens_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "phản ánh vụ này thì gửi phường hay huyện",  # a choice, asked
        "tố cáo vụ xưởng giấu F0 thì làm sao",  # no wish: how the matter is handled
    ],
)
def test_questions_about_a_report_open_none(text: str) -> None:
    assert not opens_report(text)


def test_an_opener_that_names_a_violation_gets_the_violation_report() -> None:
    text = "tôi xin trình bày một vụ vi phạm giãn cách ở khu phố 3"
    ranking = (Intent("feedback", 0.3), Intent("report_violation", 0.2), Intent("ask_faq", 0.1))
    parse = reported(ParseResult(text, ranking[0], (), ranking))
    assert parse.intent == Intent("report_violation", OPENER_CONFIDENCE)


def test_a_long_message_of_openers_and_closers_is_no_wish_to_report() -> None:
    # Each word taken off read every head again ("ad " x 1,333 took 10 s to parse); too long
    # to be only a wish with its openers and closers, it is none.
    assert not asks_to_report("admin " * 1333)
    assert asks_to_report("da vang cho em xin phan anh voi admin oi")


@pytest.mark.parametrize(
    "text",
    [
        "bn ơi tui mún phản ánh 1 vụ",
        "em muốn báo vi phạm ở chợ, làm sao ạ",
        "mình muốn báo sai phạm của tổ trưởng thì làm thế nào",
    ],
)
def test_a_wish_to_report_in_chat_spelling_or_asking_how_opens_the_form(text: str) -> None:
    assert asks_to_report(normalize(text)) or opens_report(text)

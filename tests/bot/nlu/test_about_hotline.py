"""Questions about the hotline itself are no person asked for."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.about_hotline import about_hotline, asked_about
from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.rules import overlaid


def _parse(text: str, top: str, confidence: float = 0.7) -> ParseResult:
    ranking = (Intent(top, confidence), Intent("ask_faq", 0.2), Intent("out_of_scope", 0.1))
    return ParseResult(text, ranking[0], (), ranking)


@pytest.mark.parametrize(
    "text",
    [
        "bên tổng đài có ai biết tiếng Hoa không ạ",
        "1022 có nhận tin nhắn viết bằng tiếng Anh không",
        "tong dai co truc ngay le tet khong ad",
        "tổng đài có mấy nhân viên vậy",
        "cho hỏi 1022 làm việc tới mấy giờ",
    ],
)
def test_how_the_hotline_works_is_the_faqs(text: str) -> None:
    assert about_hotline(text) == "ask_faq"
    assert asked_about(_parse(text, "request_human")).intent.name == "ask_faq"


@pytest.mark.parametrize(
    "text",
    [
        "tin nhắn gửi vào đây có người thật đọc không",
        "bot này do ai lập ra vậy",
        "tong dai nay la cua co quan nao vay",
    ],
)
def test_who_runs_it_or_reads_is_out_of_scope(text: str) -> None:
    assert about_hotline(text) == "out_of_scope"
    assert asked_about(_parse(text, "request_human")).intent.name == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        # A person wished for all the same.
        "cho tôi gặp người thật được không",
        "bot không hiểu gì cả, có người thật không",
        "em muốn nói chuyện với nhân viên tổng đài được không",
        # Told, not asked.
        "tổng đài trực ban đêm cực quá",
        # Its contact ways beside who runs it: the contact entry's.
        "1022 thuộc sở nào, số điện thoại bao nhiêu",
        # Someone ill now: a person is what they look for.
        "tổng đài có trực ban đêm không, mẹ tôi khó thở quá",
        "có ai nói được tiếng Khmer không, bà tôi F0 đang thở dốc",
    ],
)
def test_a_wish_a_statement_or_an_illness_is_left_alone(text: str) -> None:
    assert about_hotline(text) is None
    parse = _parse(text, "request_human")
    assert asked_about(parse) is parse


def test_a_small_talk_guess_moves_only_where_the_hotline_is_named() -> None:
    named = _parse("tổng đài có làm việc ban đêm không", "out_of_scope")
    assert asked_about(named).intent.name == "ask_faq"
    market = _parse("chợ đầu mối làm việc ban đêm không", "out_of_scope")
    assert asked_about(market) is market


def test_the_moved_parse_keeps_the_confidence_and_the_ranking() -> None:
    moved = asked_about(_parse("tổng đài có ai biết tiếng Khmer không", "greet", 0.4))
    assert moved.intent == Intent("ask_faq", 0.4)
    assert [i.name for i in moved.intent_ranking] == ["ask_faq", "greet", "out_of_scope"]


def test_the_overlay_runs_with_the_others() -> None:
    parse = _parse("bên 1022 có nhân viên biết tiếng Chăm không", "request_human")
    assert overlaid(parse).intent.name == "ask_faq"

"""Messages a rule settles for both back ends: bare codes, acknowledgements, a bare "report"."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.rules import acknowledges, rule_parse


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("PA-LAHC-HQXK", "PA-LAHC-HQXK"),
        ("pa-lahc-hqxk", "PA-LAHC-HQXK"),
        ("  Pa Lahc Hqxk. ", "PA-LAHC-HQXK"),
        ("PALAHCHQXK", "PA-LAHC-HQXK"),
    ],
)
def test_a_bare_code_is_a_status_check_with_the_code(text: str, code: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "check_status"
    assert result.intent.confidence == 1.0
    assert result.entity("ticket_code") == code


def test_a_code_inside_a_sentence_is_left_to_the_model() -> None:
    assert rule_parse("mã PA-LAHC-HQXK của tôi xử lý tới đâu rồi") is None


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "OK",
        "oke ad",
        "👍",
        "👍👍",
        "dạ vâng ạ",
        "ok bạn nhé",
        "ô kê",
        "💯",
        "✅ ✅",
        "vâng em nắm rồi",
        # Letters and words typed twice or more, as chat types them; a bare "k".
        "okkk",
        "okii ad",
        "rồi rồi hiểu rồi",
        "k",
        "KK.",
        "xong rồi nha",
    ],
)
def test_acknowledgements_are_thanks(text: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "phản ánh",
        "muốn phản ánh",
        "gửi phản ánh",
        "Tôi muốn phản ánh",
        "em muốn phản ánh ạ",
        "cho mình gửi phản ánh ad ơi",
        "muon phan anh nha",
        "cho mình phản ánh với",
        "cho em gửi phản ánh ạ",
        "tôi muốn tố cáo",  # whoever opens the wish, for either word
        "dạ em xin phản ánh",
        "cho tui gửi tố cáo nha",
        # A wish to report something not yet told, named by a generic word.
        "tôi cần báo một trường hợp",
        "em muốn tố giác vụ này",
        "muon bao cai vu nay o xom",
    ],
)
def test_a_bare_report_starts_a_violation_report(text: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "report_violation"
    assert result.intent_ranking[0].name == "report_violation"


@pytest.mark.parametrize(
    "text",
    [
        "ok nhưng F1 cách ly mấy ngày",
        "phản ánh quán nhậu mở cửa",
        "cảm ơn",
        "giá vàng",
        "em muốn tố cáo quán karaoke",
        "báo giá",  # "báo" alone is too little
        "k biết",
        "kho",
    ],
)
def test_everything_else_is_left_to_the_model(text: str) -> None:
    assert rule_parse(text) is None


def test_addressing_words_are_taken_off_an_acknowledgement() -> None:
    assert acknowledges("ok admin")
    assert acknowledges("da vang a")
    assert not acknowledges("ok f1 cach ly")


def test_a_polite_word_before_an_acknowledgement_is_one() -> None:
    assert acknowledges("da hieu roi")
    assert acknowledges("vang ro roi a")
    assert not acknowledges("da cach ly roi")

"""Messages a rule settles for both back ends: bare codes, acknowledgements, a bare "report"."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.acknowledgements import acknowledges
from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.complaints import complains
from hotline.bot.nlu.normalize import normalize
from hotline.bot.nlu.rules import (
    FORM_INTENTS,
    OPENER_CONFIDENCE,
    advertises,
    asks_to_report,
    opens_report,
    reported,
    rule_parse,
)


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
    # Unless its progress is asked (`plain_requests.asks_progress`): "... xử lý tới đâu rồi".
    assert rule_parse("mã PA-LAHC-HQXK gửi 3 ngày rồi mà chưa ai gọi lại, tệ thật") is None


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
        # "Let me report a thing", for someone, pointed at: still nothing told.
        "cho phản ánh cái",
        "phản ánh giùm em vụ này",
        "phan anh dum cai ne",
        "ad ơi cho em phản ánh với",
        "gửi báo cáo",
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
        "cảm ơn bác sĩ",  # others thanked; bare thanks are a rule's (`thanks_alone`)
        "giá vàng",
        "em muốn tố cáo quán karaoke",
        "báo giá",  # "báo" alone is too little
        "báo giúp em",  # nor with "giúp": "let me know"
        "báo cái",
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


@pytest.mark.parametrize("text", ["xong rồi à?", "hiểu rồi?", "Rồi?", "ok ?"])
def test_an_acknowledgement_asked_is_a_question_for_the_model(text: str) -> None:
    assert rule_parse(text) is None
    assert rule_parse(text.rstrip(" ?")) is not None  # the same words told acknowledge


def test_a_bare_greeting_is_a_greeting() -> None:
    result = rule_parse("xin chào tổng đài 1022 ạ")
    assert result is not None and result.intent.name == "greet"


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
        "tố cáo đây ạ",
        "dạ cho em gửi một phản ánh",
        "mình xin gửi 1 tố cáo nha",
        # What there is to report said first, and whom it is told to.
        "có vụ vi phạm cần tố cáo với tổng đài",
        "có chuyện này muốn phản ánh",
    ],
)
def test_a_bare_report_in_more_shapes_starts_a_violation_report(text: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "report_violation"


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


@pytest.mark.parametrize(
    "text", ["can I speak with a real person", "please connect me to an agent", "talk to someone"]
)
def test_a_person_asked_for_in_english(text: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "request_human"


@pytest.mark.parametrize(
    "text",
    [
        "nhận làm giấy đi đường trọn gói, giá rẻ, ib mình",
        "dich vu test covid lay ngay khong can xep hang, lh zalo 0909",
        # "ai cần ... ib" calls buyers; it asks nothing.
        "nhận làm hồ sơ vay giải ngân trong ngày, ai cần thì ib",
        # Goods cleared or sold "genuine" with a call; a service with a fee and a promise.
        "thanh lý 20 hộp khẩu trang chính hãng, inbox em",
        "nhận chạy giấy phép kinh doanh, phí 10 phần trăm, bao nhận hồ sơ",
    ],
)
def test_an_advert_is_small_talk(text: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "out_of_scope"


@pytest.mark.parametrize(
    "text",
    [
        "bên nào nhận làm giấy đi đường trọn gói, ib mình với được không",  # asked
        "có nhóm nhận làm giấy xét nghiệm âm tính giả lấy ngay, inbox là có",  # a tip
        "phản ánh vụ dịch vụ làm hồ sơ trọn gói, ib zalo lấy tiền",  # a report
        "có người nhận chạy hồ sơ hỗ trợ, phí 15 phần trăm, bao nhận",  # a tip
        "nhà thuốc bán máy đo oxy chính hãng giá gốc không",  # asked, no call
    ],
)
def test_an_advert_asked_about_or_told_as_a_tip_is_no_advert(text: str) -> None:
    assert not advertises(text)


@pytest.mark.parametrize(
    "text",
    ["bot trả lời như không, hỏi một đằng nói một nẻo", "tong dai tra loi sai hoai, qua te"],
)
def test_complaints_about_the_answers(text: str) -> None:
    assert complains(text)


@pytest.mark.parametrize("text", ["ở nhà mãi chán quá", "thuốc hạ sốt có tác dụng không"])
def test_no_complaint(text: str) -> None:
    assert not complains(text)


def test_an_opener_that_names_a_violation_gets_the_violation_report() -> None:
    text = "tôi xin trình bày một vụ vi phạm giãn cách ở khu phố 3"
    ranking = (Intent("feedback", 0.3), Intent("report_violation", 0.2), Intent("ask_faq", 0.1))
    parse = reported(ParseResult(text, ranking[0], (), ranking))
    assert parse.intent == Intent("report_violation", OPENER_CONFIDENCE)


def test_something_to_ask_said_first_is_no_wish_to_report() -> None:
    assert rule_parse("có chuyện muốn hỏi tổng đài") is None


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

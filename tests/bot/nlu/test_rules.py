"""Messages a rule settles for both back ends: bare codes, acknowledgements, a bare "report"."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.acknowledgements import acknowledges
from hotline.bot.nlu.complaints import complains
from hotline.bot.nlu.rules import advertises, rule_parse


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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("pa-70kq-i9x2", "PA-70KQ-I9X2"),  # a code no ticket has: the lookup says so
        ("mã PA-LAHC-HQXK bên xã làm tới bước nào rồi", "PA-LAHC-HQXK"),
        ("mã pa-1bcd-efgh xử lý tới bước nào", "PA-1BCD-EFGH"),
    ],
)
def test_a_code_mistyped_or_asked_how_far_is_a_status_check(text: str, code: str) -> None:
    result = rule_parse(text)
    assert result is not None and result.intent.name == "check_status"
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
        "👌 được đấy",  # that will do
        "ok, vậy cũng được",
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
        # Buying as adverts do: scrap, old furniture, at a good price, at the door.
        "thu mua đồ cũ, bàn ghế tủ lạnh giá cao, alo 0909",
        "mua tận nhà phế liệu các loại, giá tốt",
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


def test_something_to_ask_said_first_is_no_wish_to_report() -> None:
    assert rule_parse("có chuyện muốn hỏi tổng đài") is None

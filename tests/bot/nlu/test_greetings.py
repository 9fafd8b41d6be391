"""A greeting and nothing else, in folded words: the hotline addressed, politeness, emoji."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.greetings import after_greeting, after_salutation, greets


@pytest.mark.parametrize(
    "text",
    [
        "chào ad",
        "CHAO AD",
        "alo",
        "a lô a lô",
        "xin chào tổng đài",
        "xin chao tong dai 1022 a",
        "hello",
        "hi ad 😊",
        "Kính chào anh chị trực tổng đài ạ",
        "em chào các anh chị",
        "alo đường dây nóng 1022",
        "chào buổi tối tổng đài",
        "tổng đài ơi",  # calling the hotline
        "👋",
        "👋🏻 ad",
        "alo có ai trực không",  # checking that someone is there
        "chào ad, cho em hỏi chút",  # leave to ask, nothing asked yet
    ],
)
def test_a_bare_greeting_greets(text: str) -> None:
    assert greets(text)


@pytest.mark.parametrize(
    "text",
    [
        "chào ad, F1 cách ly mấy ngày",  # a question follows
        "alo cho hỏi xét nghiệm ở đâu",
        "xin chào, quán nhậu đầu hẻm vẫn mở",
        "tổng đài 1022",  # the hotline named, not greeted
        "số tổng đài là bao nhiêu",
        "chào tạm biệt",
        "thôi em chào ad nha",
        "cảm ơn ad",
        "ok",
        "🙏",
        "",
    ],
)
def test_anything_more_is_no_bare_greeting(text: str) -> None:
    assert not greets(text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("chào ad, F1 phải cách ly mấy ngày", "F1 phải cách ly mấy ngày"),
        ("alo tổng đài cho em hỏi xét nghiệm ở đâu", "xét nghiệm ở đâu"),
        ("ad ơi cho hỏi tiêm vắc xin ở đâu", "tiêm vắc xin ở đâu"),
        ("Chào buổi sáng ad ạ. Cho em hỏi chợ mở cửa chưa", "chợ mở cửa chưa"),
        ("hello 👋 F0 có được ra ngoài không?", "F0 có được ra ngoài không?"),
    ],
)
def test_the_question_after_a_greeting_is_what_is_asked(text: str, asked: str) -> None:
    assert after_greeting(text) == asked


@pytest.mark.parametrize(
    "text",
    [
        "F1 phải cách ly mấy ngày",  # no greeting
        "em bị F0 thì sao",  # whom it addresses, not a greeting
        "anh chị cho em hỏi F1 là ai",
        "chào ad",  # nothing but a greeting
        "tổng đài 1022 làm việc tới mấy giờ",
    ],
)
def test_a_text_that_opens_with_no_greeting_is_asked_whole(text: str) -> None:
    assert after_greeting(text) == text


@pytest.mark.parametrize(
    "text", ["tối nay còn ai trực không vậy", "bây giờ tổng đài còn người trực hông ta"]
)
def test_a_check_that_someone_is_on_duty_now_greets(text: str) -> None:
    assert greets(text)


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("Kính thưa quý cơ quan, tôi xin hỏi", " tôi xin hỏi"),
        ("Thưa Tổng đài: cho tôi biết", " cho tôi biết"),
        ("Kính gửi Tổng đài, xin phản ánh", " xin phản ánh"),
    ],
)
def test_the_text_after_a_formal_salutation(text: str, after: str) -> None:
    assert after_salutation(text) == after


def test_a_loss_is_no_salutation() -> None:
    assert after_salutation("thua lỗ cả năm, giờ được hỗ trợ gì") is None


@pytest.mark.parametrize(
    "text",
    [
        "chào admin, tôi muốn hỏi chút",
        "xin chào, cháu là sinh viên cần hỏi một chút",
        "alo tổng đài, em là tài xế muốn hỏi xíu ạ",
    ],
)
def test_a_greeting_a_self_introduction_and_a_wish_to_ask_greet(text: str) -> None:
    assert greets(text)


@pytest.mark.parametrize(
    "text",
    [
        "chào ad, em là F0 muốn hỏi xíu về thuốc",  # something asked
        "chào ad, tôi là người ở Bến Cát lâu năm rồi muốn hỏi chút",  # too long to be a role
    ],
)
def test_a_longer_introduction_or_a_question_after_it_does_not(text: str) -> None:
    assert not greets(text)


def test_the_faqs_text_keeps_the_introduction() -> None:
    assert "F0" in after_greeting("chào ad, em là F0 muốn hỏi xíu về thuốc")


def test_a_greeting_with_a_longer_self_introduction_and_a_few_things_to_ask() -> None:
    assert greets("chào tổng đài, tôi là giáo viên trường làng, muốn hỏi mấy chuyện")
    assert greets("xin chào, em cần hỏi một vài điều")
    assert not greets("xin chào, em là F0 ở nhà muốn hỏi tiền ăn được bao nhiêu")


@pytest.mark.parametrize(
    "text", ["chiều nay chào mấy anh chị tổng đài", "sáng sớm em chào mấy bạn 1022 ạ"]
)
def test_a_greeting_with_the_time_of_day_or_to_a_few_of_the_staff_greets(text: str) -> None:
    assert greets(text)


def test_the_time_of_day_with_a_question_is_no_greeting() -> None:
    assert not greets("sáng sớm mấy bạn có trực không, cho hỏi tiêm ở đâu")


@pytest.mark.parametrize(
    "text",
    [
        "chào tổng đài, tôi là thợ hồ ở Dĩ An",  # who one is closes the greeting
        "chào ad, em là công nhân",
        "xin lỗi làm phiền ad, chào ad",  # sorry to bother
        "xin lỗi làm phiền giờ này, chào ad",
    ],
)
def test_a_greeting_with_who_one_is_or_sorry_to_bother_greets(text: str) -> None:
    assert greets(text)


@pytest.mark.parametrize(
    "text",
    [
        "chào ad, em là F0 đang cách ly ở nhà",  # tells what happened
        "chào ad, tôi là chủ quán muốn hỏi giờ mở cửa là mấy giờ",  # asks
        "xin lỗi ad",  # an apology alone greets no one
    ],
)
def test_who_one_is_telling_or_asking_is_no_greeting(text: str) -> None:
    assert not greets(text)


@pytest.mark.parametrize(
    "text",
    [
        "chào cô, cháu ở Tân Uyên mới xuống",
        "chào o, em ở Quảng Bình vô làm công nhân",
        "xin chào tổng đài, tôi ở Phú Giáo",
    ],
)
def test_a_greeting_with_where_one_lives_or_comes_from_greets(text: str) -> None:
    assert greets(text)


@pytest.mark.parametrize(
    "text",
    [
        "chào ad, ở Bến Cát có chỗ tiêm không",  # where, then a question
        "chào cô, quán nhậu đầu hẻm mở nhạc",  # a report after the greeting
        "chào ad, em ở khu trọ có người F0",
    ],
)
def test_a_place_setting_a_question_or_a_report_is_no_greeting(text: str) -> None:
    assert not greets(text)


def test_the_faqs_text_keeps_a_kin_word_that_is_also_co() -> None:
    assert after_greeting("xin chào, có ai trực không") == "xin chào, có ai trực không"

"""Numbers and acronyms as voice typing writes them, read as the FAQ writes them."""

from __future__ import annotations

import pytest

from hotline.faq.spoken import read_spoken


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("thông tư mười lăm", "thông tư 15"),
        ("quyết định hai mươi ba", "quyết định 23"),
        ("hai mươi mốt ngày", "21 ngày"),
        ("ba mươi tư giờ", "34 giờ"),
        ("một trăm linh tám người", "108 người"),
        ("hai trăm mười bảy", "217"),
        ("một nghìn hai trăm", "1200"),
        ("nghị quyết bốn hai", "nghị quyết 42"),
        ("tổng đài một không hai hai", "tổng đài 1022"),
    ],
)
def test_a_number_said_in_words_is_written_in_digits(said: str, written: str) -> None:
    assert read_spoken(said) == written


@pytest.mark.parametrize(
    "words",
    [
        "năm nay hai vạch",  # a year, two lines: words of the sentence
        "súc miệng nước muối hai lần",  # salt, not ten
        "mười mấy ngày",  # ten-odd: no number to write
        "hai ba ngày",  # two or three days, not 23
        "nuoc muoi hai lan",  # typed bare: voice typing writes diacritics
        "năm ca nhiễm mới",  # five cases, not 5K
        "gọi hai ba lần",  # two or three calls
    ],
)
def test_number_words_that_are_words_of_the_sentence_stay(words: str) -> None:
    assert read_spoken(words) == words


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("đóng bảo hiểm mười năm", "đóng bảo hiểm mười năm"),  # ten years, not "mười lăm"
        ("sống ở đây hai mươi năm rồi", "sống ở đây 20 năm rồi"),
        ("người ba mươi không được tiêm à", "người 30 không được tiêm à"),  # not, not 30
        ("giấy số hai không có dấu", "giấy số hai không có dấu"),  # not, not a zero
        ("mười một", "11"),
        ("hai mươi mốt", "21"),
    ],
)
def test_a_word_after_a_ten_is_a_unit_only_as_units_are_said(said: str, written: str) -> None:
    assert read_spoken(said) == written


@pytest.mark.parametrize(
    ("said", "written"),
    [
        ("máy đo ét pê ô hai", "máy đo spo2"),
        ("làm pê xê rê ở đâu", "làm pcr ở đâu"),
        ("quét mã cu rờ", "quét mã qr"),
        ("ép một cách ly", "f1 cách ly"),
    ],
)
def test_an_acronym_spelt_letter_by_letter_is_written(said: str, written: str) -> None:
    assert read_spoken(said) == written


def test_forced_is_no_letter() -> None:
    assert read_spoken("bị ép không được nghỉ") == "bị ép không được nghỉ"
    # Someone forcing, or keeping one from something: "không" is "not", nobody is F0.
    assert read_spoken("công ty ép không cho công nhân nghỉ") == (
        "công ty ép không cho công nhân nghỉ"
    )
    assert read_spoken("họ ép một tuần làm bảy ngày") == "họ ép một tuần làm bảy ngày"
    assert read_spoken("nhà có ép không thì làm sao") == "nhà có f0 thì làm sao"


def test_punctuation_and_other_words_are_kept() -> None:
    assert read_spoken("chỉ thị mười sáu, rồi sao?") == "chỉ thị 16, rồi sao?"

"""Redaction that holds: however the name, the phone or the e-mail is typed."""

from __future__ import annotations

import pytest

from hotline.handoff.redact import HIDDEN, fold, leaks, redact
from hotline.handoff.tickets import Reporter

MAI = Reporter(name="Trần Thị Mai", phone="0912345678", email="mai.tran@gmail.com")


@pytest.mark.parametrize(
    "typed",
    [
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "+84912345678",
        "84912345678",
        "(+84) 912.345.678",
        "0987654321",
        "(0274) 3822 123",
    ],
)
def test_every_vietnamese_phone_format_is_hidden(typed: str) -> None:
    said = f"gọi {typed} nhé"
    assert redact(said, None) == f"gọi {HIDDEN} nhé"


@pytest.mark.parametrize(
    "typed",
    ["Trần Thị Mai", "Tran Thi Mai", "TRẦN THỊ MAI", "tran thi mai", "Trần Mai", "Thị Mai"],
)
def test_the_name_is_hidden_with_or_without_diacritics_and_in_any_case(typed: str) -> None:
    said = f"người báo là {typed}, ở gần chợ"
    assert redact(said, MAI) == f"người báo là {HIDDEN}, ở gần chợ"
    assert leaks(said, MAI) == ["Trần Thị Mai"]


def test_the_given_name_alone_is_hidden_when_written_as_a_name() -> None:
    assert redact("chị Mai gọi lại sau", MAI) == f"chị {HIDDEN} gọi lại sau"
    assert redact("mai tôi ra chợ", MAI) == "mai tôi ra chợ"  # "tomorrow", not the name


def test_ordinary_words_that_share_the_names_letters_stay() -> None:
    text = "thị trấn Tân Phước Khánh, ngày 02/08/2021 lúc 20:30, 15 người, mã PA-7K3Q-9X2M"
    assert redact(text, MAI) == text and leaks(text, MAI) == []


def test_e_mail_addresses_are_hidden_in_any_case() -> None:
    assert redact("thư: Mai.Tran@Gmail.com", MAI) == f"thư: {HIDDEN}"
    assert redact("hoặc ai@example.vn", None) == f"hoặc {HIDDEN}"


def test_leaks_finds_the_phone_in_any_format_and_the_name_however_typed() -> None:
    assert leaks("+84 912.345.678", MAI) == ["0912345678"]
    assert leaks("TRAN THI MAI", MAI) == ["Trần Thị Mai"]
    assert leaks(redact("Trần Thị Mai 0912345678 mai.tran@gmail.com", MAI), MAI) == []


def test_folding_keeps_every_character_in_its_place() -> None:
    text = "Đặng Thị Ánh, phường Phú Cường"
    assert len(fold(text)) == len(text) and fold(text) == "dang thi anh, phuong phu cuong"

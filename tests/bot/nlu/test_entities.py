"""Entities with canonical values and offsets into the text as typed."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Entity
from hotline.bot.nlu.entities import extract_entities, mistyped_codes, normalize_phone
from hotline.handoff.codes import new_code


def found(text: str) -> list[tuple[str, str, str]]:
    """(entity, value, the span of the original text) for each entity."""
    entities = extract_entities(text)
    return [(e.entity, e.value, text[e.start : e.end]) for e in entities]


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("sdt 0912345678", "0912345678", "0912345678"),
        ("số của tôi 0912 345 678 nha", "0912345678", "0912 345 678"),
        ("goi +84 912.345.678", "0912345678", "+84 912.345.678"),
        ("84912345678", "0912345678", "84912345678"),
        ("sđt: 0338-123-456", "0338123456", "0338-123-456"),
        ("máy bàn (0274) 3822 123", "02743822123", "(0274) 3822 123"),
        ("0274.3822.123", "02743822123", "0274.3822.123"),
        ("+84 274 3822 123", "02743822123", "+84 274 3822 123"),
    ],
)
def test_phone_numbers(text: str, value: str, span: str) -> None:
    assert found(text) == [("phone", value, span)]


@pytest.mark.parametrize(
    "text",
    [
        "cccd 074123456789",  # a 12-digit ID card number
        "chuyển 5.000.000 đồng",
        "gọi 115 hay 1022",
        "số 091234567 thiếu một số",
        "+1 650 253 0000",
        "ngày 12-08-2021",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert [e for e in extract_entities(text) if e.entity == "phone"] == []


def test_two_numbers_side_by_side() -> None:
    assert [v for _, v, _ in found("0912345678 0987654321")] == ["0912345678", "0987654321"]


def test_normalize_phone() -> None:
    assert normalize_phone("+84 (0) 912 345 678") is None  # not a valid way to write one
    assert normalize_phone("0084912345678") == "0912345678"
    assert normalize_phone("0123456789") is None  # no 01x mobile prefix since 2018


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("tra cứu mã phản ánh PA-7K3Q-9X2M", "PA-7K3Q-9X2M"),
        ("tra cuu ma pa7k3q9x2m", "pa7k3q9x2m"),
        ("mã pa-7k3q-9x2m xử lý tới đâu", "pa-7k3q-9x2m"),
        ("PA 7K3Q 9X2M", "PA 7K3Q 9X2M"),
    ],
)
def test_ticket_codes(text: str, span: str) -> None:
    assert found(text) == [("ticket_code", "PA-7K3Q-9X2M", span)]


@pytest.mark.parametrize("text", ["PA-7K3Q-9X2M5", "XPA7K3Q9X2M", "PA1K3Q9X2M"])
def test_not_ticket_codes(text: str) -> None:
    assert found(text) == []


def test_every_new_code_is_found() -> None:
    codes = [new_code() for _ in range(200)]
    for code in codes:
        assert found(f"mã {code.lower().replace('-', '')} ạ") == [
            ("ticket_code", code, code.lower().replace("-", ""))
        ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nhà tôi ở phường Phú Cường", [("ward", "Phú Cường", "Phú Cường")]),
        ("nha toi o p.phu cuong", [("ward", "Phú Cường", "phu cuong")]),
        ("tx Bến Cát", [("district", "Bến Cát", "Bến Cát")]),
        (
            "xa an binh huyen phu giao",
            [("ward", "An Bình", "an binh"), ("district", "Phú Giáo", "phu giao")],
        ),
        ("quán nhậu ở Thuận An", [("district", "Thuận An", "Thuận An")]),
    ],
)
def test_places(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_everything_in_one_message_in_order() -> None:
    text = "F0 ở P. Hòa Phú, TP Thủ Dầu Một, sđt 0988.111.222, mã cũ PA-4HNT-8RW2"
    assert found(text) == [
        ("ward", "Hoà Phú", "Hòa Phú"),
        ("district", "Thủ Dầu Một", "Thủ Dầu Một"),
        ("phone", "0988111222", "0988.111.222"),
        ("ticket_code", "PA-4HNT-8RW2", "PA-4HNT-8RW2"),
    ]


def test_entities_are_rasa_shaped() -> None:
    (entity,) = extract_entities("sdt 0912345678")
    assert isinstance(entity, Entity)
    assert entity.to_rasa() == {
        "entity": "phone",
        "value": "0912345678",
        "start": 4,
        "end": 14,
        "confidence_entity": 1.0,
        "extractor": "HotlineEntityExtractor",
    }


def test_empty_and_odd_text() -> None:
    assert extract_entities("") == ()
    assert extract_entities("🙂🙂 ??? \u0301") == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("PA-1K3Q-9X2M", "PA-1K3Q-9X2M"),
        ("PA-7K3Q-9X2O", "PA-7K3Q-9X2O"),
        ("Pa-7K0Q-9X2M", "PA-7K0Q-9X2M"),
        ("mã pa 1abc-ddoe nè", "PA-1ABC-DDOE"),
    ],
)
def test_a_code_holding_a_character_no_code_holds_is_a_mistyped_code(text: str, code: str) -> None:
    assert [e.value for e in mistyped_codes(text)] == [code]
    assert [e.value for e in extract_entities(text) if e.entity == "ticket_code"] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "PA-7K3Q-9X2M",
        "PAINTBOX10",
        "pa 2021 là năm nào",
        "pa minh test nhanh duong tinh roi",  # teencode "pa" (dad), words
        "Pa sinh 1955 co duoc tiem mui 4 khong",  # a year
        "SĐT pa 0912 3456 78",  # a phone number
    ],
)
def test_a_real_code_or_a_word_is_no_mistyped_code(text: str) -> None:
    assert mistyped_codes(text) == []

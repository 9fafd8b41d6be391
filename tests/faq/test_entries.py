from __future__ import annotations

from typing import Any

import pytest

from hotline.faq.entries import TOPICS, FaqEntry, InvalidEntry
from tests.faq.samples import entry


def valid() -> dict[str, Any]:
    return {
        "id": "giay-di-duong-qr",
        "questions": ["Giấy đi đường đăng ký ở đâu?", "giay di duong qr"],
        "answer": "Doanh nghiệp đăng ký giấy đi đường có mã QR cho người lao động.",
        "topic": "di_lai",
        "status": "published",
    }


def test_from_dict_and_to_dict_give_the_api_shape() -> None:
    e = FaqEntry.from_dict(valid())
    assert e.questions == ("Giấy đi đường đăng ký ở đâu?", "giay di duong qr")
    assert e.version == 1 and e.updated_at is None
    assert e.to_dict() == {**valid(), "version": 1, "updated_at": None}
    assert FaqEntry.from_dict(e.to_dict()) == e


def test_from_dict_cleans_what_admins_paste() -> None:
    # Decomposed "hoà", stray spaces, a repeated variant, no status (a draft until published).
    data = {**valid(), "answer": "  Ho\u0300a  ", "questions": [" a ", "a", "b"]}
    del data["status"]
    e = FaqEntry.from_dict(data)
    assert e.answer == "Hòa"
    assert e.questions == ("a", "b")
    assert e.status == "draft"


def test_unknown_topics_are_allowed() -> None:
    assert "cach_ly" in TOPICS
    assert FaqEntry.from_dict({**valid(), "topic": "hoc_phi"}).topic == "hoc_phi"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"answer": None}, "answer"),
        ({"answer": "   "}, "answer"),
        ({"answer": "x" * 2001}, "answer"),
        ({"questions": []}, "questions"),
        ({"questions": None}, "questions"),
        ({"questions": ["", "  "]}, "questions"),
        ({"questions": ["a | b"]}, "questions"),
        ({"questions": ["dòng một\ndòng hai"]}, "questions"),
        ({"questions": ["q" * 301]}, "questions"),
        ({"status": "live"}, "status"),
        ({"id": ""}, "id"),
        ({"id": "Cach Ly"}, "id"),
        ({"id": "cách-ly"}, "id"),
        ({"id": "-cach-ly"}, "id"),
        ({"id": "a" * 81}, "id"),
        ({"topic": "Cách ly"}, "topic"),
        ({"topic": None}, "topic"),
        ({"version": 0}, "version"),
        ({"version": "hai"}, "version"),
        ({"updated_at": "hôm qua"}, "updated_at"),
        ({"answer": ["not", "text"]}, "answer"),
    ],
)
def test_invalid_entries_say_which_field_and_why(change: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidEntry) as caught:
        FaqEntry.from_dict({**valid(), **change})
    assert caught.value.reason.startswith(f"{field}:")
    assert str(caught.value) == caught.value.reason


def test_a_non_mapping_is_refused() -> None:
    with pytest.raises(InvalidEntry):
        FaqEntry.from_dict(["not", "an", "entry"])  # type: ignore[arg-type]


def test_construction_validates_too() -> None:
    with pytest.raises(InvalidEntry, match="status"):
        entry(status="archived")
    with pytest.raises(InvalidEntry, match="questions"):
        entry(questions=())


def test_same_content_ignores_bookkeeping() -> None:
    first = entry()
    assert first.same_content(entry(version=4, updated_at="2021-08-01T10:00:00+07:00"))
    assert not first.same_content(entry(answer="Khác."))
    assert not first.same_content(entry(status="draft"))

from __future__ import annotations

import pytest

from hotline.faq.entries import FaqEntry
from hotline.faq.io import format_for, read_entries, write_entries
from tests.faq.samples import entry

TRICKY = [
    entry(
        "kenh-lien-he-1022",
        questions=("Liên hệ 1022, bằng cách nào?", 'Số "1022" có Zalo không', "lien he 1022"),
        answer='Gọi 1022; nhắn Zalo "Tổng đài 1022", hoặc e-mail.\nLàm việc 24/7, kể cả lễ, Tết.',
        topic="lien_he",
        version=3,
        updated_at="2021-09-01T08:30:00.000+00:00",
    ),
    entry("cach-ly-f1", status="draft", answer="Dòng 1\n\n  Dòng 3 có 'nháy đơn' và ; chấm phẩy"),
    entry(
        "ho-tro-nq68",
        answer="Theo Nghị quyết 68/NQ-CP: 1.855.000 đồng, 3.710.000 đồng.",
        topic="ho_tro",
    ),
]


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_round_trip_is_exact(fmt: str) -> None:
    text = write_entries(TRICKY, fmt)  # type: ignore[arg-type]
    report = read_entries(text, fmt)  # type: ignore[arg-type]
    assert report.rejected == []
    assert report.entries == TRICKY
    assert write_entries(report.entries, fmt) == text  # type: ignore[arg-type]


def test_yaml_shape_is_a_top_level_faq_list() -> None:
    text = write_entries(TRICKY[:1], "yaml")
    assert text.startswith("faq:\n- id: kenh-lien-he-1022\n")
    assert "Tổng đài" in text  # real UTF-8, not \u escapes


def test_csv_columns_and_question_separator() -> None:
    text = write_entries(TRICKY[:1], "csv")
    header, first = text.splitlines()[:2]
    assert header == "id,topic,status,questions,answer,version,updated_at"
    assert "Liên hệ 1022, bằng cách nào? | " in first


def test_csv_from_a_spreadsheet() -> None:
    # A byte-order mark, upper-case headers, no bookkeeping columns, blank lines, spaces
    # around the separators.
    text = (
        "\ufeffID,Topic,Status,Questions,Answer\n"
        "xet-nghiem-o-dau,xet_nghiem,published,Xét nghiệm ở đâu?|  xet nghiem o dau ,"
        '"Tại trạm y tế phường, xã."\n'
        "\n"
    )
    report = read_entries(text, "csv")
    assert report.rejected == []
    assert report.entries == [
        FaqEntry(
            id="xet-nghiem-o-dau",
            questions=("Xét nghiệm ở đâu?", "xet nghiem o dau"),
            answer="Tại trạm y tế phường, xã.",
            topic="xet_nghiem",
            status="published",
        )
    ]


def test_bad_csv_rows_are_reported_and_good_ones_kept() -> None:
    text = (
        "id,topic,status,questions,answer\n"
        'tot-1,cach_ly,published,Câu hỏi một,"Trả lời,\nhai dòng"\n'  # lines 2-3
        "thieu-tra-loi,cach_ly,published,Câu hỏi,\n"  # line 4
        "sai-trang-thai,cach_ly,live,Câu hỏi,Trả lời\n"  # line 5
        "tot-1,cach_ly,published,Trùng id,Trả lời\n"  # line 6
        "Sai Id,cach_ly,published,Câu hỏi,Trả lời\n"  # line 7
        "khong-cau-hoi,cach_ly,published, | ,Trả lời\n"  # line 8
        "tot-2,cach_ly,draft,Câu hỏi hai,Trả lời hai,1,,thừa\n"  # line 9
        "tot-3,ho_tro,draft,Câu hỏi ba,Trả lời ba\n"  # line 10
    )
    report = read_entries(text, "csv")
    assert [e.id for e in report.entries] == ["tot-1", "tot-3"]
    where = [(r.where, r.reason.split(":")[0]) for r in report.rejected]
    assert where == [
        ("line 4 (thieu-tra-loi)", "answer"),
        ("line 5 (sai-trang-thai)", "status"),
        ("line 6 (tot-1)", "id"),
        ("line 7 (Sai Id)", "id"),
        ("line 8 (khong-cau-hoi)", "questions"),
        ("line 9", "nhiều ô hơn tiêu đề (more cells than columns)"),
    ]
    assert "duplicate" in report.rejected[2].reason


def test_bad_yaml_items_are_reported() -> None:
    text = """
faq:
  - id: tot
    topic: cach_ly
    status: published
    questions: [Câu hỏi]
    answer: Trả lời
  - just a string
  - id: thieu
    topic: cach_ly
    questions: [Câu hỏi]
"""
    report = read_entries(text, "yaml")
    assert [e.id for e in report.entries] == ["tot"]
    assert [r.where for r in report.rejected] == ["faq[2]", "faq[3] (thieu)"]
    assert report.rejected[1].reason.startswith("answer:")


@pytest.mark.parametrize(
    ("text", "fmt", "reason"),
    [
        ("faq: [unclosed", "yaml", "invalid YAML"),
        ("entries: []", "yaml", "faq:"),
        ("id,topic,answer\nx,y,z\n", "csv", "status, questions"),
        ("", "csv", "id, topic, status, questions, answer"),
    ],
)
def test_unreadable_files_are_one_rejection(text: str, fmt: str, reason: str) -> None:
    report = read_entries(text, fmt)  # type: ignore[arg-type]
    assert report.entries == []
    assert len(report.rejected) == 1
    assert report.rejected[0].where == "file"
    assert reason in report.rejected[0].reason


def test_format_for() -> None:
    assert format_for("faq.yml") == "yaml"
    assert format_for("/tmp/Export.YAML") == "yaml"
    assert format_for("faq.csv") == "csv"
    with pytest.raises(ValueError, match=r"\.xlsx"):
        format_for("faq.xlsx")

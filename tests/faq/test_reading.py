"""The text the FAQ index reads: voice typing written as the FAQ writes it."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqIndex
from hotline.faq.reading import LONGEST_TEXT_KEPT, read, reading

CHI_THI = FaqEntry(
    "chi-thi-15",
    ("Chỉ thị 15 quy định những gì?", "Chỉ thị 15 là gì"),
    "Chỉ thị 15 yêu cầu hạn chế tụ tập đông người.",
    "gian_cach",
    "published",
)
SPO2 = FaqEntry(
    "spo2",
    ("Đo SpO2 thế nào?", "SpO2 bao nhiêu là thấp"),
    "Kẹp máy vào ngón tay, chờ số ổn định; dưới 96% báo trạm y tế.",
    "dieu_tri",
    "published",
)


def test_reading_is_lower_case_with_spoken_numbers_written() -> None:
    assert read("Chỉ Thị mười lăm") == "chỉ thị 15"


def test_a_long_text_is_read_as_a_short_one() -> None:
    long = "chỉ thị mười lăm " * (LONGEST_TEXT_KEPT // 10)
    assert read(long) == "chỉ thị 15 " * (LONGEST_TEXT_KEPT // 10)


def test_the_index_answers_voice_typing_as_the_written_question() -> None:
    index = FaqIndex(reading(words))
    index.rebuild([CHI_THI, SPO2])
    for said, meant in (
        ("chỉ thị mười lăm quy định những gì", "chi-thi-15"),
        ("ét pê ô hai bao nhiêu là thấp", "spo2"),
    ):
        found = index.lookup(said)
        assert found.answer is not None and found.answer.id == meant

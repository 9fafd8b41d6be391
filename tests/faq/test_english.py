"""English read in the hotline's Vietnamese words, and only where it is English."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.english import DOMAIN, GENERAL, read_english, reads_english
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqIndex
from hotline.faq.reading import read, reading

CACH_LY = FaqEntry(
    "cach-ly-f1",
    ("F1 phải cách ly mấy ngày?", "Tiếp xúc gần thì cách ly bao lâu"),
    "F1 cách ly 7 ngày tại nhà, xét nghiệm ngày thứ 7.",
    "cach_ly",
    "published",
)
PHAT = FaqEntry(
    "phat",
    ("Không đeo khẩu trang bị phạt bao nhiêu?",),
    "Phạt từ 1 đến 3 triệu đồng.",
    "xu_phat",
    "published",
)


def test_a_text_reads_as_english_by_words_only_english_uses() -> None:
    assert reads_english("how long should a close contact stay home")
    assert not reads_english("f1 cach ly may ngay vay ad")
    # "my" is Mỹ and "can" is cần to a text typed bare: they say nothing.
    assert not reads_english("di my can test khong")


def test_a_bare_text_of_english_words_reads_as_english() -> None:
    assert reads_english("can i use my test kit results to travel")
    assert not reads_english("home test roi thi next step la gi")


def test_what_is_asks_what_a_thing_is_only_in_a_short_question() -> None:
    assert read_english("what is directive 15") == "là gì chỉ thị 15"
    assert read_english("what is the fine for riding without a mask") == (
        "gì  phạt  riding không  khẩu trang"
    )


def test_domain_words_are_read_in_a_vietnamese_text() -> None:
    assert read_english("đi siêu thị có cần mask không") == "đi siêu thị có cần khẩu trang không"


def test_question_words_and_fillers_are_read_only_in_english() -> None:
    assert read_english("how long is the quarantine") == "bao lâu   cách ly"
    # In Vietnamese "how" and "the" are no words to read; "la gi" stays.
    assert read_english("quarantine la gi") == "cách ly la gi"


def test_a_word_written_with_diacritics_is_never_english() -> None:
    assert read_english("where is the bến xe") == "ở đâu   bến xe"
    assert read_english("đi chợ có phải đeo mặt nạ không") == "đi chợ có phải đeo mặt nạ không"


def test_unknown_english_words_stay_as_written() -> None:
    assert "weather" in read_english("what is the weather like today")


def test_tables_map_ascii_phrases_to_vietnamese() -> None:
    for table in (DOMAIN, GENERAL):
        assert all(all(w.isascii() for w in phrase) for phrase in table)
        assert all(meant or phrase for phrase, meant in table.items())


def test_reading_is_lower_case_and_reads_spoken_numbers_too() -> None:
    assert read("Chỉ Thị mười sáu và LOCKDOWN") == "chỉ thị 16 và phong tỏa"


def test_the_index_answers_an_english_question_as_its_vietnamese() -> None:
    index = FaqIndex(reading(words))
    index.rebuild([CACH_LY, PHAT])
    asked = index.lookup("How many days does a close contact have to quarantine?")
    assert asked.answer is not None and asked.answer.id == "cach-ly-f1"
    fined = index.lookup("how much is the fine for not wearing a mask")
    assert fined.answer is not None and fined.answer.id == "phat"


def test_an_english_question_on_what_no_entry_covers_is_not_answered() -> None:
    index = FaqIndex(reading(words))
    index.rebuild([CACH_LY, PHAT])
    assert index.lookup("how many days does a tourist visa last").answer is None


def test_vietnamese_typed_bare_stays_vietnamese_beside_english_words() -> None:
    # English by two markers ("how", "long"), but mostly Vietnamese typed bare: "can" is cần
    # (need), not "được" (may); "me" (mẹ) and "an" (ăn) are no fillers to drop.
    assert read_english("f0 o nha can lam gi, how long phai cach ly") == (
        "f0 o nha can lam gi, bao lâu phai cach ly"
    )
    assert read_english("me o nha, con an chua, what should i do").startswith("me o nha, con an")
    # Written in English throughout, the same words are English.
    assert read_english("can i use my test kit to travel").startswith("được ")

"""Spelling repair: typos towards the FAQ's words, and syllables spelt as the south says them."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.index import FaqIndex
from hotline.faq.spelling import Speller
from tests.faq.test_synonyms import TIEM

SPELLER = Speller(
    {"tiem": 3, "tre": 2, "xu": 2, "ly": 2, "phat": 2, "che": 1, "tim": 1, "duong": 2, "di": 4},
    [("tiem", "ngua"), ("xu", "phat"), ("xu", "ly"), ("di", "duong")],
)


def repaired(text: str) -> list[str]:
    return SPELLER.correct(words(text))


def test_a_misspelt_word_becomes_the_faqs_word_that_fits_its_neighbour() -> None:
    assert repaired("giay di duog") == ["giay", "di", "duong"]


def test_a_syllable_spelt_by_ear_becomes_the_phrase_the_hotline_knows() -> None:
    assert repaired("bị sử lý thế nào") == words("bị xử lý thế nào")
    assert repaired("tim ngừa ở đâu") == words("tiêm ngừa ở đâu")
    # "trẻ em" is a phrase of the synonym groups, though "em" is a filler of the index.
    assert repaired("chẻ em đi chích") == words("trẻ em đi chích")


def test_a_real_word_with_no_known_phrase_is_left_alone() -> None:
    assert repaired("tìm ở đâu") == words("tìm ở đâu")
    assert repaired("che nắng") == words("che nắng")
    # A filler or question word is never repaired, nor vouches for a repair.
    assert repaired("sao lại thế") == words("sao lại thế")


def test_the_index_finds_the_entry_for_a_question_spelt_by_ear() -> None:
    index = FaqIndex(words)
    index.rebuild([TIEM])
    assert [m.entry.id for m in index.search("muốn tim vắc xin thì đăng ký sao")] == [TIEM.id]
    assert index.search("muốn tim vắc xin thì đăng ký sao")[0].uncovered == 0.0


def test_the_speller_says_how_widely_the_faq_uses_a_phrase() -> None:
    speller = Speller({"cap": 11, "cuu": 8, "spo2": 3}, {("cap", "cuu"): 4, ("xu", "ly"): 2})
    assert speller.knows(("spo2",)) == 3
    assert speller.knows(("cap", "cuu")) == 4  # its pair, not its words' 11 and 8
    assert speller.knows(("cuu", "tro")) == 0

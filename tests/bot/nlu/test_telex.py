"""Telex and VNI typing read as Vietnamese, and every other word left as it was typed."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import LONGEST_TEXT_KEPT
from hotline.bot.nlu.telex import _READ, ENGLISH, _word, decode, syllable

WORDS = [
    # Telex: doubled vowels, w, dd, a tone letter at the end or before the final consonant.
    ("tieem", "tiêm"),
    ("chungr", "chủng"),
    ("giaays", "giấy"),
    ("nhaanj", "nhận"),
    ("nhaajn", "nhận"),
    ("chuwngs", "chứng"),
    ("dduowcj", "được"),
    ("dduwowcj", "được"),
    ("nguwowif", "người"),
    ("truwowngf", "trường"),
    ("khoong", "không"),
    ("quaan", "quân"),
    ("gieets", "giết"),
    ("thuowr", "thuở"),
    ("nhwngx", "những"),
    ("vieejc", "việc"),
    ("hoaf", "hòa"),
    ("thuyr", "thủy"),
    ("Ddaau", "Đâu"),
    # VNI: the digits where the marks go, or at the end.
    ("te61", "tế"),
    ("d9i", "đi"),
    ("d9u7o7c5", "được"),
    ("ca1ch", "cách"),
    ("tie6m2", "tiềm"),
]


@pytest.mark.parametrize(("typed", "meant"), WORDS)
def test_a_telex_or_vni_word_beside_a_sure_one_is_read(typed: str, meant: str) -> None:
    assert decode(f"{typed} ddi") == f"{meant} đi"


SENTENCES = [
    ("giaays chuwngs nhaanj tieem chungr", "giấy chứng nhận tiêm chủng"),
    ("phieeus ddi chowj", "phiếu đi chợ"),
    ("cachs ly bao laau", "cách ly bao lâu"),
    ("khai bao y te61", "khai bao y tế"),
    ("toi muoons hoir veef tieem chungr", "toi muốn hỏi về tiêm chủng"),
    ("xin hoir cachs ly maays ngayf?", "xin hỏi cách ly mấy ngày?"),
    ("chaof bajn", "chào bạn"),
    ("ddi lafm phari cos giaays", "đi làm phải có giấy"),
    ("toi lafm viec", "toi làm viec"),
    ("hoir cachs lamf", "hỏi cách làm"),
    # Words typed with their diacritics beside Telex leftovers stay as typed.
    ("cho hỏi tieem mũi 3 ở đâu", "cho hỏi tiêm mũi 3 ở đâu"),
    # Codes, numbers, addresses and English words beside Telex are left alone.
    ("max PA-7K3Q-9X2M dduowcj xuwr lys chuwa", "mã PA-7K3Q-9X2M được xử lý chưa"),
    ("sdt 0912345678 goij laij giups", "sdt 0912345678 gọi lại giúp"),
    ("email abc.def@gmail.com, web www.binhduong.gov.vn dduowcj", None),
    ("F0 F1 spo2 96 nq116 covid19 dduowcj", "F0 F1 spo2 96 nq116 covid19 được"),
    ("test PCR free dduowcj khoong", "test PCR free được không"),
]


@pytest.mark.parametrize(("typed", "meant"), SENTENCES)
def test_a_message_typed_in_telex_or_vni_reads_as_vietnamese(typed: str, meant: str) -> None:
    expected = meant or typed.replace("dduowcj", "được")
    assert decode(typed) == expected


UNTOUCHED = [
    # English: no Vietnamese syllable, or a word English also has.
    "free book process address class boss sees test xs",
    "how many days is the isolation for F1 now",
    "does her bus stop near the town",
    "six beer, door box",
    # Vietnamese with or without diacritics, teencode, codes, numbers.
    "cách ly bao nhiêu ngày",
    "cach ly bao nhieu ngay ko ad",
    "f1 f2 dc xac dinh the nao, spo2 96",
    "mã PA-7K3Q-9X2M, sđt 0912 345 678, https://dichvucong.gov.vn/a_b?x=1",
    "hotro@binhduong.gov.vn",
    # One word that is Telex perhaps is not enough: a dose, a plural, a greeting.
    "mui3 lan2",
    "xin chaof",
    "grab car co duoc chay ko",
    "toj muon hoj aj bjk",  # teencode writes i as j
    "Vero Cell va Sora",  # names with an r inside
    "xoong",
    "WHO CDC NA3",
]


@pytest.mark.parametrize("text", UNTOUCHED)
def test_a_message_without_telex_beyond_doubt_is_left_as_typed(text: str) -> None:
    assert decode(text) == text


def test_english_words_stay_english_beside_telex() -> None:
    assert decode("how many days dduowcj") == "how many days được"
    assert all(w.isascii() and w.islower() for w in ENGLISH)


def test_a_syllable_takes_the_tones_its_final_allows() -> None:
    assert syllable("hoc", "\u0323") == "học"
    assert syllable("hoc", "\u0300") is None  # a stop takes only sắc or nặng
    assert syllable("thuy", "\u0309") == "thủy"  # placed as the official lists place it
    assert syllable("quôc", "\u0301") == "quốc"
    assert syllable("giêt", "\u0301") == "giết"
    assert syllable("frê") is None
    assert syllable("bôk") is None


def test_case_is_kept() -> None:
    assert decode("DDUOWCJ KHOONG") == "ĐƯỢC KHÔNG"
    assert decode("Tieem ddi") == "Tiêm đi"


def test_a_word_longer_than_any_syllable_is_left_unread() -> None:
    _word.cache_clear()
    long_word = "ddaau" * 300
    assert decode(f"ddaau {long_word} laf") == f"đâu {long_word} là"
    assert _word.cache_info().currsize == 2  # "ddaau" and "laf" only


def test_a_text_read_again_reads_the_same_and_one_left_alone_stays_itself() -> None:
    typed = "cho tooi hoir cachs lamf hoj chieeus"
    first = decode(typed)
    assert first != typed and _READ.find(typed) == first
    assert decode(typed) is _READ.find(typed)  # the second from the memo
    english = "".join(["the box", " is here"])  # may be Telex ("box"), is not: itself, twice
    assert decode(english) is english and decode(english) is english


def test_a_long_text_is_read_each_time_not_kept() -> None:
    typed = "cho tooi hoir " + "x" * LONGEST_TEXT_KEPT
    assert decode(typed) == "cho tôi hỏi " + "x" * LONGEST_TEXT_KEPT
    assert _READ.find(typed) is None
    short = "cho tooi hoir nhes"
    assert decode(short) == "cho tôi hỏi nhé" and _READ.find(short) == "cho tôi hỏi nhé"

"""Vietnamese folding: NFC, tone placement, đ, teencode."""

from __future__ import annotations

import unicodedata

from hotline.bot.nlu import normalize as normalize_module
from hotline.bot.nlu.normalize import (
    fold,
    nfc,
    normalize,
    strip_diacritics,
    syllables,
    unstretched,
    words,
    words_as_typed,
)


def test_nfc_joins_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Phường Phú Cường")
    assert decomposed != "Phường Phú Cường"
    assert nfc(decomposed) == "Phường Phú Cường"


def test_old_tone_placement_moves_to_the_official_one() -> None:
    assert nfc("Hoà Phú") == "Hòa Phú"
    assert nfc("thuỷ") == "thủy"
    assert nfc("khoẻ") == "khỏe"
    assert nfc("HOÀ") == "HÒA"


def test_tone_after_qu_stays_on_the_vowel() -> None:
    # In "quá"/"quý" the u belongs to the consonant, so there is nothing to move.
    assert nfc("quá") == "quá"
    assert nfc("quý") == "quý"


def test_both_tone_placements_fold_alike() -> None:
    assert fold("Hoà Phú") == fold("Hòa Phú") == "hoa phu"


def test_d_with_stroke_becomes_d() -> None:
    assert strip_diacritics("Đồng Đất Cuốc") == "Dong Dat Cuoc"
    assert fold("ĐI ĐÂU") == "di dau"


def test_teencode_is_expanded() -> None:
    assert words("ko dc j") == ["khong", "duoc", "gi"]
    assert words("k bik bn ngay") == ["khong", "biet", "bao", "nhieu", "ngay"]
    assert words("cho xin sdt") == ["cho", "xin", "so", "dien", "thoai"]
    assert words("đc hok") == ["duoc", "khong"]


def test_an_alley_typed_with_its_mark_is_no_teencode() -> None:
    # "hem" typed bare is chat for "không"; "hẻm" is an alley, and a report may end with it.
    assert words("quán nhậu trong hẻm") == ["quan", "nhau", "trong", "hem"]
    assert words("có hem") == ["co", "khong"]


def test_normalize_makes_one_string_from_any_typing() -> None:
    typed = ["Cách ly bao nhiêu ngày?", "cach  ly bn ngay", "CÁCH LY BAO NHIÊU NGÀY"]
    assert {normalize(t) for t in typed} == {"cach ly bao nhieu ngay"}


def test_a_text_folded_again_comes_from_the_memo_as_a_list_of_its_own() -> None:
    first = words("Chích ngừa mũi 3 ở đâu ạ")
    first.append("changed")
    assert words("Chích ngừa mũi 3 ở đâu ạ") == ["chich", "ngua", "mui", "3", "o", "dau", "a"]
    assert words("ko dc") == ["khong", "duoc"]  # a memoised word expands alike in every text
    assert words("dc ko") == ["duoc", "khong"]


def test_a_long_text_is_kept_only_among_the_last_few() -> None:
    piece = "Chích ngừa mũi 3 ở đâu ạ, ko dc j "
    text = piece * 20  # 680 characters
    assert len(text) > normalize_module.LONGEST_TEXT_KEPT
    kept = normalize_module._words.cache_info().currsize
    first = words(text)
    assert normalize_module._words.cache_info().currsize == kept
    assert normalize_module._long_words.cache_info().maxsize == normalize_module.LONG_TEXTS_KEPT
    assert first == words(piece) * 20  # the same words as the memoised short text gives
    assert first[:10] == ["chich", "ngua", "mui", "3", "o", "dau", "a", "khong", "duoc", "gi"]


def test_a_word_longer_than_any_vietnamese_one_is_folded_anew_not_kept() -> None:
    long = "Đằngxa" * 6  # longer than LONGEST_WORD_KEPT: a run of letters, a link's path
    assert len(long) > normalize_module.LONGEST_WORD_KEPT
    kept = normalize_module._word.cache_info().currsize
    typed = normalize_module._typed_kept.cache_info().currsize
    assert words(f"{long}!") == ["dangxa" * 6]
    assert words_as_typed(f"{long}!") == ["dangxa" * 6]
    assert normalize_module._word.cache_info().currsize == kept
    assert normalize_module._typed_kept.cache_info().currsize == typed


def test_a_rule_s_answer_is_kept_for_many_short_texts_and_a_few_long_ones() -> None:
    read: list[str] = []

    @normalize_module.kept_by_text
    def rule(text: str) -> bool:
        read.append(text)
        return "tiêm" in text

    short = "tiêm ở đâu"
    assert rule(short) and rule(short) and read == [short]
    longs = [f"tiêm {n} " * normalize_module.LONGEST_TEXT_KEPT for n in range(5)]
    assert all(rule(text) for text in [longs[0], longs[0], *longs[1:]])
    assert read == [short, *longs]  # the first long text read once while it is among the last
    assert rule(longs[0]) and read == [short, *longs, longs[0]]  # four others read since
    assert rule(short) and read[-1] == longs[0]


def test_a_letter_drawn_out_for_emphasis_is_read_once() -> None:
    assert words("tiêm ở đâu điiiii") == ["tiem", "o", "dau", "di"]
    assert words("k đc ạaaa") == ["khong", "duoc", "a"]
    assert words("mấy giờ vậyyyy, về sớmmm") == ["may", "gio", "vay", "ve", "som"]
    assert words("ra ngoài vậaaaay") == ["ra", "ngoai", "vay"]  # the mark stays with the first
    assert words("NGHỈ MẤY NGÀYYYY") == ["nghi", "may", "ngay"]


def test_letters_doubled_by_right_are_left_as_typed() -> None:
    # Twice is Telex (â ê ô đ) or a spelling of its own: never folded.
    assert words("tieem ddi xoong coffee") == ["tieem", "ddi", "xoong", "coffee"]


def test_runs_that_are_no_syllable_drawn_out_are_left_as_typed() -> None:
    # Laughing and noise (no vowel), one bare letter, acronyms, Roman numerals, codes, numbers.
    typed = "kkkk hmmm zzz aaaa CCCD XXIII PA-AAAK-9X2M 0909xxxxxx"
    assert words(typed) == [
        "kkkk",
        "hmmm",
        "zzz",
        "aaaa",
        "cccd",
        "xxiii",
        "pa",
        "aaak",
        "9x2m",
        "0909xxxxxx",
    ]
    assert unstretched("ờờờ") == "ờ"  # a particle with its mark is a word drawn out


def test_chat_spellings_of_wanting_and_a_friend() -> None:
    assert words("em mún hỏi") == ["em", "muon", "hoi"]
    assert words("bn ơi cho hỏi") == ["ban", "oi", "cho", "hoi"]  # "bạn ơi"
    assert words("bn tiền") == ["bao", "nhieu", "tien"]


def test_words_as_typed_keep_letters_drawn_out() -> None:
    assert words_as_typed("đi điiii, k đc") == ["di", "diiii", "khong", "duoc"]
    assert words_as_typed("Cách ly ko dc 👍") == words("Cách ly ko dc 👍")


def test_a_pasted_link_is_none_of_the_words() -> None:
    assert words("đọc ở https://tin.example/ho-tro?utm_source=zalo&fbclid=Ab1 rồi") == [
        "doc",
        "o",
        "roi",
    ]
    assert words("vào www.dichvucong.gov.vn/dang-ky nhé") == ["vao", "nhe"]
    assert words("nhóm t.me/nhomhotro hay zalo.me/g/xyz123 đó") == ["nhom", "hay", "do"]
    assert words("trang baomoi.vn/bai-viet?fbclid=X nói vậy") == ["trang", "noi", "vay"]


def test_what_only_looks_like_a_link_is_kept() -> None:
    # An e-mail, a phone number with dots, a ticket code, "TP.HCM", a sentence run together.
    assert words("gửi an.nguyen@gmail.com") == ["gui", "an", "nguyen", "gmail", "com"]
    assert words("gọi 0912.345.678 mã PA-AAAK-9X2M") == [
        "goi",
        "0912",
        "345",
        "678",
        "ma",
        "pa",
        "aaak",
        "9x2m",
    ]
    assert words("ở TP.HCM xong.Có ai") == ["o", "thanh", "pho", "hcm", "xong", "co", "ai"]


def test_a_hashtag_is_read_as_its_words() -> None:
    assert words("#hotroF0 #tiêmchủng") == ["ho", "tro", "f0", "tiem", "chung"]
    assert words("#PhongChongCovid19 #nq68") == ["phong", "chong", "covid19", "nq68"]
    assert words("#xyzw cách ly") == ["cach", "ly"]  # no syllables: dropped
    assert words("C# và &#39;") == ["c", "va", "39"]  # no hashtag after a letter or "&"


def test_syllables_open_on_the_next_consonant() -> None:
    assert syllables("hotrotientro") == ["ho", "tro", "tien", "tro"]
    assert syllables("giancach") == ["gian", "cach"]
    assert syllables("thanhphohochiminh") == ["thanh", "pho", "ho", "chi", "minh"]
    assert syllables("covid") is None

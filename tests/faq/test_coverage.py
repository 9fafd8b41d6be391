"""Coverage: the share of a question's salient words an entry never uses."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.accents import differ, spellings
from hotline.faq.coverage import DEFINITION, Coverage, kinds
from hotline.faq.entries import FaqEntry
from hotline.faq.places import PLACE


def entry(id: str, questions: tuple[str, ...], answer: str) -> FaqEntry:
    return FaqEntry(id, questions, answer, "cach_ly", "published")


@pytest.fixture
def coverage() -> Coverage:
    return Coverage(
        [
            entry(
                "dang-ky-tiem",
                ("Đăng ký tiêm vắc xin ở đâu?",),
                "Đăng ký tại trạm y tế phường, xã.",
            ),
            entry("f1-la-ai", ("F1 là gì?",), "F1 là người tiếp xúc gần với F0."),
            entry("phat", ("Không đeo khẩu trang bị phạt bao nhiêu?",), "Phạt 1-3 triệu đồng."),
        ],
        words,
    )


def test_words_the_entry_uses_are_covered(coverage: Coverage) -> None:
    assert coverage.uncovered("dang-ky-tiem", words("dang ky tiem vac xin o dau vay")) == 0.0


def test_a_rare_word_no_entry_uses_leaves_most_uncovered(coverage: Coverage) -> None:
    asked = words("người nhiễm HIV có nên tiêm vắc xin không")
    assert coverage.uncovered("dang-ky-tiem", asked) > 0.3
    assert "hiv" in coverage.unknown(asked)


def test_fillers_numbers_and_amounts_do_not_count(coverage: Coverage) -> None:
    asked = words("ad ơi cho em hỏi 2 hôm nay đăng ký tiêm 500k ở đâu ạ")
    assert coverage.uncovered("dang-ky-tiem", asked) == 0.0


def test_a_message_with_nothing_salient_is_covered_by_nothing(coverage: Coverage) -> None:
    assert coverage.uncovered("dang-ky-tiem", words("mấy giờ rồi")) == 1.0


def test_asking_what_something_is_needs_an_entry_that_defines(coverage: Coverage) -> None:
    assert kinds(words("thuốc kháng virus là thuốc gì")) == [DEFINITION]
    assert coverage.uncovered("f1-la-ai", words("F1 là gì vậy")) == 0.0
    assert coverage.uncovered("phat", words("khẩu trang là gì")) > 0.5


def test_an_unknown_entry_covers_nothing(coverage: Coverage) -> None:
    assert coverage.uncovered("khong-co", words("đăng ký tiêm")) == 1.0


@pytest.fixture
def spelt() -> Coverage:
    return Coverage(
        [
            entry(
                "giay-to",
                ("Xin giấy xác nhận theo yêu cầu ở đâu?", "xin giay theo yeu cau o dau"),
                "Vâng, làm theo yêu cầu tại ủy ban phường.",
            ),
        ],
        words,
    )


def test_a_word_written_with_other_diacritics_is_not_the_entrys(spelt: Coverage) -> None:
    # "yếu" (weak) and "yêu" (as in "yêu cầu") fold alike; so do "vàng" and "vâng".
    asked = "người già sức yếu xin giấy ở đâu"
    assert spelt.uncovered("giay-to", words(asked), asked) > 0.3
    asked = "mã QR vẫn vàng"
    assert spelt.uncovered("giay-to", words(asked), asked) > 0.3


def test_the_same_diacritics_or_none_at_all_are_the_entrys(spelt: Coverage) -> None:
    for asked in ("xin giấy theo yêu cầu ở đâu", "xin giay theo yeu cau o dau"):
        assert spelt.uncovered("giay-to", words(asked), asked) == 0.0
    # Without the text, words alone are compared.
    assert spelt.uncovered("giay-to", words("giấy yếu")) == 0.0


def test_where_the_tone_mark_sits_does_not_matter() -> None:
    assert not differ(spellings(["hoà bình"]), spellings(["hòa bình"]), "hoa")
    assert differ(spellings(["sức yếu"]), spellings(["yêu cầu"]), "yeu")
    assert not differ(spellings(["suc yeu"]), spellings(["yêu cầu"]), "yeu")


@pytest.fixture
def places() -> Coverage:
    return Coverage(
        [
            entry(
                "cap-do",
                ("Phường mình đang ở cấp độ dịch mấy?", "Vùng cam ở Tây Ninh là gì?"),
                "Cấp độ dịch do UBND tỉnh công bố hằng tuần.",
            ),
            entry(
                "lien-tinh",
                ("Chạy xe về Tây Ninh hay tỉnh khác cần giấy tờ gì?",),
                "Người đi lại liên tỉnh khai báo y tế; về quê hỏi UBND xã nơi đến.",
            ),
            entry("phat", ("Không đeo khẩu trang bị phạt bao nhiêu?",), "Phạt 1-3 triệu đồng."),
        ],
        words,
    )


def test_a_place_outside_the_province_is_a_salient_word(places: Coverage) -> None:
    assert kinds(words("Lâm Đồng đang ở cấp độ mấy")) == [PLACE]
    assert kinds(words("Singapore có bắt cách ly không")) == [PLACE]
    assert kinds(words("thủ dầu một đang ở cấp độ mấy")) == []
    assert places.uncovered("cap-do", words("Lâm Đồng đang ở cấp độ mấy")) > 0.5
    assert places.uncovered("cap-do", words("phường mình đang ở cấp độ mấy")) == 0.0


def test_an_entry_on_other_places_covers_them(places: Coverage) -> None:
    assert places.uncovered("lien-tinh", words("chạy xe về Tây Ninh cần giấy tờ gì")) == 0.0
    # The entry on levels uses the words "tây ninh", not the place: the place is left over.
    assert places.uncovered("cap-do", words("Tây Ninh đang ở cấp độ mấy")) > 0.5


def test_a_place_never_counts_for_the_entry_on_other_places(places: Coverage) -> None:
    # Covered, the place would weigh as much as several words and drown "cà mau", which the
    # entry never says: it counts neither way for the entry on travel.
    asked = words("Cà Mau chạy xe cần giấy tờ gì")
    salient = [w for w in places.salient(asked) if w != PLACE]
    unused = [w for w in salient if w in ("ca", "mau")]
    share = sum(map(places.weight, unused)) / sum(map(places.weight, salient))
    assert places.uncovered("lien-tinh", asked) == pytest.approx(share)
    assert share > 0.0

"""Coverage: the share of a question's salient words an entry never uses."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.accents import differ, spellings
from hotline.faq.asks import DEFINITION, salient_kinds
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry
from hotline.faq.places import PLACE, asks_of_place, without_places


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


def test_asking_plainly_or_in_time_says_nothing_of_the_entry(coverage: Coverage) -> None:
    plain = coverage.uncovered("dang-ky-tiem", words("đăng ký tiêm ở đâu"))
    for said in ("cho hỏi rõ", "hỏi chút", "còn kịp không"):
        asked = words(f"đăng ký tiêm ở đâu {said}")
        assert coverage.uncovered("dang-ky-tiem", asked) == plain


def test_a_message_with_nothing_salient_is_covered_by_nothing(coverage: Coverage) -> None:
    assert coverage.uncovered("dang-ky-tiem", words("mấy giờ rồi")) == 1.0


def test_asking_what_something_is_needs_an_entry_that_defines(coverage: Coverage) -> None:
    assert salient_kinds(words("thuốc kháng virus là thuốc gì")) == [DEFINITION]
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
    assert salient_kinds(words("Lâm Đồng đang ở cấp độ mấy")) == [PLACE]
    assert salient_kinds(words("Singapore có bắt cách ly không")) == [PLACE]
    assert salient_kinds(words("thủ dầu một đang ở cấp độ mấy")) == []
    assert places.uncovered("cap-do", words("Lâm Đồng đang ở cấp độ mấy")) > 0.5
    assert places.uncovered("cap-do", words("phường mình đang ở cấp độ mấy")) == 0.0


def test_an_entry_on_other_places_covers_them(places: Coverage) -> None:
    assert places.uncovered("lien-tinh", words("chạy xe về Tây Ninh cần giấy tờ gì")) == 0.0
    # The entry on levels uses the words "tây ninh", not the place: the place is left over.
    assert places.uncovered("cap-do", words("Tây Ninh đang ở cấp độ mấy")) > 0.5


def test_a_place_to_go_to_never_counts_for_the_entry_on_other_places(places: Coverage) -> None:
    # Covered, the place would weigh as much as several words and drown the rest of the
    # question: somewhere to go or come from counts neither way for the entry on travel.
    assert places.uncovered("lien-tinh", words("từ Cà Mau chạy xe về cần giấy tờ gì")) == 0.0
    assert not asks_of_place(words("xe khách Bình Dương - Cà Mau chạy lại chưa"))  # a route
    # It still counts against the entries on the province's own rules.
    assert places.uncovered("cap-do", words("từ Cà Mau chạy xe về cần giấy tờ gì")) > 0.5


def test_a_place_whose_rules_are_asked_counts_against_the_entry_on_other_places(
    places: Coverage,
) -> None:
    # Another province's own rule is not what the entry on travel between provinces answers,
    # though it uses every other word of the question.
    asked = words("Cà Mau có bắt chạy xe cần giấy tờ gì")
    assert asks_of_place(asked)
    assert places.uncovered("lien-tinh", asked) > 0.5
    assert asks_of_place(words("ở Hà Nội chạy xe cần giấy tờ gì"))
    assert not asks_of_place(words("chạy xe về Tây Ninh rồi qua Long An cần giấy tờ gì"))
    assert not asks_of_place(words("chạy xe trong tỉnh cần giấy tờ gì"))
    assert not asks_of_place(words("về quê Bến Tre hay về quê ở Đồng Tháp cần giấy tờ gì"))
    # Its syllables covered by the entry ("an"), the place still counts against it.
    assert places.uncovered("lien-tinh", words("Long An có bắt chạy xe cần giấy tờ gì")) > 0.5


def test_a_place_counts_as_itself_not_as_its_syllables(places: Coverage) -> None:
    assert without_places(words("về Tây Ninh thăm mẹ")) == words("về thăm mẹ")
    assert without_places(words("nhà ở phía tây")) == words("nhà ở phía tây")
    assert "ninh" not in places.salient(words("Tây Ninh có hỗ trợ không"))
    assert places.speaks_of_elsewhere("lien-tinh") and not places.speaks_of_elsewhere("cap-do")


@pytest.fixture
def topics() -> Coverage:
    # Six support entries among ten: "hỗ trợ" is common across this FAQ, yet one topic's word.
    support = [
        FaqEntry(
            f"ho-tro-{n}",
            (f"Hỗ trợ {who} bao nhiêu?",),
            "Mức hỗ trợ theo nghị quyết.",
            "ho_tro",
            "published",
        )
        for n, who in enumerate(
            ("lao động tự do", "hộ kinh doanh", "tiền thuê nhà", "F0", "trẻ em", "ngừng việc")
        )
    ]
    others = [
        FaqEntry("f1", ("F1 cách ly mấy ngày?",), "Bảy ngày.", "cach_ly", "published"),
        FaqEntry("test", ("Xét nghiệm ở đâu?",), "Trạm y tế.", "xet_nghiem", "published"),
    ]
    travel = FaqEntry(
        "lien-tinh", ("Về quê bằng xe gì?",), "Xe khách liên tỉnh chạy lại.", "di_lai", "published"
    )
    masks = FaqEntry(
        "phat", ("Không đeo khẩu trang bị phạt?",), "Phạt tiền.", "quy_dinh", "published"
    )
    return Coverage([*support, *others, travel, masks], words)


def test_a_word_carrying_a_topic_weighs_against_an_entry_that_never_says_it(
    topics: Coverage,
) -> None:
    # "hỗ trợ" is said by every support entry: common across the FAQ, so its rarity is low,
    # yet the entry on travel never says it, and a question on support asks what it does not
    # answer.
    assert topics.unused_weight("tro") > topics.weight("tro")
    asked = words("về quê có được hỗ trợ không")
    plain = topics.weight("tro") / sum(map(topics.weight, topics.salient(asked)))
    assert topics.uncovered("lien-tinh", asked) > plain
    # Said by the entry, the same word is covered; a word carrying no topic weighs its rarity.
    assert topics.uncovered("ho-tro-0", words("hỗ trợ lao động tự do")) == 0.0
    assert topics.unused_weight("khau") == topics.weight("khau")


@pytest.mark.parametrize(
    "text",
    [
        "triệu chứng hậu covid thường gặp là gì",
        "thu tuc xin giay xac nhan la gi vay",
        "những giấy tờ cần mang khi đi tiêm là gì",
        "dieu kien de duoc nhan goi ho tro la gi",
    ],
)
def test_what_a_rule_consists_of_is_no_definition(text: str) -> None:
    assert DEFINITION not in salient_kinds(words(text))


def test_a_definition_is_still_one_after_other_words() -> None:
    assert salient_kinds(words("giấy thông hành điện tử là gì")) == [DEFINITION]
    assert salient_kinds(words("biến chủng mới tên là gì vậy")) == [DEFINITION]


def test_southern_chat_spellings_of_vay_are_fillers(coverage: Coverage) -> None:
    plain = coverage.uncovered("phat", words("không đeo khẩu trang bị phạt bao nhiêu vậy"))
    for typed in ("dzậy", "dzị", "zay"):
        asked = words(f"không đeo khẩu trang bị phạt bao nhiêu {typed}")
        assert coverage.uncovered("phat", asked) == plain


def test_a_filler_written_as_a_word_of_content_is_salient() -> None:
    entries = [
        entry("cap-cuu", ("Khi nào gọi cấp cứu?",), "Khó thở thì gọi ngay số cấp cứu."),
        entry("mua-giup", ("Ai mua đồ ăn giúp?",), "Tổ dân phố đi chợ mua giúp."),
    ]
    coverage = Coverage(entries, words)
    question = "nhờ đi chợ thì gọi số nào"
    checked = words(question)
    assert coverage.uncovered("cap-cuu", checked, question) > 0.0
    # Written bare, "cho" is as much "for" as "market": it weighs nothing either way.
    assert coverage.uncovered("cap-cuu", words("goi so nao cho"), "goi so nao cho") == 0.0
    assert coverage.uncovered("mua-giup", checked, question) < 1.0

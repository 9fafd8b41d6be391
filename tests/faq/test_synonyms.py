"""Synonyms: the citizen's word for what the FAQ says in other words."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.coverage import Coverage
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqIndex
from hotline.faq.synonyms import GROUPS, covered_by, expand

TIEM = FaqEntry(
    "dang-ky-tiem",
    ("Đăng ký tiêm vắc xin ở đâu?", "Muốn tiêm vắc xin thì đăng ký thế nào"),
    "Đăng ký tại trạm y tế phường, xã.",
    "tiem_chung",
    "published",
)
PHAT = FaqEntry(
    "phat",
    ("Không đeo khẩu trang bị phạt bao nhiêu?",),
    "Phạt từ 1 đến 3 triệu đồng.",
    "xu_phat",
    "published",
)


def test_a_citizens_word_gains_the_faqs_wording() -> None:
    assert expand(words("chích ngừa ở đâu")) == [*words("chích ngừa ở đâu"), "tiem"]
    assert expand(words("làm test covid")) == [*words("làm test covid"), "xet", "nghiem"]


def test_a_question_already_in_the_faqs_wording_is_left_alone() -> None:
    asked = words("tiêm chủng ở đâu")
    assert expand(asked) == asked


def test_an_entry_covers_every_phrase_of_a_group_it_uses() -> None:
    covered = covered_by([words("Đăng ký tiêm vắc xin ở đâu?")])
    assert {"chich", "ngua", "vaccine"} <= covered
    assert "hiv" not in covered


def test_a_synonym_is_covered_but_a_rare_unknown_word_is_not() -> None:
    coverage = Coverage([TIEM, PHAT], words)
    assert coverage.uncovered("dang-ky-tiem", words("chích ngừa vaccine đăng ký ở đâu")) == 0.0
    asked = words("người bị lupus có chích ngừa được không")
    assert coverage.uncovered("dang-ky-tiem", asked) > 0.3


def test_the_index_answers_a_question_in_the_citizens_words() -> None:
    index = FaqIndex(words)
    index.rebuild([TIEM, PHAT])
    found = index.lookup("muốn chích ngừa thì đăng ký thế nào")
    assert found.answer is not None and found.answer.id == "dang-ky-tiem"


def test_groups_are_folded_and_no_phrase_is_in_two_groups() -> None:
    phrases = [phrase for group in GROUPS for phrase in group]
    assert all(" ".join(p) == " ".join(words(" ".join(p))) for p in phrases)
    assert len(phrases) == len(set(phrases))


def test_a_phrase_is_found_wherever_its_first_word_stands() -> None:
    # The phrase's first word twice, the phrase only at the second; then only at the end.
    assert expand(words("trở lại trợ cấp")) == [*words("trở lại trợ cấp"), "ho", "tro"]
    assert expand(words("xin trợ")) == words("xin trợ")
    assert expand(words("đi làm test")) == [*words("đi làm test"), "xet", "nghiem"]


def test_english_words_citizens_mix_in_gain_the_faqs_wording() -> None:
    assert expand(words("khu lockdown đi chợ sao")) == [
        *words("khu lockdown đi chợ sao"),
        "phong",
        "toa",
    ]
    assert "cach" in expand(words("quarantine mấy ngày"))


def test_a_test_read_as_lines_gains_the_faqs_wording() -> None:
    assert expand(words("que thử hiện hai gạch")) == [
        *words("que thử hiện hai gạch"),
        "test",
        "nhanh",
        "2",
        "vach",
    ]
    assert expand(words("cô vít có lây qua đồ ăn không"))[-1] == "covid"


def test_the_souths_everyday_words_gain_the_faqs_wording() -> None:
    assert expand(words("kêu ai tới")) == [*words("kêu ai tới"), "goi"]
    assert expand(words("nhà có một cái toa lét")) == [
        *words("nhà có một cái toa lét"),
        "nha",
        "ve",
        "sinh",
    ]
    assert expand(words("ở nhà mấy bữa")) == [*words("ở nhà mấy bữa"), "may", "ngay"]


def test_an_entry_saying_a_gathering_does_not_cover_eating_or_sitting() -> None:
    covered = covered_by([words("Tụ tập đông người bị phạt bao nhiêu")])
    assert {"lai", "rai", "nhet"} <= covered
    assert not {"an", "ngoi"} & covered


def test_a_level_named_by_its_colour_is_the_faqs_zone() -> None:
    assert expand(words("phường màu cam")) == [*words("phường màu cam"), "vung", "cam"]


def test_an_everyday_colour_is_no_zone() -> None:
    for asked in (words("ho có đờm màu vàng"), words("da nổi mẩn màu đỏ"), words("thẻ màu xanh")):
        assert expand(asked) == asked


def test_a_synonym_one_entry_of_many_says_still_gains_the_faqs_wording() -> None:
    said = {("chich",): 1, ("tiem",): 9, ("f0",): 11, ("duong", "tinh"): 7}

    def known(phrase: tuple[str, ...]) -> int:
        return said.get(phrase, 0)

    assert expand(words("chích về bị sốt"), known)[-1] == "tiem"
    assert expand(words("f0 ở nhà mấy ngày"), known) == words("f0 ở nhà mấy ngày")


def test_a_lost_or_torn_paper_and_a_checkpoint_gain_the_faqs_wording() -> None:
    assert expand(words("lỡ làm rách giấy"))[-2:] == ["lam", "mat"]
    assert expand(words("qua ranh giới có bị chặn không"))[-1] == "chot"


def test_telling_the_neighbourhood_is_declaring() -> None:
    asked = words("mới đến ở có cần báo với tổ dân phố không")
    assert expand(asked) == [*asked, "khai", "bao", "y", "te"]


def test_keeping_the_family_safe_and_looking_something_up_gain_the_faqs_wording() -> None:
    assert expand(words("làm sao cho con khỏi lây"))[-2:] == ["khong", "lay"]
    assert expand(words("coi kết quả ở đâu"))[-1] == "xem"
    assert {"cach", "ly"} <= set(expand(words("f1 phải ở nhà mấy ngày")))


def test_more_english_gains_the_faqs_wording() -> None:
    assert expand(words("rapid test có chính xác không"))[-2:] == ["test", "nhanh"]
    assert expand(words("xin vaccine certificate ở đâu"))[-4:] == ["chung", "nhan", "tiem", "chung"]


def test_a_passport_or_a_certificate_alone_is_no_vaccination_certificate() -> None:
    for asked in (words("làm passport đi nước ngoài ở đâu"), words("xin certificate tốt nghiệp")):
        assert expand(asked) == asked

"""The ages a question names and an answer speaks for (`hotline.faq.ages`)."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq import ages
from hotline.faq.asks import Ask, kinds_asked, kinds_said

_ALL = {name for name, _, _ in ages.BANDS}


def _line(text: str) -> str:
    return f" {' '.join(words(text))} "


@pytest.mark.parametrize(
    ("question", "bands"),
    [
        ("con tôi 4 tuổi có được tiêm không", {"age_under_5"}),
        ("be 10 thang tuoi bi sot", {"age_under_5"}),
        ("bà nội 72 tuổi ở nhà một mình", {"age_60_up"}),
        ("người trên 59 tuổi tiêm mũi 4 chưa", {"age_60_up"}),
        ("học sinh lớp 9 có phải test không", set()),
        # "Bà" folds to "ba" (three), "năm" and "nam" (men) to "nam": no age in these.
        ("ông bà tuổi cao có được tiêm tại nhà không", set()),
        ("bà tuổi già ở một mình", set()),
        ("nam tuổi từ 18 đến 25 phải khám sức khỏe", set()),  # not five years old
        ("bé ba tuổi bị sốt", {"age_under_5"}),
        # An infant named without "tuổi".
        ("trẻ sơ sinh có được tiêm vắc xin covid không", {"age_under_5"}),
        ("em bé được 3 tuần thì chích ngừa được chưa", {"age_under_5"}),
        # "Còn" folds as "con": what remains, not a child's age.
        ("hỗ trợ này con 3 thang nua la het", set()),
    ],
)
def test_a_question_names_the_age_bands_of_its_ages(question: str, bands: set[str]) -> None:
    assert ages.asked(_line(question)) == bands


@pytest.mark.parametrize(
    ("answer", "bands"),
    [
        ("Trẻ từ 6 đến dưới 12 tuổi được tiêm tại trường.", {"age_5_11"}),
        (
            "Người từ 18 tuổi trở lên đăng ký tại trạm y tế.",
            {"age_18_49", "age_50_59", "age_60_up"},
        ),
        ("Ưu tiên người trên 65 tuổi và trẻ dưới 3 tuổi.", {"age_60_up", "age_under_5"}),
        # A priority group without a number limits nothing; no age speaks for all.
        ("Người già neo đơn được ưu tiên nhận gạo.", _ALL),
        ("Hồ sơ nộp tại UBND xã.", _ALL),
    ],
)
def test_an_answer_speaks_for_the_bands_its_ages_reach(answer: str, bands: set[str]) -> None:
    assert ages.said(_line(answer)) == bands


def test_an_age_the_answer_never_reaches_is_left_unsaid() -> None:
    asked = kinds_asked(words("cháu 2 tuổi bao giờ được tiêm"))
    said = kinds_said(words("Trẻ từ 5 đến 11 tuổi tiêm từ tháng 4."))
    assert Ask.AGE_UNDER_5 in asked - said
    assert not kinds_asked(words("cháu 7 tuổi bao giờ được tiêm")) - said

"""A question is the consultant's when it names a sign of illness, the FAQ's when it asks the
rules without one."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.health_signs import asks_child_dose, asks_rules, names_sign
from hotline.bot.nlu.personal_health import consulted


@pytest.mark.parametrize(
    "text",
    [
        "con tôi sốt 39 độ từ tối qua",
        "mẹ em ho khan mấy hôm nay",
        "me em ho khan may hom nay",
        "ba tui đau họng, uống hapacol được không",
        "SpO2 của ông đo được 93 thì sao",
        "vợ tôi đang mang bầu tháng thứ 6",
        "bé bị tim bẩm sinh, mới mổ năm ngoái",
        # a child's or an old person's warning signs, asked where to go: the consultant's
        "bé nhà em li bì từ sáng thì đưa đi khám ở đâu",
        "bé 2 tháng bỏ bú cả ngày thì làm sao",
        "ông tôi hôn mê thì đưa đi viện nào",
        "bé thở khò khè thì đi khám ở đâu",
    ],
)
def test_a_sign_of_illness_is_named(text: str) -> None:
    assert names_sign(text)


@pytest.mark.parametrize(
    "text",
    [
        # "hỗ trợ", "hồ sơ", "đâu", "đầu", "không" (hông) fold onto sign words.
        "hồ sơ nhận hỗ trợ nộp ở đâu",
        "đầu tháng có đợt tiêm mới không",
        "phường mình có điểm tiêm hông",
        "trẻ 14 tuổi đi tiêm có cần cha mẹ đi cùng không",
    ],
)
def test_words_folding_onto_a_sign_are_no_sign(text: str) -> None:
    assert not names_sign(text)


@pytest.mark.parametrize(
    "text",
    [
        "con gái tôi 12 tuổi thì tiêm ở chỗ nào",
        "khu tôi bị phong tỏa, muốn đi tái khám ở bệnh viện thì phải làm sao",
        "người nhà mất vì covid thì phường có chi tiền mai táng không",
    ],
)
def test_the_rules_asked_without_a_sign_are_the_faqs(text: str) -> None:
    assert asks_rules(text)
    ranking = (Intent("health_consult", 0.5), Intent("ask_faq", 0.4))
    parse = ParseResult(text, ranking[0], (), ranking)
    assert consulted(parse).intent == Intent("ask_faq", 0.5)


@pytest.mark.parametrize(
    "text",
    [
        # A sign beside the rules keeps the consultant.
        "con tôi sốt cao thì đưa đi khám ở đâu",
        "ba tôi khó thở thì phải làm sao",
        # Told, not asked.
        "tôi đã đăng ký tiêm ở phường rồi",
    ],
)
def test_a_sign_or_a_statement_stays_the_consultants(text: str) -> None:
    assert not asks_rules(text)
    ranking = (Intent("health_consult", 0.5), Intent("ask_faq", 0.4))
    parse = ParseResult(text, ranking[0], (), ranking)
    assert consulted(parse) is parse


@pytest.mark.parametrize(
    "text",
    [
        "con gái tôi 15 tuổi chích thuốc covid ở đâu",  # "chích thuốc": the dose itself
        "học sinh lớp 9 tiêm ở trường hay ở trạm",
        "bé nhà em 12 tuổi đi tiêm có cần giấy khai sinh không",
    ],
)
def test_a_childs_dose_asked_naming_no_sign_is_the_faqs(text: str) -> None:
    assert asks_child_dose(text)
    top = Intent("health_consult", 0.6)
    parse = consulted(ParseResult(text, top, (), (top, Intent("ask_faq", 0.3))))
    assert parse.intent == Intent("ask_faq", 0.6)


@pytest.mark.parametrize(
    "text",
    [
        "bé 10 tuổi bị hen suyễn có tiêm được không",  # a condition: the consultant's
        "cháu tôi bị down, 14 tuổi, tiêm được không",  # something the child has
        "con tôi 8 tuổi uống thuốc hạ sốt rồi có tiêm được không",  # a drug it takes
        "bé 13 tuổi tiêm rồi",  # told, not asked
    ],
)
def test_a_child_who_has_something_or_nothing_asked_is_not(text: str) -> None:
    assert not asks_child_dose(text)

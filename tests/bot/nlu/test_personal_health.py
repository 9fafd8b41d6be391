"""A person's own illness with a may-I question on a vaccine, a treatment or a drug."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.personal_health import asks_policy, consulted, personal_health


@pytest.mark.parametrize(
    "text",
    [
        "tôi nhiễm HIV mấy năm nay, uống thuốc đều, giờ đi chích ngừa covid được không",
        "ba tui 80 tuổi bị bệnh tự miễn, đang uống thuốc ức chế miễn dịch, có nên tiêm mũi 3",
        "vo em dang mang thai thang thu 5 thi chich vaccine co sao ko",
        "em bị dị ứng thuốc kháng sinh, tiêm vắc xin có được không ạ",
        "bị bệnh gút lâu năm có tiêm được không ad",
        "mẹ mình đang chạy thận, mắc covid thì điều trị thế nào",
        # Further from who has it, or a kin word that opens the message.
        "chồng tôi chạy xe ôm mấy năm nay bị thoát vị, giờ tiêm mũi 3 có sao không",
        "dì bị bệnh gan lâu rồi, mấy nay sốt với ho, có phải bị covid không",
        # In English.
        "My husband has asthma and tested positive yesterday, can he take his usual inhaler "
        "medicine?",
        "I am pregnant, is it safe to get the booster?",
    ],
)
def test_someones_own_condition_asked_about_a_remedy(text: str) -> None:
    assert personal_health(text)


@pytest.mark.parametrize(
    "text",
    [
        # Asked in general: the FAQ's entries on underlying illnesses may answer.
        "cho mình hỏi người bị tiểu đường có được tiêm vắc xin không",
        "phụ nữ đang mang thai có được tiêm không",
        "bệnh nền có được tiêm mũi nhắc lại không",
        "em hỏi trường hợp đang cho con bú thì tiêm được không",
        # A condition told, nothing asked of a remedy, or nothing asked at all.
        "mẹ tôi bị bệnh tim, nhà bị phong tỏa thì đi chợ sao",
        "ba em bị bệnh nằm viện, hàng xóm tụ tập nhậu ồn ào cả đêm",
        "tôi đăng ký tiêm mũi 3 ở đâu",
    ],
)
def test_general_questions_and_other_messages_are_not(text: str) -> None:
    assert not personal_health(text)


def _parse(text: str, top: str) -> ParseResult:
    other = "health_consult" if top == "ask_faq" else "ask_faq"
    return ParseResult(text, Intent(top, 0.7), (), (Intent(top, 0.7), Intent(other, 0.2)))


def test_the_faq_intent_becomes_the_consultants_at_the_same_confidence() -> None:
    parse = consulted(
        _parse("chồng tôi bị ung thư đang hóa trị, có tiêm vắc xin được không", "ask_faq")
    )
    assert parse.intent == Intent("health_consult", 0.7)
    assert parse.intent_ranking[:2] == (Intent("health_consult", 0.7), Intent("ask_faq", 0.2))


def test_other_intents_and_general_questions_are_left_alone() -> None:
    told = _parse("ba em bị bệnh nằm viện, xin hỗ trợ tiền viện phí", "request_support")
    assert consulted(told) is told
    general = _parse("người bị hen suyễn có được tiêm không", "ask_faq")
    assert consulted(general) is general


@pytest.mark.parametrize(
    "text",
    [
        "vợ tôi đang mang thai mà bị F0 cách ly ở nhà, có được hỗ trợ gì không",
        "ba em bị F0 điều trị tại nhà thì ai mang thuốc đến, có phải trả tiền không",
        "bé nhà mình 7 tuổi, phường có tiêm cho trẻ lứa này chưa",
        "mình mới khỏi F0, lịch tiêm mũi 2 có phải tính lại từ đầu không",
    ],
)
def test_a_condition_told_as_the_setting_of_a_policy_question_is_the_faqs(text: str) -> None:
    parse = consulted(_parse(text, "health_consult"))
    assert parse.intent == Intent("ask_faq", 0.7)
    assert parse.intent_ranking[:2] == (Intent("ask_faq", 0.7), Intent("health_consult", 0.2))


def test_a_remedy_for_ones_own_condition_stays_the_consultants_beside_money() -> None:
    text = "em đang mang thai, bị F0, uống thuốc hạ sốt được không, có mất tiền không"
    parse = _parse(text, "health_consult")
    assert consulted(parse) is parse


def test_symptoms_are_not_money() -> None:
    text = "tôi bị F0 không triệu chứng, có cần uống thuốc gì không"
    parse = _parse(text, "health_consult")
    assert consulted(parse) is parse


def test_a_personal_question_in_english_taken_for_small_talk_goes_to_the_consultant() -> None:
    text = "my mother has diabetes, can she get the vaccine?"
    parse = ParseResult(text, Intent("out_of_scope", 0.3), (), (Intent("out_of_scope", 0.3),))
    assert consulted(parse).intent == Intent("health_consult", 0.3)


@pytest.mark.parametrize(
    "text",
    [
        # A body weakened now: a birth or an operation just past, a stroke, a breathing machine.
        "chị tôi mới sinh được 10 ngày, giờ dương tính thì có phải nhập viện không",
        "ông nội em bị đột quỵ hồi tháng 3, giờ bị covid có nên vào viện không",
        "tôi phải thở oxy ở nhà, bị F0 thì dùng máy tiếp có sao không",
        "My dad had a stroke last year and tested positive today, should he go to hospital?",
    ],
)
def test_a_weakened_body_asked_whether_to_go_to_hospital_is_the_consultants(text: str) -> None:
    assert personal_health(text)
    assert consulted(_parse(text, "ask_faq")).intent.name == "health_consult"


@pytest.mark.parametrize(
    "text",
    [
        "ba tôi dương tính, tôi đi chợ cho ông thì làm sao để khỏi bị lây",
        "em ở chung phòng với bạn bị F0, phải làm gì để không lây",
    ],
)
def test_keeping_the_household_from_catching_it_is_the_faqs(text: str) -> None:
    assert consulted(_parse(text, "health_consult")).intent.name == "ask_faq"


def test_a_general_question_on_going_to_hospital_stays_the_faqs() -> None:
    general = _parse("F0 khi nào thì phải vào viện", "ask_faq")
    assert consulted(general) is general


@pytest.mark.parametrize(
    "text",
    [
        "chị tôi mới hút thai tuần trước, giờ chích mũi 3 có được không",
        "mẹ em có máy thở oxy ở nhà, giờ mẹ F0 thì dùng máy tiếp được không",
        "ông nội bị gãy chân đang bó bột thì tiêm vắc xin được không",
    ],
)
def test_an_abortion_a_breathing_machine_a_broken_bone_are_conditions(text: str) -> None:
    assert personal_health(text)


def test_whether_one_counts_as_f1_is_the_rules_question() -> None:
    assert asks_policy("chị đồng nghiệp ngồi cạnh em dương tính, em có bị tính là F1 không")
    top = Intent("health_consult", 0.7)
    parse = ParseResult("ngồi ăn chung với F0 thì tôi có là F1 không", top, (), (top,))
    assert consulted(parse).intent.name == "ask_faq"


@pytest.mark.parametrize(
    "text",
    [
        "anh tôi ở chung phòng với F0, anh có bị tính F1 không",
        "vợ tôi F0 đang ho, vậy mấy ngày thì hết cách ly",
        "tôi mới khỏi sốt, tiêm mũi 2 được 4 tháng, đủ thời gian chích mũi 3 chưa",
        "ông tôi ho mà ra chợ không đeo khẩu trang thì có bị phạt không",
    ],
)
def test_how_long_isolation_lasts_when_a_dose_is_due_or_a_fine_are_the_rules(text: str) -> None:
    assert consulted(_parse(text, "health_consult")).intent.name == "ask_faq"


def test_a_remedy_asked_beside_the_isolation_stays_the_consultants() -> None:
    text = "mẹ tôi bị tiểu đường, đã cách ly mấy ngày rồi, có nên tiêm vắc xin không"
    parse = _parse(text, "health_consult")
    assert consulted(parse) is parse


def test_a_school_named_is_no_case_asked_in_general() -> None:
    # "trường" (a school) once counted as "trường hợp" (a case): asked of oneself still.
    assert personal_health("tôi dạy ở trường, đang mang thai 5 tháng, tiêm mũi 3 được không")
    assert not personal_health("cho hỏi trường hợp đang mang thai thì tiêm mũi 3 được không")


def test_what_the_shopping_volunteers_bring_is_a_service_the_faq_answers() -> None:
    assert asks_policy("đội đi chợ hộ có mua giùm thuốc hạ sốt cho mẹ tôi không")

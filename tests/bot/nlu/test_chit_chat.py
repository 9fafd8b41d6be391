"""Questions that only pass the time are small talk, unless the epidemic or a remedy is named."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult
from hotline.bot.nlu.chit_chat import chit_chat
from hotline.bot.nlu.off_topic import OFF_TOPIC_CONFIDENCE, set_aside


@pytest.mark.parametrize(
    "text",
    [
        "chỉ em cách kho cá lóc cho thấm",
        "hướng dẫn làm nướng sườn bằng nồi chiên không dầu",
        "how to bake banana bread",
        "admin năm nay mấy tuổi",
        "tổng đài viên ơi có người yêu chưa",
        "7 nhân 8 bằng bao nhiêu",
        "tối qua Thái Lan với Việt Nam thắng hay thua",
    ],
)
def test_questions_that_pass_the_time(text: str) -> None:
    assert chit_chat(text)


@pytest.mark.parametrize(
    "text",
    [
        "cách nấu nước xông giải cảm cho người bị F0",  # a remedy
        "bot ơi người bao nhiêu tuổi thì được tiêm mũi 4",  # the epidemic
        "xem bóng đá ở quán cà phê thắng hay thua gì cũng bị phạt à",  # a rule
        "F0 nên ăn gì, có cần kiêng đồ chiên không",  # no "how to cook"
        "bà tôi 80 tuổi có gia đình chăm chưa được tiêm",
    ],
)
def test_the_epidemic_a_remedy_or_a_rule_keeps_it_a_question(text: str) -> None:
    assert not chit_chat(text)


@pytest.mark.parametrize("top", ["ask_faq", "greet", "out_of_scope"])
def test_chit_chat_is_set_aside_as_small_talk(top: str) -> None:
    text = "bot ơi bot có bồ chưa"
    ranking = (Intent(top, 0.5), Intent("feedback", 0.1))
    parse = set_aside(ParseResult(text, ranking[0], (), ranking))
    assert parse.intent == Intent("out_of_scope", OFF_TOPIC_CONFIDENCE)


def test_a_greeting_is_not_set_aside_as_other_business() -> None:
    text = "chào ad, cho hỏi làm hộ chiếu ở đâu"
    ranking = (Intent("greet", 0.6), Intent("ask_faq", 0.3))
    parse = ParseResult(text, ranking[0], (), ranking)
    assert set_aside(parse) is parse


@pytest.mark.parametrize(
    "text",
    [
        "chị tôi khó ngủ mấy hôm nay thì uống gì",  # folded, "chị khó" reads "chỉ kho"
        "mẹ em chỉ khó thở nhẹ thôi có cần đi viện không",
        "cách hấp thụ canxi cho người già",  # absorbing, not steaming
        "ad ơi ad e hỏi xíu được không",  # "e": the asker, not "ế"
    ],
)
def test_words_that_only_fold_like_chit_chat_are_not(text: str) -> None:
    assert not chit_chat(text)


@pytest.mark.parametrize(
    "text", ["bot ế hả", "admin ơi admin ế rồi", "chi cach kho ca loc", "chỉ em cách hấp bánh bao"]
)
def test_the_bot_teased_once_named_and_a_recipe_typed_either_way(text: str) -> None:
    assert chit_chat(text)


def test_the_bot_named_over_and_over_is_read_once() -> None:
    # Read from the first name on (it used to scan the rest of the text from each: 150 ms on
    # 4,000 characters); the answer is the same, only sooner.
    assert not chit_chat("ad " * 1333)
    assert chit_chat("ad " * 1333 + "ad có người yêu chưa")


def test_the_bot_asked_out_passes_the_time() -> None:
    assert chit_chat("bot ơi cuối tuần đi cà phê với anh nha")
    assert chit_chat("ad đi xem phim với em không")
    assert not chit_chat("đi tiêm với mẹ tôi được không ad")  # the epidemic named


@pytest.mark.parametrize(
    "text", ["coi tuổi làm nhà năm nay có hợp tuổi không", "xem ngày tốt khai trương quán cà phê"]
)
def test_a_fortune_asked_passes_the_time(text: str) -> None:
    assert chit_chat(text)


def test_a_lucky_day_for_a_dose_is_the_epidemics() -> None:
    assert not chit_chat("xem ngày tốt đi tiêm mũi 3 được không")

"""Acknowledgements in the shapes chat gives them, and laughter, settled by rule."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.acknowledgements import acknowledgement, laughs, thanks_alone
from hotline.bot.nlu.rules import rule_parse


@pytest.mark.parametrize(
    "text",
    [
        "vậy thì được, cháu hiểu rồi ạ",  # agreement, then who understood
        "à, mình nắm rồi nha",
        "à há, em biết rồi",
        "tui hiểu rồi",
        "ok la ad",
        "ô kê",
    ],
)
def test_acknowledgements_in_more_shapes(text: str) -> None:
    assert acknowledgement(text)


@pytest.mark.parametrize(
    "text",
    [
        *("ủa", "ủa ad", "ủa.", "Ủa, ad", "hả", "kkkk"),
        *("à há, em biết rồi?", "tui hiểu rồi nhưng F1 ở nhà mấy ngày", "tới rồi", "dạ tới rồi"),
    ],
)
def test_surprise_laughter_and_questions_acknowledge_nothing(text: str) -> None:
    assert not acknowledgement(text)


@pytest.mark.parametrize("text", ["hahaha", "hihi", "hehe hehe", "kkkkkk", "=))", "hjhj!"])
def test_laughter_is_small_talk(text: str) -> None:
    assert laughs(text)
    parsed = rule_parse(text)
    assert parsed is not None and parsed.intent.name == "out_of_scope"


@pytest.mark.parametrize("text", ["hi", "hi ad", "ha noi", "kk", "haha F1 cách ly mấy ngày"])
def test_a_greeting_an_ok_or_more_words_is_no_laughter(text: str) -> None:
    assert not laughs(text)


@pytest.mark.parametrize(
    "text",
    [
        "ừm ừm",
        "ờ được",
        "okie dokie",
        "ok con dê",
        "got it",
        "noted, got it",
        "all right",
        "alright, understood",
        "dạ rõ, em hiểu rồi",
    ],
)
def test_hesitant_playful_english_and_doubled_acknowledgements(text: str) -> None:
    assert acknowledgement(text)


@pytest.mark.parametrize(
    "text",
    ["được không", "ok, F1 cách ly mấy ngày", "hiểu rồi, vậy tiêm ở đâu", "sure, what about F1"],
)
def test_an_acknowledgement_with_a_question_is_no_acknowledgement(text: str) -> None:
    assert not acknowledgement(text)


@pytest.mark.parametrize(
    "text",
    ["ok bot, hiểu rồi", "nice", "good good", "để em làm thử xem", "ừ, để mình thử coi"],
)
def test_chat_acknowledgements_and_going_to_try(text: str) -> None:
    assert acknowledgement(text)


@pytest.mark.parametrize(
    "text",
    ["đa tạ", "dạ hiểu rồi, cảm ơn tổng đài nhiều", "ok thanks bro", "xin cảm ơn ad nha"],
)
def test_thanks_alone_or_after_an_ok_are_thanks(text: str) -> None:
    assert thanks_alone(text)
    parsed = rule_parse(text)
    assert parsed is not None and parsed.intent.name == "thank"


@pytest.mark.parametrize(
    "text",
    [
        "cảm ơn các bác sĩ trạm y tế",  # others thanked: feedback, the model's to say
        "cảm ơn tổng đài, mà tiền hỗ trợ khi nào có",  # more said
        "đa tạ rồi sao nữa?",
        "để tui thử test nhanh ở nhà được không",  # a question on a test
    ],
)
def test_thanks_to_others_or_with_more_said_are_left_to_the_model(text: str) -> None:
    assert not thanks_alone(text)
    assert not acknowledgement(text)


@pytest.mark.parametrize("text", ["ha ha ha", "hì hì", "hố hố hố", "khà khà"])
def test_laughter_said_one_syllable_at_a_time(text: str) -> None:
    assert laughs(text)


@pytest.mark.parametrize("text", ["hi hi", "hà", "ha ha", "hà nội", "hì, cho em hỏi"])
def test_a_greeting_a_place_or_a_single_syllable_is_no_laughter(text: str) -> None:
    assert not laughs(text)


@pytest.mark.parametrize("text", ["hiểu rồi, khỏi nói nữa", "dạ khỏi cần nói nữa ạ"])
def test_no_need_to_say_more_acknowledges(text: str) -> None:
    assert acknowledgement(text)


def test_no_need_to_say_more_with_a_question_is_no_acknowledgement() -> None:
    assert not acknowledgement("khỏi nói nữa, F1 cách ly mấy ngày")


def test_laughter_beside_an_emoji_is_laughter() -> None:
    assert laughs("haha 🤣")
    assert laughs("hihi 😜 =))")
    assert not laughs("😝")

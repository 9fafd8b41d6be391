"""What the index compares: a chat's particles and its "e" for "em" say nothing."""

from __future__ import annotations

from hotline.bot.nlu.normalize import words
from hotline.faq.features import content_words, features


def test_the_souths_particles_and_chat_pronouns_are_fillers() -> None:
    asked = words("e hỏi cái nè, cách ly mấy ngày dzậy nghen")
    assert content_words(asked) == ["cai", "cach", "ly", "may", "ngay"]


def test_fillers_leave_no_word_pair_behind() -> None:
    assert "p:cach_ly" in features(words("cách nè ly"))
    assert not any(f.startswith("w:ne") for f in features(words("cách ly nè")))


def test_who_the_question_is_for_is_no_content_word() -> None:
    assert content_words(words("ông nội cháu vừa bị sốt")) == ["noi", "bi", "sot"]

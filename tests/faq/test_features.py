"""What the index compares: a chat's particles and its "e" for "em" say nothing."""

from __future__ import annotations

import math

import pytest

from hotline.bot.nlu.normalize import words
from hotline.faq.features import content_words, features, weighed_features


def test_the_souths_particles_and_chat_pronouns_are_fillers() -> None:
    asked = words("e hỏi cái nè, cách ly mấy ngày dzậy nghen")
    assert content_words(asked) == ["cai", "cach", "ly", "may", "ngay"]


def test_fillers_leave_no_word_pair_behind() -> None:
    assert "p:cach_ly" in features(words("cách nè ly"))
    assert not any(f.startswith("w:ne") for f in features(words("cách ly nè")))


def test_who_the_question_is_for_is_no_content_word() -> None:
    assert content_words(words("ông nội cháu vừa bị sốt")) == ["noi", "bi", "sot"]


def test_without_light_words_the_features_are_the_counts() -> None:
    asked = words("cách ly cách ly mấy ngày")
    assert weighed_features(asked, {}) == dict(features(asked))
    assert weighed_features(asked, {"xuong": 0.5}) == dict(features(asked))


def test_a_light_word_weighs_its_share() -> None:
    asked = words("thợ hồ cách ly mấy ngày")
    weighed = weighed_features(asked, {"tho": 0.5})
    # A count c weighs 1 + log c: the light word's features weigh half of one count.
    assert 1 + math.log(weighed["w:tho"]) == pytest.approx(0.5)
    assert 1 + math.log(weighed["p:tho_ho"]) == pytest.approx(0.5)
    assert 1 + math.log(weighed["t:tho"]) == pytest.approx(0.5)
    assert weighed["w:ho"] == 1
    assert weighed["p:cach_ly"] == 1
    assert weighed["t:cac"] == 1


def test_a_word_of_no_weight_weighs_nothing() -> None:
    weighed = weighed_features(words("thợ hồ cách ly"), {"tho": 0.0})
    assert 1 + math.log(weighed["w:tho"]) == pytest.approx(0.0)

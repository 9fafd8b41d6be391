"""`ParseResult.surely` and `swapped`: what the rule overlays do to a parse."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import Intent, ParseResult


def _parse(*ranking: tuple[str, float]) -> ParseResult:
    intents = tuple(Intent(name, confidence) for name, confidence in ranking)
    return ParseResult("chị ơi", intents[0], intent_ranking=intents)


def test_the_sure_intent_goes_first_and_the_others_share_the_rest_in_their_order() -> None:
    parse = _parse(("ask_faq", 0.6), ("feedback", 0.3), ("thank", 0.1)).surely("feedback", 0.9)
    assert parse.intent == Intent("feedback", 0.9)
    assert [i.name for i in parse.intent_ranking] == ["feedback", "ask_faq", "thank"]
    assert [i.confidence for i in parse.intent_ranking[1:]] == pytest.approx([0.6 / 7, 0.1 / 7])
    assert sum(i.confidence for i in parse.intent_ranking) == pytest.approx(1.0)


def test_a_parse_without_a_ranking_keeps_its_intent_below_the_sure_one() -> None:
    parse = ParseResult("cứu", Intent("greet", 0.4)).surely("emergency", 0.95)
    assert [i.name for i in parse.intent_ranking] == ["emergency", "greet"]
    assert parse.intent_ranking[1].confidence == pytest.approx(0.05)


def test_the_top_intent_made_surer_keeps_its_place() -> None:
    parse = _parse(("thank", 0.5), ("feedback", 0.5)).surely("thank", 0.8)
    assert [i.name for i in parse.intent_ranking] == ["thank", "feedback"]
    assert [i.confidence for i in parse.intent_ranking] == pytest.approx([0.8, 0.2])


def test_a_swap_trades_the_top_intent_s_place_with_the_one_named() -> None:
    parse = _parse(("out_of_scope", 0.7), ("greet", 0.2), ("ask_faq", 0.1)).swapped("ask_faq")
    assert parse.intent == Intent("ask_faq", 0.7)
    assert parse.intent_ranking == (
        Intent("ask_faq", 0.7),
        Intent("greet", 0.2),
        Intent("out_of_scope", 0.1),
    )


def test_a_swap_with_an_intent_not_ranked_keeps_the_top_one_last() -> None:
    # Rasa ranks its first ten intents only: the top one is kept, below every ranked one.
    parse = _parse(("out_of_scope", 0.7), ("greet", 0.3)).swapped("ask_faq")
    assert parse.intent_ranking == (
        Intent("ask_faq", 0.7),
        Intent("greet", 0.3),
        Intent("out_of_scope", 0.0),
    )

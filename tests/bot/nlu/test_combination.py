"""Rasa's intent and the local NLU's combined, on hand-made parses."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import INTENTS, FaqPick, Intent, ParseResult
from hotline.bot.nlu.combination import averaged, distribution
from hotline.bot.nlu.rasa_client import RasaParseResult


def parse(*ranking: tuple[str, float], faq: FaqPick | None = None) -> ParseResult:
    intents = tuple(Intent(name, confidence) for name, confidence in ranking)
    if faq is None:
        return ParseResult("hàng xóm là F1", intents[0], intent_ranking=intents)
    return RasaParseResult("hàng xóm là F1", intents[0], intent_ranking=intents, faq=faq)


def test_a_ranking_that_leaves_intents_out_shares_what_is_left_among_them() -> None:
    rasa = parse(("ask_faq", 0.6), ("report_contact", 0.3))
    shares = distribution(rasa)
    assert set(shares) == set(INTENTS)
    assert shares["ask_faq"] == 0.6 and shares["report_contact"] == 0.3
    left = [shares[n] for n in INTENTS if n not in ("ask_faq", "report_contact")]
    assert sum(left) == pytest.approx(0.1) and max(left) == pytest.approx(min(left))


def test_a_full_ranking_is_taken_as_it_is() -> None:
    rasa = parse(("greet", 0.7), ("thank", 0.4))  # more than 1: nothing is left to share
    shares = distribution(rasa)
    assert shares["greet"] == 0.7 and shares["goodbye"] == 0.0


def test_the_average_overrules_a_narrow_rasa_with_a_sure_local_nlu() -> None:
    pick = FaqPick("f1-la-ai", 0.8)
    rasa = parse(("report_contact", 0.5), ("ask_faq", 0.45), ("out_of_scope", 0.05), faq=pick)
    local = parse(("ask_faq", 0.9), ("report_contact", 0.1))
    mixed = averaged(rasa, local, rasa_weight=0.5)
    assert mixed.intent.name == "ask_faq"
    assert mixed.intent.confidence == pytest.approx(0.675)
    # Only the intent changes: still Rasa's parse, with Rasa's FAQ pick.
    assert isinstance(mixed, RasaParseResult) and mixed.faq == pick
    assert [i.name for i in mixed.intent_ranking][:2] == ["ask_faq", "report_contact"]
    assert sum(i.confidence for i in mixed.intent_ranking) == pytest.approx(1.0)


def test_the_weight_decides_between_two_sure_disagreeing_parses() -> None:
    rasa = parse(("emergency", 0.8), ("health_consult", 0.2))
    local = parse(("health_consult", 0.7), ("emergency", 0.3))
    assert averaged(rasa, local, rasa_weight=0.7).intent.name == "emergency"
    assert averaged(rasa, local, rasa_weight=0.3).intent.name == "health_consult"

"""Rasa's intent and the local NLU's, combined into the one the bot acts on.

Both classifiers are trained on the same examples but see them differently (Rasa: class-balanced
logistic regression on TF-IDF blocks; local: a softmax over words, word pairs and character
n-grams), and on messages neither was trained on each is right where the other is not. When Rasa
answers, the bot also asks the local NLU (in-process, cached, well under a millisecond) and acts
on the average of the two intent distributions. Rasa's FAQ pick and the entities stay Rasa's: only
the intent and its ranking change. Chosen on grouped cross-validation with Rasa trained in every
fold (`benchmarks/intent_combination.py`, which also measures the other ways tried) and on
the open-world development split.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from hotline.bot.nlu.base import INTENTS, Intent, ParseResult

Combine = Callable[[ParseResult, ParseResult], ParseResult]

# Rasa's share of the averaged distribution; the local NLU has the rest.
RASA_WEIGHT = 0.1


def distribution(parse: ParseResult, intents: tuple[str, ...] = INTENTS) -> dict[str, float]:
    """One probability per intent from a parse's ranking. Rasa ranks only its first ten labels:
    what the ranking leaves of 1 is shared by the intents it leaves out."""
    ranked = {i.name: i.confidence for i in parse.intent_ranking or (parse.intent,)}
    known = {name: ranked.get(name, 0.0) for name in intents}
    missing = [name for name in intents if name not in ranked]
    rest = max(0.0, 1.0 - sum(known.values()))
    for name in missing:
        known[name] = rest / len(missing)
    return known


def _with_ranking(parse: ParseResult, scores: Mapping[str, float]) -> ParseResult:
    ranking = tuple(
        Intent(name, score) for name, score in sorted(scores.items(), key=lambda kv: -kv[1])
    )
    return replace(parse, intent=ranking[0], intent_ranking=ranking)


def averaged(
    rasa: ParseResult, local: ParseResult, rasa_weight: float = RASA_WEIGHT
) -> ParseResult:
    """Rasa's parse with the weighted mean of both intent distributions as its intent."""
    theirs, ours = distribution(rasa), distribution(local)
    mixed = {n: rasa_weight * theirs[n] + (1.0 - rasa_weight) * ours[n] for n in INTENTS}
    return _with_ranking(rasa, mixed)


combine: Combine = averaged

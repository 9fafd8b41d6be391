"""Rasa and the local NLU side by side on a held-out split of the project's data.

    python -m hotline.bot.nlu.rasa_evaluate [--pipeline NAME] [--backends rasa,local] [--seed N]
                                    [--seeds N] [--misses]
    hotline nlu evaluate --rasa                  (the same, with the defaults)

A seeded 20% of every intent's examples in bot/nlu/data/nlu.yml and 20% of every FAQ entry's
question variants are held out; both back ends train on the rest. Printed: intent accuracy, macro
F1, FAQ-entry top-1, parse latency (median, p99, as the bot sees it) and the confusion matrices.
Next to Rasa, "bot (ensemble)" scores what the bot does with Rasa's parse: Rasa's intent, and the
FAQ entry faq_choice.faq_choice makes of Rasa's pick and the FAQ index. The splits of seeds SEED,
SEED+1, ... (`--seeds N`, default SEEDS) are evaluated and the table gives the mean and the range.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import aiohttp

from hotline.bot.nlu import normalize, rasa_project, rasa_training
from hotline.bot.nlu.base import INTENTS
from hotline.bot.nlu.rasa_client import RasaClient
from hotline.bot.nlu.rasa_project import Example
from hotline.bot.nlu.rasa_scores import (
    Case,
    Prediction,
    Report,
    format_confusion,
    format_misses,
    format_seeds_table,
    format_table,
    score,
)
from hotline.bot.nlu.rasa_server import RasaServer
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqLookup, FaqMatch

SEED = 1022
SEEDS = 3  # splits averaged by default: one split's FAQ figure moves by a point per question
HOLDOUT = 0.2

_DIET = {"name": "DIETClassifier", "epochs": 60, "entity_recognition": False, "random_seed": SEED}
_RASA_LR = {"name": "LogisticRegressionClassifier", "max_iter": 200, "random_state": SEED}
_RESPONSE_SELECTOR = {
    "name": "ResponseSelector",
    "retrieval_intent": rasa_project.FAQ_INTENT,
    "epochs": 100,
    "random_seed": SEED,
}
# Rasa's own classifiers read per-token (sequence) features too: they get Rasa's featurizers.
_FEATURES = [rasa_project.PIPELINE[0], *rasa_project.COUNT_VECTORS]
_OURS = rasa_project.PIPELINE[3:]
# Pipelines measured for the README; "fold-tfidf" is the one shipped (rasa_project.PIPELINE).
# The others swap in Rasa's own classifiers or tokenizer, so the choice can be re-measured.
PIPELINES: dict[str, list[dict[str, object]]] = {
    "fold-tfidf": rasa_project.PIPELINE,
    "raw-tfidf": [{"name": "WhitespaceTokenizer"}, *rasa_project.PIPELINE[1:]],
    "fold-count-vectors-tfidf": [*_FEATURES, *_OURS],  # the shipped one before rasa_featurizer
    "fold-rasa-lr-rs": [*_FEATURES, _RASA_LR, _RESPONSE_SELECTOR],
    "fold-diet-rs": [*_FEATURES, _DIET, _RESPONSE_SELECTOR],
    "fold-tfidf-rs": [*_FEATURES, _OURS[0], _RESPONSE_SELECTOR],
}


@dataclass(frozen=True)
class Split:
    train: list[Example]
    entries: list[FaqEntry]  # FAQ entries without their held-out variants
    test: list[Case]


def split(examples: Sequence[Example], entries: Sequence[FaqEntry], seed: int = SEED) -> Split:
    """Hold out HOLDOUT of each intent's examples and of each FAQ entry's question variants."""
    rng = random.Random(seed)
    train: list[Example] = []
    test: list[Case] = []
    for intent in INTENTS:
        mine = [e for e in examples if e.intent == intent]
        rng.shuffle(mine)
        cut = round(len(mine) * HOLDOUT)
        test += [Case(e.text, intent) for e in mine[:cut]]
        train += mine[cut:]
    kept: list[FaqEntry] = []
    for entry in entries:
        order = list(range(len(entry.questions)))
        rng.shuffle(order)
        # at least one variant held out, and at least one kept to train on
        held = set(order[: min(len(order) - 1, max(1, round(len(order) * HOLDOUT)))])
        test += [Case(entry.questions[i], "ask_faq", entry.id) for i in sorted(held)]
        questions = tuple(q for i, q in enumerate(entry.questions) if i not in held)
        kept.append(replace(entry, questions=questions))
    train += rasa_project.faq_examples(kept)
    return Split(train, kept, test)


async def _timed(
    parse: Callable[[str], Awaitable[Prediction]], cases: Sequence[Case]
) -> tuple[list[Prediction], list[float]]:
    predictions: list[Prediction] = []
    latencies: list[float] = []
    for case in cases:
        started = time.perf_counter()
        predictions.append(await parse(case.text))
        latencies.append(time.perf_counter() - started)
    return predictions, latencies


class _HeldOutFaq:
    """The FAQ as the bot sees it in this split: every kept entry is published."""

    def __init__(self, entries: Sequence[FaqEntry]) -> None:
        from hotline.faq.index import FaqIndex

        self.index = FaqIndex(normalize.words)
        self.index.rebuild(entries)

    def get_published(self, id: str) -> FaqEntry | None:
        return self.index.get(id)

    def lookup(self, text: str) -> FaqLookup:
        return self.index.lookup(text)

    def search(self, text: str, limit: int = 3) -> list[FaqMatch]:
        return self.index.search(text, limit)

    def uncovered(self, entry_id: str, text: str) -> float:
        return self.index.uncovered(entry_id, text)


async def evaluate_rasa(
    data: Split, env: Path, work_dir: Path, pipeline: Sequence[dict[str, object]]
) -> tuple[Report, Report]:
    """Train on the split, serve the model on a free port, parse the held-out cases.

    Returns Rasa's report and the bot's: Rasa's intent with the FAQ entry faq_choice takes.
    """
    from hotline.bot.nlu.faq_choice import faq_choice

    faq = _HeldOutFaq(data.entries)
    chosen: list[Prediction] = []
    started = time.monotonic()
    model = await rasa_training.train(
        data.train, env=env, work_dir=work_dir, pipeline=pipeline, progress=_stderr
    )
    trained = model.seconds or time.monotonic() - started
    async with (
        RasaServer(env, model.path, work_dir=work_dir) as server,
        aiohttp.ClientSession() as session,
    ):
        client = RasaClient(session, server.url, server.token, timeout=10.0, entities=_none)
        await client.parse("xin chào")  # the first parse warms TensorFlow up

        async def parse(text: str) -> Prediction:
            result = await client.parse(text)
            answer = faq_choice(result.faq, faq, text).answer
            chosen.append(Prediction(result.intent.name, answer.id if answer else None))
            return Prediction(result.intent.name, result.faq.entry_id if result.faq else None)

        predictions, latencies = await _timed(parse, data.test)
    return (
        score("rasa", data.test, predictions, latencies, trained),
        score("bot (ensemble)", data.test, chosen, latencies, trained),
    )


async def evaluate_local(data: Split) -> Report:
    """The in-process classifier on the same split, with the FAQ index picking the entry."""
    from hotline.bot.nlu import training
    from hotline.bot.nlu.local import LocalNLU
    from hotline.faq.index import FaqIndex

    started = time.monotonic()
    local = LocalNLU(
        training.fit_examples([training.Example(e.text, e.intent) for e in data.train])
    )
    index = FaqIndex(normalize.words)
    index.rebuild(data.entries)
    trained = time.monotonic() - started

    async def parse(text: str) -> Prediction:
        result = await local.parse(text)
        best = index.search(text, limit=1)
        return Prediction(result.intent.name, best[0].entry.id if best else None)

    predictions, latencies = await _timed(parse, data.test)
    return score(local.name, data.test, predictions, latencies, trained)


def _none(text: str) -> tuple[()]:
    return ()  # entities are not scored here: both sides use the project's extractor


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


async def run(pipeline: str, backends: Sequence[str], seed: int = SEED) -> list[Report]:
    from hotline.bot.nlu.rasa_retrainer import seed_entries

    data = split(rasa_project.read_examples(), seed_entries(), seed)
    reports: list[Report] = []
    with tempfile.TemporaryDirectory(prefix="hotline-eval-") as tmp:
        if "rasa" in backends:
            env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
            reports += await evaluate_rasa(data, env, Path(tmp), PIPELINES[pipeline])
        if "local" in backends:
            reports.append(await evaluate_local(data))
    return reports


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hotline.bot.nlu.rasa_evaluate")
    parser.add_argument("--pipeline", choices=sorted(PIPELINES), default="fold-tfidf")
    parser.add_argument("--backends", default="rasa,local")
    parser.add_argument("--seed", type=int, default=SEED, help="another held-out split")
    parser.add_argument(
        "--seeds", type=int, default=SEEDS, help="splits to average (seed, seed+1, ...)"
    )
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    backends = args.backends.split(",")
    runs = [asyncio.run(run(args.pipeline, backends, args.seed + n)) for n in range(args.seeds)]
    print(format_seeds_table(runs) if len(runs) > 1 else format_table(runs[0]))
    reports = runs[0]
    if len(runs) > 1:
        print(f"\nconfusion matrices and misses of the first split (seed {args.seed}):")
    for report in reports:
        print()
        print(format_confusion(report))
        if args.misses:
            print()
            print(format_misses(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

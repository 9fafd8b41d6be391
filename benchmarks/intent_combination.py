"""Rasa's and the local NLU's intents combined: grouped cross-validation with Rasa in every fold.

    PYTHONPATH=. python benchmarks/intent_combination.py record DIR   # trains Rasa 5 times
    PYTHONPATH=. python benchmarks/intent_combination.py score DIR    # seconds, any number of runs

`record` cuts the intent examples into the grouped folds of `hotline/bot/nlu/crossval.py`
(paraphrases never straddle folds), trains Rasa on each fold's training part (with every FAQ
question variant, as the bot trains it), and keeps Rasa's parse of each held-out example in
DIR/fold-K.json. `score` trains the local classifier on the same folds and prints, per way of
combining the two (`hotline/bot/nlu/combination.py`), the accuracy and macro F1 over all held-out
examples. Never the test split.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path

from hotline.bot.nlu import rasa_project, rasa_training
from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.combination import Combine, averaged
from hotline.bot.nlu.crossval import folds, macro_f1
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.rasa_client import to_parse_result
from hotline.bot.nlu.training import fit_examples, read_examples

K = 5


def margin(parse: ParseResult) -> float:
    """How far the first intent leads the second."""
    ranking = parse.intent_ranking or (parse.intent,)
    second = ranking[1].confidence if len(ranking) > 1 else 0.0
    return ranking[0].confidence - second


def by_margin(rasa: ParseResult, local: ParseResult) -> ParseResult:
    """Rasa's parse; when the two disagree, the intent of the one that leads by more."""
    if rasa.intent.name == local.intent.name or margin(rasa) >= margin(local):
        return rasa
    return replace(rasa, intent=local.intent, intent_ranking=local.intent_ranking)


# The ways measured: Rasa's share of the averaged distributions, and the surer side.
COMBINATIONS: dict[str, Combine] = {
    **{f"mean {w / 10:.1f}": partial(averaged, rasa_weight=w / 10) for w in range(8)},
    "margin": by_margin,
}


def record(out: Path) -> None:
    examples = read_examples()
    numbers = folds(examples, K)
    out.mkdir(parents=True, exist_ok=True)
    for fold in range(K):
        target = out / f"fold-{fold}.json"
        if target.is_file():
            continue
        held = {(e.text, e.intent) for e, f in zip(examples, numbers, strict=True) if f == fold}
        parses = asyncio.run(_rasa_parses(fold, held))
        target.write_text(json.dumps(parses, ensure_ascii=False), "utf-8")


async def _rasa_parses(fold: int, held: set[tuple[str, str]]) -> dict[str, object]:
    """Rasa trained without the held-out examples (with every FAQ variant), then its parses."""
    import aiohttp

    from hotline.bot.nlu.rasa_client import RasaClient
    from hotline.bot.nlu.rasa_retrainer import seed_entries
    from hotline.bot.nlu.rasa_server import RasaServer

    train = [e for e in rasa_project.read_examples() if (e.text.strip(), e.intent) not in held]
    faq = rasa_project.faq_examples(seed_entries())
    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    with tempfile.TemporaryDirectory(prefix="hotline-cv-rasa-") as tmp:
        model = await rasa_training.train([*train, *faq], env=env, work_dir=Path(tmp))
        print(f"fold {fold}: {len(train)} examples, trained in {model.seconds:.0f} s")
        async with (
            RasaServer(env, model.path, work_dir=Path(tmp)) as server,
            aiohttp.ClientSession() as session,
        ):
            client = RasaClient(session, server.url, server.token, timeout=30.0)
            await client.parse("xin chào")
            return {text: await client.parse_body(text) for text, _ in sorted(held)}


def score(out: Path) -> None:
    examples = read_examples()
    numbers = folds(examples, K)
    expected: list[str] = []
    predicted: dict[str, list[str]] = {name: [] for name in ("local", "rasa", *COMBINATIONS)}
    for fold in range(K):
        parses = json.loads((out / f"fold-{fold}.json").read_text("utf-8"))
        train = [e for e, f in zip(examples, numbers, strict=True) if f != fold]
        held = [e for e, f in zip(examples, numbers, strict=True) if f == fold]
        local = LocalNLU(fit_examples(train))
        for example in held:
            mine = local.parse_sync(example.text)
            rasa = to_parse_result(example.text, parses[example.text])
            expected.append(example.intent)
            predicted["local"].append(mine.intent.name)
            predicted["rasa"].append(rasa.intent.name)
            for name, combine in COMBINATIONS.items():
                predicted[name].append(combine(rasa, mine).intent.name)
    print(f"{len(expected)} held-out examples over {K} grouped folds")
    print(f"{'combination':<16} {'accuracy':>8} {'macro F1':>8}")
    for name, guesses in predicted.items():
        right = sum(a == b for a, b in zip(expected, guesses, strict=True)) / len(expected)
        print(f"{name:<16} {right:>8.3f} {macro_f1(expected, guesses):>8.3f}")


if __name__ == "__main__":
    action, where = sys.argv[1], Path(sys.argv[2])
    if action == "record":
        record(where)
    else:
        score(where)

"""The answer gate's settings measured on two development splits at once (issue 12).

    python benchmarks/gate_fit.py --rasa dev=/tmp/dev2/rasa_dev.json \
        --rasa dev2=/tmp/dev2/rasa_dev2.json [--local dev3] \
        [--only NAME ...]

Each named configuration below (`CONFIGS`: `Thresholds` of the FAQ index and `PickTrust` of
Rasa's pick, as changes to the shipped ones) runs every message of dev and dev2 through the
real engine, the local NLU and the bot with Rasa (Rasa's parses replayed from the recordings
`hotline nlu evaluate --open-world --rasa-parses FILE` writes). It prints, per configuration,
split and back end: wrong answers (of uncovered messages), covered helped, covered answered
directly, questions into a form, intent accuracy. A split given with `--local` (no recording
of Rasa's parses yet) is measured with the local NLU only. A change is kept when it helps on
both splits (fit on one, check on the other); never the test split here.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from hotline.bot.nlu import faq_choice
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case, load_split
from hotline.evaluation.runner import bot, run_bot
from hotline.evaluation.scores import Scores, score
from hotline.faq.gate import Thresholds

# name -> (changes to Thresholds, changes to PickTrust)
CONFIGS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "shipped": ({}, {}),
    "index answer 1.2": ({"answer": 1.2}, {}),
    "index answer 1.1": ({"answer": 1.1}, {}),
    "index answer 1.0": ({"answer": 1.0}, {}),
    "index answer 0.9": ({"answer": 0.9}, {}),
    "index answer 1.1, max uncovered 0.55": ({"answer": 1.1, "max_uncovered": 0.55}, {}),
    "pick answer 0.45": ({}, {"answer": 0.45}),
    "pick answer 0.5": ({}, {"answer": 0.5}),
    "pick answer 0.45, disagree 0.1": ({}, {"answer": 0.45, "disagree": 0.1}),
    "index 1.1, pick answer 0.45": ({"answer": 1.1}, {"answer": 0.45}),
    "lone plausible entry from 0.5": ({"lone_answer": 0.5}, {}),
    "lone plausible entry from 0": ({"lone_answer": 0.0}, {}),
    "lone plausible entry from -1": ({"lone_answer": -1.0}, {}),
    "lone plausible entry from -2": ({"lone_answer": -2.0}, {}),
}


def _row(split: str, backend: str, s: Scores) -> str:
    return (
        f"  {split:5} {backend:10} wrong {s.wrong_answer:5.1%} entry {s.wrong_entry:4.1%}"
        f"  helped {s.covered_helped:6.1%}"
        f"  direct {s.covered_direct:6.1%}  form {s.questions_to_form:5.1%}"
        f"  intent {s.intent_accuracy:6.1%}"
    )


async def _measure(
    splits: dict[str, list[Case]],
    parses: dict[str, Any],
    names: Sequence[str],
    scratch: Path,
    local_only: frozenset[str] = frozenset(),
) -> None:
    model_dir = Path("var/nlu")
    client = recorded.ReplayedRasa(parses)
    async with (
        bot(scratch / "local", model_dir=model_dir) as local,
        bot(scratch / "rasa", lambda n: FallbackNLU(client, n), model_dir=model_dir) as rasa,
    ):
        for name in names:
            index_changes, trust_changes = CONFIGS[name]
            thresholds = replace(Thresholds(), **index_changes)
            faq_choice.TRUST = replace(faq_choice.PickTrust(), **trust_changes)
            started = time.perf_counter()
            print(f"{name}: index {index_changes or '-'}, rasa pick {trust_changes or '-'}")
            for backend, target in (("local", local), ("bot(rasa)", rasa)):
                target.hotline.faq.index.thresholds = thresholds
                measured = {
                    split: cases
                    for split, cases in splits.items()
                    if backend == "local" or split not in local_only
                }
                outcomes = await run_bot(target, [c for cases in measured.values() for c in cases])
                at = 0
                for split, cases in measured.items():
                    got = outcomes[at : at + len(cases)]
                    at += len(cases)
                    print(_row(split, backend, score(backend, cases, got)))
            print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa", action="append", default=[], help="SPLIT=recording.json")
    parser.add_argument("--local", action="append", default=[], help="SPLIT, local NLU only")
    parser.add_argument("--only", nargs="*", help="configurations to run (default: all)")
    args = parser.parse_args()
    parses: dict[str, Any] = {}
    splits: dict[str, list[Case]] = {}
    for item in [*args.rasa, *args.local]:
        split, _, path = item.partition("=")
        if "test" in split.split("+"):  # alone or in a union ("dev+test")
            raise SystemExit("the test split is run once, by `hotline nlu evaluate`, not here")
        splits[split] = load_split(split)
        if path:
            parses.update(recorded.load(Path(path))[1])
    names = args.only or list(CONFIGS)
    with tempfile.TemporaryDirectory(prefix="gate-fit-") as tmp:
        asyncio.run(_measure(splits, parses, names, Path(tmp), frozenset(args.local)))


if __name__ == "__main__":
    main()

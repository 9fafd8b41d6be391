"""Suggestions when the bot does not answer: who is helped, and how much noise (issue 12).

    python benchmarks/suggest_policy.py --rasa dev=/tmp/p/rasa_dev.json \
        --rasa dev2=/tmp/p/rasa_dev2.json --rasa dev3=/tmp/p/rasa_dev3.json \
        [--only NAME ...] [--why]

Every message of each named split (each with its own recording of Rasa's parses, as `hotline
nlu evaluate --open-world --rasa-parses FILE` writes it) goes through the real engine, with the
local NLU and with Rasa. Per suggestion policy (`POLICIES`: changes to the shipped `Thresholds`
suggestion fields and `PickTrust`), split and back end it prints: covered messages helped and
answered directly, wrong answers and wrong entries (direct answers only: a suggestion policy
must leave them as they are), and the honesty of the suggestions: the share of messages no
entry covers that are offered entries, and how many buttons on average when they are.

With `--why` it counts, for the covered messages not helped, what the bot did (the intent it
took them for and its action), where the right entry was (the index's rank, Rasa's pick), and
why it was not offered (the index's score and uncovered share against `Thresholds.plausible`,
Rasa's confidence and uncovered share against `faq_choice.plausible`). Counts only, no text.
Never the test split here.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from hotline.bot.nlu import faq_choice
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case, load_split
from hotline.evaluation.outcome import Outcome
from hotline.evaluation.runner import BotUnderTest, bot
from hotline.evaluation.scores import helped, right_answer
from hotline.faq.gate import Thresholds

# name -> (changes to Thresholds, changes to PickTrust)
POLICIES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "shipped": ({}, {}),
    "before (issue 12's suggestion round)": (
        {},
        {"among": 0.0, "agreed": None, "agreed_off_topic": None},
    ),
    "agreed 0.3": ({}, {"agreed": 0.3}),
    "agreed 0.45": ({}, {"agreed": 0.45}),
    "agreed 0.6": ({}, {"agreed": 0.6}),
    "agreed 0.45, index 0.15": ({}, {"agreed": 0.45, "agreed_index": 0.15}),
    "off-topic agreed 0.45": ({}, {"agreed_off_topic": 0.45}),
    "off-topic agreed 0.6": ({}, {"agreed_off_topic": 0.6}),
    "off-topic agreed 0.8": ({}, {"agreed_off_topic": 0.8}),
    "pick among from 0.1": ({}, {"among": 0.1}),
    "pick among from 0.15": ({}, {"among": 0.15}),
    "pick among from 0.25": ({}, {"among": 0.25}),
    "index suggest 0.13": ({"suggest": 0.13}, {}),
    "index suggest uncovered 0.8": ({"suggest_uncovered": 0.8}, {}),
    "index suggest 0.18, uncovered 0.85": ({"suggest": 0.18, "suggest_uncovered": 0.85}, {}),
    "index covered 0.35 from 0.13": ({"covered_uncovered": 0.35}, {}),
    "index covered 0.2 from 0.11": ({"suggest_covered": 0.11}, {}),
    "pick among from 0.35": ({}, {"among": 0.35}),
    "pick among from 0.5": ({}, {"among": 0.5}),
    "pick among 0.25, agreed 0.45, off-topic 0.45": (
        {},
        {"among": 0.25, "agreed": 0.45, "agreed_off_topic": 0.45},
    ),
    "pick among 0.25, agreed 0.6, off-topic 0.6, index 0.15": (
        {},
        {"among": 0.25, "agreed": 0.6, "agreed_off_topic": 0.6, "agreed_index": 0.15},
    ),
    "pick among 0.25, agreed 0.6, off-topic 0.6, uncovered 0.95": (
        {},
        {"among": 0.25, "agreed": 0.6, "agreed_off_topic": 0.6, "agreed_uncovered": 0.95},
    ),
    "pick among 0.25, agreed 0.6, off-topic 0.6": (
        {},
        {"among": 0.25, "agreed": 0.6, "agreed_off_topic": 0.6},
    ),
}


def _rank(target: BotUnderTest, case: Case) -> str:
    matches = target.hotline.faq.search(case.text, limit=10)
    for at, match in enumerate(matches, 1):
        if match.entry.id in case.faq:
            return str(at) if at <= 3 else "4-10"
    return "none"


def _why(target: BotUnderTest, case: Case, outcome: Outcome) -> list[str]:
    """Tags saying where the right entry was and why it was not offered."""
    faq = target.hotline.faq
    t = target.hotline.faq.index.thresholds
    tags = [f"{outcome.intent}:{outcome.action}", f"rank {_rank(target, case)}"]
    nlu = target.nlu.last
    assert nlu is not None
    tags.append(f"nlu {nlu.intent.name} {nlu.intent.confidence:.1f}")
    matches = faq.search(case.text, limit=10)
    gold = next((m for m in matches if m.entry.id in case.faq), None)
    if gold is not None:
        if gold.uncovered > t.suggest_uncovered:
            tags.append("index: gold too uncovered")
        elif not t.plausible(gold):
            tags.append("index: gold score too low")
        elif matches.index(gold) >= t.max_suggestions:
            tags.append("index: gold plausible but below the top 3")
        else:
            tags.append("index: gold plausible in the top 3")
    pick = nlu.faq
    if pick is None:
        tags.append("pick: none")
    elif pick.entry_id not in case.faq:
        tags.append("pick: wrong entry")
    else:
        uncovered = faq.uncovered(pick.entry_id, case.text)
        trust = faq_choice.TRUST
        if faq_choice.plausible(pick, uncovered, trust):
            tags.append("pick: right, plausible")
        elif pick.confidence < trust.suggest:
            tags.append("pick: right, confidence too low")
        else:
            tags.append("pick: right, too uncovered")
    return tags


def _line(split: str, backend: str, cases: Sequence[Case], got: Sequence[Outcome]) -> str:
    both = list(zip(cases, got, strict=True))
    covered = [(c, o) for c, o in both if c.covered]
    uncovered = [o for c, o in both if not c.covered]
    offered = [len(o.offered) for o in uncovered if o.offered]
    wrong = sum(o.action == "answer" for o in uncovered)
    wrong_entry = sum(o.action == "answer" and not right_answer(c, o) for c, o in covered)
    return (
        f"  {split:5} {backend:9}"
        f" helped {sum(helped(c, o) for c, o in covered):3}/{len(covered)}"
        f" ({sum(helped(c, o) for c, o in covered) / len(covered):6.1%})"
        f" direct {sum(right_answer(c, o) for c, o in covered):3}"
        f" wrong {wrong:2}/{len(uncovered)} entry {wrong_entry}"
        f" | uncovered offered {len(offered):3} ({len(offered) / len(uncovered):5.1%})"
        f" mean {sum(offered) / len(offered) if offered else 0:.2f}"
    )


async def _measure(
    splits: dict[str, tuple[list[Case], dict[str, Any]]],
    names: Sequence[str],
    scratch: Path,
    why: bool,
) -> None:
    model_dir = scratch / "nlu"
    for name in names:
        index_changes, trust_changes = POLICIES[name]
        print(f"{name}: index {index_changes or '-'}, rasa pick {trust_changes or '-'}")
        faq_choice.TRUST = replace(faq_choice.PickTrust(), **trust_changes)
        for split, (cases, parses) in splits.items():
            client = recorded.ReplayedRasa(parses)
            for backend in ("local", "bot(rasa)"):
                wrap = None if backend == "local" else partial(FallbackNLU, client)
                async with bot(scratch / f"{name}-{split}-{backend}", wrap, model_dir) as target:
                    target.hotline.faq.index.thresholds = replace(Thresholds(), **index_changes)
                    got, tags = [], Counter[str]()
                    for case in cases:
                        outcome = await target.outcome(case.text)
                        got.append(outcome)
                        if why and case.covered and not helped(case, outcome):
                            tags[" | ".join(_why(target, case, outcome))] += 1
                    print(_line(split, backend, cases, got), flush=True)
                    for tag, count in sorted(tags.items()):
                        print(f"      {count:3}  {tag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa", action="append", default=[], help="SPLIT=recording.json")
    parser.add_argument("--only", nargs="*", help="policies to run (default: all)")
    parser.add_argument("--why", action="store_true", help="why covered messages were not helped")
    args = parser.parse_args()
    splits: dict[str, tuple[list[Case], dict[str, Any]]] = {}
    for item in args.rasa:
        split, _, path = item.partition("=")
        if "test" in split.split("+"):
            raise SystemExit("the test split is run once, by `hotline nlu evaluate`, not here")
        splits[split] = (load_split(split), recorded.load(Path(path))[1])
    with tempfile.TemporaryDirectory(prefix="suggest-policy-") as tmp:
        asyncio.run(_measure(splits, args.only or list(POLICIES), Path(tmp), args.why))


if __name__ == "__main__":
    main()

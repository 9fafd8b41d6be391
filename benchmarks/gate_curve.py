"""The answer gate's trade-off curve: wrong answers removed against direct answers lost, for
stricter settings of each threshold and a few together (issue 12).

    python benchmarks/gate_curve.py --rasa dev=/work/prompts/parses/r10/rasa_dev.json \
        --rasa dev2=... [--later dev9,dev10,dev11] [--list NAME]

Every message of the named splits goes once through the real engine, with the local NLU and
with Rasa (its parses replayed), one bot per split as `hotline nlu evaluate` runs them. Each
message answered directly is then chosen again (`faq_choice`, the FAQ dialog's own call, on
the text it searched) under each configuration below (`Thresholds` of the FAQ index and
`PickTrust` of Rasa's pick, as changes to the shipped ones): stricter settings only take
answers away, so this is the exact effect of each on what is answered (a message no longer
answered keeps its entries as suggestions). Printed per configuration and back end: covered
messages no longer answered with a right entry ("right lost"), uncovered ones no longer
answered ("wrong removed"), covered ones no longer answered with another entry, over all the
splits and over the `--later` ones (written after the rules they check) apart, and the splits
where wrong answers went. `--list NAME` prints that configuration's removed wrong answers and
lost right ones. Never the test split here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from benchmarks.wrong_answers import index_rule
from hotline.bot.nlu import faq_choice, telex
from hotline.bot.nlu.base import FaqPick
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.bot.nlu.greetings import after_greeting
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case
from hotline.evaluation.runner import BotUnderTest, bot
from hotline.faq.gate import Thresholds

# name -> (changes to Thresholds, changes to PickTrust)
Config = tuple[dict[str, Any], dict[str, Any]]
CONFIGS: dict[str, Config] = {
    **{f"answer {v}": ({"answer": v}, {}) for v in (1.5, 1.75, 2.0, 2.5)},
    **{f"max_uncovered {v}": ({"max_uncovered": v}, {}) for v in (0.4, 0.35, 0.3, 0.25, 0.2)},
    **{f"uncovered_weight {v}": ({"uncovered_weight": v}, {}) for v in (4.5, 5.5, 7.0)},
    **{f"lone_answer {v}": ({"lone_answer": v}, {}) for v in (0.3, 0.5, 0.75, 1.0)},
    **{f"lone_cover {v}": ({"lone_cover": v}, {}) for v in (-0.25, 0.0)},
    "lone_cover off": ({"lone_cover": None}, {}),
    **{f"sole_cover {v}": ({"sole_cover": v}, {}) for v in (0.75, 1.0)},
    "sole_cover off": ({"sole_cover": None}, {}),
    **{f"pick answer {v}": ({}, {"answer": v}) for v in (0.5, 0.55, 0.6, 0.7)},
    **{f"pick uncovered {v}": ({}, {"uncovered": v}) for v in (0.4, 0.3, 0.2, 0.1)},
    **{f"pick disagree {v}": ({}, {"disagree": v}) for v in (0.3, 0.4)},
    **{f"pick index_floor {v}": ({}, {"index_floor": v}) for v in (0.2, 0.25, 0.3)},
    **{f"pick tie {v}": ({}, {"tie": v}) for v in (0.02, 0.03, 0.05, 0.08, 0.12)},
    # Together: the two that removed the most wrong answers each, and each with the pick's cap.
    "max_unc 0.4 + lone_cover 0": ({"max_uncovered": 0.4, "lone_cover": 0.0}, {}),
    "max_unc 0.4 + pick unc 0.4": ({"max_uncovered": 0.4}, {"uncovered": 0.4}),
    "lone_cover 0 + pick answer 0.5": ({"lone_cover": 0.0}, {"answer": 0.5}),
}


@dataclass(frozen=True)
class Answered:
    """A message the bot answered directly, and what the FAQ dialog chose from."""

    split: str
    text: str
    searched: str
    pick: FaqPick | None
    entry: str
    kind: str  # right, wrong (no entry covers it), entry (covered, another entry)


async def _answered(target: BotUnderTest, split: str, cases: list[Case]) -> list[Answered]:
    found = []
    for case in cases:
        got = await target.outcome(case.text)
        if got.action != "answer" or got.entry is None:
            continue
        parse = target.nlu.last
        kind = "wrong" if not case.covered else "right" if got.entry in case.faq else "entry"
        searched = after_greeting(telex.decode(case.text))
        pick = parse.faq if parse is not None else None
        found.append(Answered(split, case.text, searched, pick, got.entry, kind))
    return found


def _still(target: BotUnderTest, a: Answered, config: Config) -> str | None:
    """The entry `a` is answered with under `config` (None: only offered)."""
    index_changes, trust_changes = config
    target.hotline.faq.index.thresholds = replace(Thresholds(), **index_changes)
    trust = replace(faq_choice.PickTrust(), **trust_changes)
    found = faq_choice.faq_choice(a.pick, target.hotline.faq, a.searched, trust)
    return found.answer.id if found.answer is not None else None


async def _curve(
    splits: dict[str, list[Case]],
    parses: dict[str, Any],
    later: set[str],
    listed: str | None,
    dump: TextIO | None,
) -> None:
    client = recorded.ReplayedRasa(parses)
    configs = {"shipped": ({}, {}), **CONFIGS}
    with tempfile.TemporaryDirectory(prefix="gate-curve-") as tmp:
        scratch = Path(tmp)
        for backend in ("local", "rasa"):
            lost: dict[str, Counter[tuple[str, str]]] = {n: Counter() for n in configs}
            shown: list[str] = []
            totals: Counter[tuple[str, str]] = Counter()
            for split, cases in splits.items():
                nlu = None if backend == "local" else lambda n: FallbackNLU(client, n)
                async with bot(scratch / f"{backend}-{split}", nlu, model_dir=scratch / "nlu") as b:
                    answered = await _answered(b, split, cases)
                    if dump is not None:
                        _dump(dump, b, backend, answered)
                    for a in answered:
                        totals[(a.kind, "later" if split in later else "other")] += 1
                        for name, config in configs.items():
                            now = _still(b, a, config)
                            if now == a.entry or (a.kind != "right" and now is not None):
                                continue  # still answered (a wrong one, maybe otherwise)
                            group = "later" if split in later else "other"
                            lost[name][(a.kind, group)] += 1
                            lost[name][(a.kind, split)] += 1
                            if name == listed:
                                shown.append(
                                    f" {a.kind} {split} {a.entry} -> {now}: {a.text[:120]}"
                                )
                    b.hotline.faq.index.thresholds = Thresholds()
            print(f"{backend}: answered right / wrong / wrong entry, all splits:", end=" ")
            print(" / ".join(str(totals[(k, "later")] + totals[(k, "other")]) for k in _KINDS))
            print(
                "  configuration: right lost / wrong removed / wrong entry removed (later splits"
                " apart); where the wrong ones went"
            )
            for name, counts in lost.items():
                both = [counts[(k, "later")] + counts[(k, "other")] for k in _KINDS]
                late = [counts[(k, "later")] for k in _KINDS]
                where = ",".join(
                    f"{s}:{counts[('wrong', s)]}" for s in splits if counts[("wrong", s)]
                )
                print(
                    f"  {name:24} {both[0]:3} / {both[1]:2} / {both[2]:2}"
                    f"   (later {late[0]:3} / {late[1]:2} / {late[2]:2})  {where}"
                )
            print("\n".join(shown))


_KINDS = ("right", "wrong", "entry")


def _dump(out: TextIO, target: BotUnderTest, backend: str, answered: list[Answered]) -> None:
    """One JSON line per answered message: the gate's evidence on its closest entries."""
    faq = target.hotline.faq
    t = faq.index.thresholds
    for a in answered:
        matches = faq.search(a.searched, limit=3)
        row = {
            "backend": backend,
            "split": a.split,
            "kind": a.kind,
            "entry": a.entry,
            "text": a.text,
            "evidence": t.evidence(matches[0], t.runner_up(matches)) if matches else None,
            "rule": index_rule(t, matches, a.searched),
            "pick": [a.pick.entry_id, a.pick.confidence] if a.pick is not None else None,
            "pick_uncovered": faq.uncovered(a.pick.entry_id, a.searched) if a.pick else None,
            "matches": [
                {
                    "id": m.entry.id,
                    "score": m.score,
                    "whole": m.whole,
                    "variant": m.variant,
                    "uncovered": m.uncovered,
                    "unsaid": m.unsaid,
                    "unnamed": m.unnamed,
                }
                for m in matches
            ],
        }
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa", action="append", default=[], help="SPLIT=recording.json")
    parser.add_argument("--later", default="dev9,dev10,dev11", help="splits counted apart")
    parser.add_argument("--list", help="a configuration whose changed answers to print")
    parser.add_argument("--dump", type=Path, help="write each answered message's evidence here")
    args = parser.parse_args()
    splits, parses = recorded.development_splits(args.rasa)
    later = set(args.later.split(","))
    if args.dump is None:
        asyncio.run(_curve(splits, parses, later, args.list, None))
        return
    with args.dump.open("w", encoding="utf-8") as dump:
        asyncio.run(_curve(splits, parses, later, args.list, dump))


if __name__ == "__main__":
    main()

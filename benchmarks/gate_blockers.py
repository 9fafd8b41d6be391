"""Which condition of the answer gate held back each covered message only suggested (issue 12).

    python benchmarks/gate_blockers.py --rasa dev=/work/prompts/parses/r10/rasa_dev.json \
        --rasa dev2=... [--show "unc>45%"]

Every message of the named splits goes through the real engine, with the local NLU and with
Rasa (its parses replayed). For each covered message the bot helped but did not answer with a
right entry, the index's closest entries say why: the right entry not on top (`wrong top`),
its answer not saying what is asked (`unsaid`), more than `Thresholds.max_uncovered` of the
question unused (`unc>45%`), a rival covering the question as fully where the lower evidence
of a lead in cover or of the only plausible entry was reached (`Thresholds.cover_lead`,
`lone_cover`), a verdict asked of the only plausible entry (`hotline.faq.verdict`), or an
evidence short of every rule, split by what would have lifted it to `Thresholds.answer`: the
uncovered share, the runner-up, either, or neither (`whole too low`); or the gate would answer
(by any of its rules) and the NLU's pick or the dialog held it back. `--show KIND` lists the
messages of a kind with the words the top entry never says. Each kind also counts its long
messages (`LONG` words or more: a story or a self-introduction before the question,
`hotline.faq.story`). A message held back by `Thresholds.max_uncovered` is told apart by what
would hold it back with the cap lifted (`unc>45% alone`: nothing else). `--later dev9,dev10`
counts those splits apart (the columns: the others, then these). Never the test split here.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from hotline.bot.nlu import telex
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.bot.nlu.greetings import after_greeting
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case
from hotline.evaluation.outcome import Outcome
from hotline.evaluation.runner import BotUnderTest, bot
from hotline.faq.gate import FaqMatch, Thresholds
from hotline.faq.verdict import asks_verdict

ANSWERS = "gate would answer (NLU pick or dialog)"
# A message of this many words or more is long (issue 12: dev8's covered messages only
# suggested were mostly 15 words or more).
LONG = 15


def blocker(t: Thresholds, gold: tuple[str, ...], matches: list[FaqMatch], text: str) -> str:
    """The gate's condition that kept the right entry from answering, as `FaqIndex.lookup`
    weighs it: the full evidence, a whole cover no rival shares (`sole_cover`), a lead in
    cover (`cover_lead`), the only plausible entry (`lone_answer`, `lone_cover`)."""
    if not matches:
        return "no match"
    best = matches[0]
    if best.entry.id not in gold:
        return "wrong top"
    if best.unsaid:
        return "unsaid"
    if best.uncovered > t.max_uncovered:
        # What else would hold it back with the cap lifted: the cap alone, or the evidence too.
        behind = blocker(replace(t, max_uncovered=1.0), gold, matches, text)
        return "unc>45% alone" if behind == ANSWERS else f"unc>45%, then {behind}"
    runner_up = t.runner_up(matches)
    evidence = t.evidence(best, runner_up)
    if evidence >= t.answer or t.covers_alone(matches, evidence):
        return ANSWERS
    if t.leads_in_cover(matches, evidence):
        return ANSWERS
    alone = tuple(m for m in matches[: t.max_suggestions] if t.plausible(m)) == (best,)
    if alone and t.answers_alone(matches, evidence):
        return "verdict asked (alone)" if asks_verdict(text) else ANSWERS
    rival_covers = not t.outcovers_rivals(matches)
    lower = t.lone_cover if alone else t.cover_lead
    if rival_covers and lower is not None and evidence >= lower:
        return "a rival covers as fully (alone)" if alone else "a rival covers as fully"
    covered = evidence + t.uncovered_weight * best.uncovered >= t.answer
    lifted = evidence + t.margin_weight * runner_up >= t.answer
    if covered and lifted:
        return "low evidence: uncovered or runner-up"
    if covered:
        return "low evidence: uncovered"
    if lifted:
        return "low evidence: runner-up"
    return "low evidence: whole too low"


def unused(target: BotUnderTest, entry_id: str, text: str) -> list[str]:
    """The question's salient words the entry never says (a reading aid for `--show`)."""
    index = target.hotline.faq.index
    content = index._content  # a measurement's look inside
    coverage = content.coverage
    said = set(coverage._words.get(entry_id, ()))
    return [w for w in coverage.salient(index._checked(content, text)) if w not in said]


def _closest(t: Thresholds, matches: list[FaqMatch]) -> str:
    """The closest entries as the gate weighs them: score, whole, uncovered, says."""
    evidence = t.evidence(matches[0], t.runner_up(matches)) if matches else 0.0
    shown = [
        f"{m.entry.id} {m.score:.2f}/{m.whole:.2f} unc {m.uncovered:.2f}"
        + ("" if m.says else " !says")
        for m in matches
    ]
    return f"evidence {evidence:.2f}: " + "; ".join(shown)


def only_suggested(case: Case, got: Outcome) -> bool:
    right = got.action == "answer" and got.entry in case.faq
    return bool(case.faq) and not right and any(e in case.faq for e in got.offered)


async def _tally(
    splits: dict[str, list[Case]], parses: dict[str, Any], show: str | None, later: set[str]
) -> None:
    client = recorded.ReplayedRasa(parses)
    with tempfile.TemporaryDirectory(prefix="gate-blockers-") as tmp:
        scratch = Path(tmp)
        async with (
            bot(scratch / "local", model_dir=scratch / "nlu") as local,
            bot(
                scratch / "rasa", lambda n: FallbackNLU(client, n), model_dir=scratch / "nlu"
            ) as rasa,
        ):
            for backend, target in (("local", local), ("rasa", rasa)):
                kinds: Counter[tuple[str, str]] = Counter()
                long: Counter[str] = Counter()
                t = target.hotline.faq.index.thresholds
                for split, cases in splits.items():
                    for case in cases:
                        got = await target.outcome(case.text)
                        if not only_suggested(case, got):
                            continue
                        # What the FAQ dialog searches: the Telex reading, after a greeting.
                        text = after_greeting(telex.decode(case.text))
                        matches = target.hotline.faq.search(text, limit=3)
                        kind = blocker(t, case.faq, matches, text)
                        kinds[(split, kind)] += 1
                        long[kind] += len(case.text.split()) >= LONG
                        if show is not None and show in kind:
                            words = unused(target, matches[0].entry.id, text)
                            print(f"  {backend} {split} {kind}: {words} | {case.text[:120]}")
                            print("      " + _closest(t, matches))
                print(f"{backend}:")
                for kind in sorted({k for _, k in kinds}):
                    per = ", ".join(f"{s} {kinds[(s, kind)]}" for s in splits)
                    total = sum(kinds[(s, kind)] for s in splits)
                    apart = sum(kinds[(s, kind)] for s in later)
                    grouped = f"{total - apart:4} + {apart:3} " if later else ""
                    print(f"  {total:4} {grouped}{kind} ({per}; {long[kind]} of {LONG}+ words)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa", action="append", default=[], help="SPLIT=recording.json")
    parser.add_argument("--show", help="list the messages of this kind")
    parser.add_argument("--later", default="", help="splits totalled apart: dev9,dev10")
    args = parser.parse_args()
    splits, parses = recorded.development_splits(args.rasa)
    asyncio.run(_tally(splits, parses, args.show, set(args.later.split(",")) - {""}))


if __name__ == "__main__":
    main()

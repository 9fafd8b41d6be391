"""Which rule of the answer gate let each direct answer through, and the wrong ones in full
(issue 12).

    python benchmarks/wrong_answers.py --rasa dev7=/work/prompts/parses/r10/rasa_dev7.json \
        --rasa dev8=... [--all]

Every message of the named splits goes through the real engine, with the local NLU and with
Rasa (its parses replayed), one bot per split as `hotline nlu evaluate` runs them. For each
message answered directly, the rule that answered: the index's full evidence
(`Thresholds.answer`), a whole cover no rival shares (`sole_cover`), a lead in cover
(`cover_lead`), the only plausible entry (`lone_answer`, `lone_cover`), Rasa's pick trusted
(`hotline.bot.nlu.faq_choice.trusted`, with what the index alone would have done), or an index
answer kept against a disagreeing pick (`outcovered`). Prints each wrong answer (a message no
entry answers, answered) with that rule, the kinds it asks (`hotline.faq.asks`) and the
question's salient words the entry never says; `--all` also each wrong entry. Then a tally per
rule of right, wrong and wrong-entry answers. Never the test split here.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hotline.bot.nlu import telex
from hotline.bot.nlu.fallback import FallbackNLU
from hotline.bot.nlu.faq_choice import TRUST, trusted
from hotline.bot.nlu.greetings import after_greeting
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case
from hotline.evaluation.runner import BotUnderTest, bot
from hotline.faq.asks import kinds_asked
from hotline.faq.gate import FaqMatch, Thresholds
from hotline.faq.verdict import asks_verdict


def index_rule(t: Thresholds, matches: list[FaqMatch], text: str) -> str:
    """The rule by which `FaqIndex.lookup` answers with its top match, or "no answer"."""
    if not matches:
        return "no answer"
    best = matches[0]
    evidence = t.evidence(best, t.runner_up(matches))
    said = best.says and best.uncovered <= t.max_uncovered
    if said and evidence >= t.answer:
        return "evidence"
    if t.covers_alone(matches, evidence):
        return "sole_cover"
    if t.leads_in_cover(matches, evidence):
        return "cover_lead"
    alone = tuple(m for m in matches[: t.max_suggestions] if t.plausible(m)) == (best,)
    if alone and t.answers_alone(matches, evidence) and not asks_verdict(text):
        assert t.lone_answer is not None  # answers_alone is False without it
        return "lone_answer" if evidence >= t.lone_answer else "lone_cover"
    return "no answer"


def answered_by(target: BotUnderTest, entry: str, text: str) -> str:
    """How the FAQ dialog came to answer `text` with `entry`."""
    faq = target.hotline.faq
    matches = faq.search(text, limit=3)
    rule = index_rule(faq.index.thresholds, matches, text)
    parse = target.nlu.last
    pick = parse.faq if parse is not None else None
    if pick is None:
        return f"index {rule}"
    mine = next((m for m in matches if m.entry.id == pick.entry_id), None)
    if pick.entry_id == entry and mine is not None and mine.says:
        agrees = matches[0].entry.id == pick.entry_id
        uncovered = faq.uncovered(pick.entry_id, text)
        if trusted(pick, uncovered, TRUST, agrees=agrees, index=mine.score):
            return f"rasa pick (index: {rule})"
    if pick.entry_id != entry and pick.confidence >= TRUST.veto:
        return f"index {rule}, pick outcovered"
    return f"index {rule}"


def unused(target: BotUnderTest, entry_id: str, text: str) -> list[str]:
    """The question's salient words the entry never says (a reading aid)."""
    index = target.hotline.faq.index
    content = index._content  # a measurement's look inside
    coverage = content.coverage
    said = set(coverage._words.get(entry_id, ()))
    return [w for w in coverage.salient(index._checked(content, text)) if w not in said]


async def _split(
    backend: str, target: BotUnderTest, split: str, cases: list[Case], show_all: bool
) -> Counter[tuple[str, str]]:
    tally: Counter[tuple[str, str]] = Counter()
    for case in cases:
        got = await target.outcome(case.text)
        if got.action != "answer" or got.entry is None:
            continue
        # What the FAQ dialog searches: the Telex reading, after a greeting.
        text = after_greeting(telex.decode(case.text))
        how = answered_by(target, got.entry, text)
        kind = "wrong" if not case.covered else "right" if got.entry in case.faq else "entry"
        tally[(how, kind)] += 1
        if kind == "wrong" or (kind == "entry" and show_all):
            asked = sorted(kinds_asked(target.hotline.faq.index._analyze(text)))
            words = unused(target, got.entry, text)
            print(f"  {backend} {split} {kind}: {got.entry} by {how}")
            print(f"      asks {[str(a) for a in asked]}, unsaid words {words}")
            print(f"      {case.text[:160]}")
    return tally


async def _tally(splits: dict[str, list[Case]], parses: dict[str, Any], show_all: bool) -> None:
    client = recorded.ReplayedRasa(parses)
    with tempfile.TemporaryDirectory(prefix="wrong-answers-") as tmp:
        scratch = Path(tmp)
        for backend in ("local", "rasa"):
            tally: Counter[tuple[str, str]] = Counter()
            for split, cases in splits.items():
                # A bot per split, as the evaluation runs them (the fallback's probe state).
                nlu = None if backend == "local" else lambda n: FallbackNLU(client, n)
                async with bot(scratch / f"{backend}-{split}", nlu, model_dir=scratch / "nlu") as b:
                    tally += await _split(backend, b, split, cases, show_all)
            print(f"{backend}: direct answers by rule (right / wrong / wrong entry)")
            for how in sorted({h for h, _ in tally}):
                counts = " / ".join(str(tally[(how, k)]) for k in ("right", "wrong", "entry"))
                print(f"  {counts:>12}  {how}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rasa", action="append", default=[], help="SPLIT=recording.json")
    parser.add_argument("--all", action="store_true", help="list wrong entries too")
    args = parser.parse_args()
    splits, parses = recorded.development_splits(args.rasa)
    asyncio.run(_tally(splits, parses, args.all))


if __name__ == "__main__":
    main()

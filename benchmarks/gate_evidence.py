"""The answer gate's evidence for every development message, as JSON lines (issue 12).

    python benchmarks/gate_evidence.py OUT.jsonl \
        --rasa dev=/tmp/p/rasa_dev.json --rasa dev2=/tmp/p/rasa_dev2.json \
        --rasa dev3=/tmp/p/rasa_dev3.json

Every message of the named splits goes through the real engine, with the local NLU and with
Rasa (its parses replayed from a recording `hotline nlu evaluate --open-world --rasa-parses`
wrote); one line per message and back end holds what the bot did (`action`, `entry`,
`offered`), the gold (`gold`: the entries that answer it, empty when none does), and the
evidence the gate weighs for its candidates: the index's closest three (score, closest variant,
the whole entry, the share of salient words uncovered), the index's evidence and lead, the
NLU's intent and its own FAQ pick (confidence, the share it leaves uncovered, whether the index
ranks it first, the index's score for it). `benchmarks/gate_logit.py` fits on these lines.
Never the test split here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

from hotline.bot.nlu.fallback import FallbackNLU
from hotline.evaluation import recorded
from hotline.evaluation.cases import Case
from hotline.evaluation.runner import BotUnderTest, bot


def _evidence(target: BotUnderTest, text: str) -> dict[str, Any]:
    faq = target.hotline.faq
    index = faq.index
    matches = faq.search(text, limit=3)
    runner_up = index.thresholds.runner_up(matches)
    row: dict[str, Any] = {
        "matches": [
            {
                "id": m.entry.id,
                "score": round(m.score, 4),
                "variant": round(m.variant, 4),
                "whole": round(m.whole, 4),
                "uncovered": round(m.uncovered, 4),
            }
            for m in matches
        ],
        "lead": round(matches[0].score - runner_up, 4) if matches else 0.0,
        "evidence": round(index.thresholds.evidence(matches[0], runner_up), 4) if matches else None,
    }
    parse = target.nlu.last
    assert parse is not None
    row["nlu_intent"] = parse.intent.name
    row["nlu_confidence"] = round(parse.intent.confidence, 4)
    pick = parse.faq
    if pick is not None:
        row["pick"] = {
            "id": pick.entry_id,
            "confidence": round(pick.confidence, 4),
            "uncovered": round(faq.uncovered(pick.entry_id, text), 4),
            "agrees": bool(matches) and matches[0].entry.id == pick.entry_id,
            "index": next((m.score for m in matches if m.entry.id == pick.entry_id), 0.0),
        }
    return row


async def _dump(splits: dict[str, list[Case]], parses: dict[str, Any], out: Path) -> None:
    client = recorded.ReplayedRasa(parses)
    with tempfile.TemporaryDirectory(prefix="gate-evidence-") as tmp, out.open("w") as sink:
        scratch = Path(tmp)
        async with (
            bot(scratch / "local", model_dir=scratch / "nlu") as local,
            bot(
                scratch / "rasa", lambda n: FallbackNLU(client, n), model_dir=scratch / "nlu"
            ) as rasa,
        ):
            for backend, target in (("local", local), ("rasa", rasa)):
                for split, cases in splits.items():
                    for case in cases:
                        got = await target.outcome(case.text)
                        row = {
                            "split": split,
                            "backend": backend,
                            "text": case.text,
                            "group": case.group,
                            "gold_intent": case.intent,
                            "gold": list(case.faq),
                            "also": list(case.also),
                            "question": case.question,
                            "action": got.action,
                            "intent": got.intent,
                            "entry": got.entry,
                            "offered": list(got.offered),
                            **_evidence(target, case.text),
                        }
                        sink.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rasa", action="append", default=[], help="SPLIT=recording.json")
    args = parser.parse_args()
    splits, parses = recorded.development_splits(args.rasa)
    asyncio.run(_dump(splits, parses, args.out))


if __name__ == "__main__":
    main()

"""What one message costs in process, part by part: the local NLU's parse, the FAQ lookup and a
whole engine turn (SQLite included), with the same few texts repeated (as citizens send them)
and with every text distinct (the development split's citizen messages, each sent once).

No HTTP and no load generator: the figures are the CPU time (of every thread of the process,
`time.process_time`) a message takes, one message at a time, in milliseconds; other work on
the machine moves them far less than it moves wall-clock times. "trips" are the times a
message's work went to the SQLite thread (a hand-off there and back each), "commits" the COMMITs
it took (one at a time, no group commit shares them here). `--profile` prints where a
turn's time goes (cProfile around the engine's turns; `TURN_COST_SORT=cumulative` and
`TURN_COST_LINES=60` to sort and cut it otherwise). `--before CHECKOUT` runs the same in
another checkout (the code before a change) in a child process, alternating with this one.
Run: `.venv/bin/python benchmarks/turn_cost.py [--before /path/to/old] [--profile]`.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import inspect
import os
import pstats
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from citizen_texts import REPEATED, distinct_texts

HERE = Path(__file__).resolve().parent.parent


def per_call_ms(run: Callable[[str], object], texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        run(text)
    return (time.process_time() - started) * 1000 / len(texts)


async def per_turn_ms(call: Callable[[str], Awaitable[object]], texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        await call(text)
    return (time.process_time() - started) * 1000 / len(texts)


async def measure(model: Path, rounds: int, profile: str | None) -> None:
    # Imported here: the checkout under test is the one on PYTHONPATH (see --before).
    from hotline.bot.dialogs.base import NobodyOnline
    from hotline.bot.events import EventBus
    from hotline.bot.messages import ConversationKey, InboundMessage
    from hotline.config import Settings
    from hotline.runtime import open_hotline

    distinct = distinct_texts()
    repeated = REPEATED * (len(distinct) // len(REPEATED))
    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(
            Settings.from_env({}, dotenv=None),
            store=f"sqlite:///{tmp}/turns.db",
            nlu="local",
            nlu_model_dir=str(model),
            media_dir=f"{tmp}/media",
        )
        async with open_hotline(settings, EventBus(), NobodyOnline()) as hotline:
            engine, nlu, faq = hotline.engine, hotline.nlu, hotline.faq

            # As the REST channel does: the replies handed over by the turn's own write where
            # the code can (`hand_over`), else taken after it; the first-message check beside.
            hands_over = "hand_over" in inspect.signature(engine.handle).parameters
            db = getattr(hotline.conversations, "_db", None)

            async def turn(text: str) -> object:
                key = ConversationKey("rest", uuid.uuid4().hex)  # a new sender each time
                message = InboundMessage(
                    key, uuid.uuid4().hex, text=text, received_at=datetime.now(UTC)
                )
                first = hotline.conversations.said_before(key, message.message_id)
                if hands_over:
                    replies, _ = await asyncio.gather(engine.handle(message, hand_over=True), first)
                    return replies
                replies = await engine.handle(message)
                await asyncio.gather(hotline.conversations.take_pending(key), first)
                return replies

            async def parse(text: str) -> object:
                return await nlu.parse(text)

            seen = [getattr(db, "trips", 0), getattr(db, "commits", 0)]

            def trips(texts: list[str]) -> str:
                """Trips to the SQLite thread and commits a message took since the last call
                (`-` where the code does not count them)."""
                if db is None or not hasattr(db, "trips"):
                    return "- | -"
                counts = db.trips - seen[0], db.commits - seen[1]
                seen[:] = [db.trips, db.commits]
                return f"{counts[0] / len(texts):.2f} | {counts[1] / len(texts):.2f}"

            for n in range(rounds):
                # Distinct first: each text's first parse and lookup are cold.
                cells = []
                for texts in (distinct, repeated):
                    # Each distinct text once per measurement: each column and round gets them
                    # with a word of its own (letters: digits read as phone numbers).
                    def fresh(column: int, texts: list[str] = texts, n: int = n) -> list[str]:
                        if texts is repeated:
                            return texts
                        word = "qxzw"[column] * (n + 1)
                        return [f"{t} {word}" for t in texts]

                    cells.append(f"{await per_turn_ms(parse, fresh(0)):.3f}")
                    cells.append(f"{per_call_ms(faq.lookup, fresh(1)):.3f}")
                    trips(texts)
                    cells.append(f"{await per_turn_ms(turn, fresh(2)):.3f}")
                    cells.append(trips(texts))
                print(f"| {os.environ.get('TURN_COST_NAME', 'this code')} | {' | '.join(cells)} |")
            if profile:
                texts = [f"{t} ww" for t in distinct] if profile == "distinct" else repeated
                profiler = cProfile.Profile()
                profiler.enable()
                await per_turn_ms(turn, texts)
                profiler.disable()
                order = os.environ.get("TURN_COST_SORT", "tottime")
                lines = int(os.environ.get("TURN_COST_LINES", "30"))
                pstats.Stats(profiler).sort_stats(order).print_stats(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, help="another checkout to compare (its root)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile", choices=("distinct", "repeated"), help="print a profile")
    parser.add_argument("--nlu-model-dir", type=Path, default=HERE / "var" / "nlu")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        asyncio.run(measure(args.nlu_model_dir, args.rounds, args.profile))
        return
    print(f"load average {os.getloadavg()[0]:.1f}; CPU milliseconds a message, one at a time")
    print(
        "| code | parse, distinct | FAQ lookup, distinct | turn, distinct | trips | commits"
        " | parse, repeated | FAQ lookup, repeated | turn, repeated | trips | commits |"
    )
    print(f"|{' --- |' * 11}")
    checkouts = [("this code", HERE)]
    if args.before:
        checkouts.append(("before (--before)", args.before.resolve()))
    for n in range(args.rounds):
        for name, root in checkouts if n % 2 == 0 else checkouts[::-1]:
            command = [sys.executable, __file__, "--child", "--rounds", "1"]
            command += ["--nlu-model-dir", str(args.nlu_model_dir)]
            if args.profile and n == 0 and root == HERE:
                command += ["--profile", args.profile]
            env = {**os.environ, "PYTHONPATH": str(root), "TURN_COST_NAME": name}
            subprocess.run(command, env=env, check=True, cwd=root)
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

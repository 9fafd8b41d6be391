"""An FAQ of 10,000 entries imported while the bot answers: its memory and answer latency.

    .venv/bin/python benchmarks/faq_scale.py [--entries 10000] [--after 30]

Writes a synthetic FAQ (`tests/support/synthetic_faq.py`: varied Vietnamese entries, 6-12
phrasings each) to a YAML file, starts `hotline serve` on a fresh SQLite file (local NLU), and
has one citizen ask questions one after another through the REST channel while
`hotline faq import` loads the file. Prints the server's RSS before the import, once the new
entries answer, and after more questions (with its peak), and answer latency p50/p99/max before,
during (from the import's start until a new entry answers) and after the import.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.serving import serving
from hotline.faq.io import write_entries
from tests.support.synthetic_faq import synthetic_entries

SETTLE = 2.0  # seconds from the new entries' first answer to the second RSS reading
ANSWER_WITHIN = 60.0  # seconds before a question counts as unanswered
LIVE_WITHIN = 1200.0  # seconds from the import's start for the new entries to answer

SEED_QUESTIONS = [
    "F1 phải cách ly bao nhiêu ngày?",
    "dang ky tiem vac xin o dau",
    "thẻ đi đường xin ở đâu vậy ad",
    "f0 dieu tri tai nha can lam gi",
    "chợ có mở cửa không",
]


class Citizen:
    """Asks one question at a time and keeps each answer's latency, by phase."""

    def __init__(self, base: str, questions: list[str]) -> None:
        self.base = base
        self.questions = itertools.cycle(questions)
        self.phase = "before"
        self.latencies: dict[str, list[float]] = {}
        self.count = itertools.count()
        self.zero = time.perf_counter()  # set again when the import starts
        self.slowest: list[tuple[float, float]] = []  # during the import: (latency, began at)
        self.failures: list[str] = []

    async def ask(self, session: aiohttp.ClientSession, text: str) -> str:
        body = {"sender": f"faq-scale-{next(self.count) % 50}", "message": text}
        started = time.perf_counter()
        # aiohttp's default is 300 s: an unanswered question shows up as a failure, with when.
        timeout = aiohttp.ClientTimeout(total=ANSWER_WITHIN)
        url = f"{self.base}/webhooks/rest/webhook"
        try:
            async with session.post(url, json=body, timeout=timeout) as resp:
                replies = await resp.json()
                if resp.status != 200:
                    raise RuntimeError(f"status {resp.status}")
        except (aiohttp.ClientError, TimeoutError, RuntimeError) as error:
            at = started - self.zero
            self.failures.append(f"{self.phase} at {at:.1f} s: {text!r} {error!r}")
            return ""
        took = time.perf_counter() - started
        self.latencies.setdefault(self.phase, []).append(took)
        if self.phase == "during":
            self.slowest = sorted([*self.slowest, (took, started - self.zero)], reverse=True)[:5]
        return " ".join(r.get("text", "") for r in replies)

    async def keep_asking(self, session: aiohttp.ClientSession) -> None:
        while True:
            await self.ask(session, next(self.questions))


def summary(name: str, latencies: list[float]) -> str:
    ordered = sorted(latencies)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return (
        f"  {name:<8} {len(ordered):5d} answers  p50 {at(0.5):7.1f} ms  p99 {at(0.99):7.1f} ms"
        f"  max {ordered[-1] * 1000:7.1f} ms"
    )


async def run(entries: int, after: int) -> None:
    faq = synthetic_entries(entries)
    probe = faq[-1]  # answers once the whole import is indexed
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "faq.yml"
        path.write_text(write_entries(faq, "yaml"), encoding="utf-8")
        env = {**os.environ, "HOTLINE_STORE": f"sqlite:///{tmp}/bench.db"}
        with serving(env) as server:  # started once, before any timing
            async with aiohttp.ClientSession() as session:
                questions = SEED_QUESTIONS + [e.questions[1] for e in faq[:: max(1, entries // 50)]]
                citizen = Citizen(server.url, questions)
                for text in questions[:20]:
                    await citizen.ask(session, text)
                before = server.memory()
                citizen.phase = "during"
                asking = asyncio.create_task(citizen.keep_asking(session))
                started = citizen.zero = time.perf_counter()
                importer = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "hotline.cli", "faq", "import", str(path),
                    env=env, stdout=asyncio.subprocess.DEVNULL,
                )  # fmt: skip
                await importer.wait()
                imported = time.perf_counter() - started
                answer = ""
                while probe.answer[:60] not in answer:
                    if asking.done() or time.perf_counter() - started > LIVE_WITHIN:
                        failed = asking.exception() if asking.done() else None
                        raise SystemExit(
                            f"no new entry answers ({importer.returncode=}, {failed=})"
                        )
                    answer = await citizen.ask(session, probe.questions[0])
                live = time.perf_counter() - started
                reloaded = server.memory()
                # The swap answers at once; the heap is handed back just after (`give_back_memory`).
                await asyncio.sleep(SETTLE)
                settled = server.memory()
                asking.cancel()
                await asyncio.gather(asking, return_exceptions=True)
                citizen.phase = "after"
                for _ in range(after):
                    await citizen.ask(session, next(citizen.questions))
                answered = server.memory()
    load = os.getloadavg()
    print(f"FAQ of {entries} synthetic entries ({sum(len(e.questions) for e in faq)} questions)")
    print(f"  import exit {importer.returncode} after {imported:.1f} s; new entries answer after")
    print(f"  {live:.1f} s; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(f"  server RSS before import     {before['VmRSS']:6.0f} MiB")
    print(f"  server RSS once reloaded     {reloaded['VmRSS']:6.0f} MiB")
    print(f"  server RSS {SETTLE:.0f} s later         {settled['VmRSS']:6.0f} MiB")
    print(
        f"  server RSS after {after} answers {answered['VmRSS']:6.0f} MiB"
        f" (peak {answered['VmHWM']:.0f} MiB)"
    )
    for phase in ("before", "during", "after"):
        print(summary(phase, citizen.latencies[phase]))
    slowest = ", ".join(f"{took * 1000:.0f} ms at {at:.1f} s" for took, at in citizen.slowest)
    print(
        f"  slowest during the import (since its start; it exited at {imported:.1f} s): {slowest}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--after", type=int, default=30, help="questions after the import")
    args = parser.parse_args()
    asyncio.run(run(args.entries, args.after))


if __name__ == "__main__":
    main()

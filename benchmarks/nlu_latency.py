"""Parse latency of the local NLU: percentiles per message and parses per second.

    .venv/bin/python benchmarks/nlu_latency.py [--model-dir var/nlu] [--messages 5000]

Uses the model in --model-dir when it is up to date, else trains one in a scratch directory.
The messages are the training examples, as typed and folded (no diacritics, lower case), with
some made longer, so short and long texts both count.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hotline.bot.nlu.entities import extract_entities
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.normalize import fold
from hotline.bot.nlu.training import model_is_stale, read_examples, train


def messages(count: int, seed: int = 1022) -> list[str]:
    rng = random.Random(seed)
    texts = [e.text for e in read_examples()]
    out: list[str] = []
    while len(out) < count:
        text = rng.choice(texts)
        kind = rng.random()
        if kind < 0.3:
            text = fold(text)
        elif kind < 0.4:
            text = " ".join(rng.sample(texts, 4))  # a long message
        out.append(text)
    return out


def percentiles(timings_ms: list[float]) -> str:
    ordered = sorted(timings_ms)
    at = {p: ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] for p in (50, 90, 99)}
    return "  ".join(f"p{p} {v:.3f} ms" for p, v in at.items()) + f"  max {ordered[-1]:.3f} ms"


def run(nlu: LocalNLU, texts: list[str]) -> None:
    for text in texts[:200]:  # warm up caches and numpy
        nlu.parse_sync(text)
    parse_ms: list[float] = []
    started = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        nlu.parse_sync(text)
        parse_ms.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    entity_ms: list[float] = []
    for text in texts:
        t0 = time.perf_counter()
        extract_entities(text)
        entity_ms.append((time.perf_counter() - t0) * 1000)
    chars = statistics.mean(len(t) for t in texts)
    print(f"{len(texts)} messages, {chars:.0f} characters on average")
    print(f"parse     {percentiles(parse_ms)}")
    print(f"entities  {percentiles(entity_ms)}")
    print(f"throughput {len(texts) / elapsed:,.0f} parses/s on one core")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=Path("var/nlu"))
    parser.add_argument("--messages", type=int, default=5000)
    args = parser.parse_args()
    texts = messages(args.messages)
    if not model_is_stale(args.model_dir):
        run(LocalNLU.load(args.model_dir), texts)
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        print(train(Path(scratch)))
        run(LocalNLU.load(Path(scratch)), texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

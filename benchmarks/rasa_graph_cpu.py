"""CPU a text of one Rasa graph run (`rasa_batch.parse_all`), for several models in one process.

    python benchmarks/rasa_graph_cpu.py MODEL.tar.gz [MODEL.tar.gz ...] [--rounds 2]

Loads every model into one Rasa process (the Rasa environment's Python, our components on its
PYTHONPATH) and, round by round, model after model, parses the dev split's texts (a word added
to each, as the distinct benchmark does) in runs of 1, 8 and 32 texts, printing the process CPU
a text. Two models' figures come from the same minutes of the same machine, so compare them
there; it also says whether the models' parses agree. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (1, 8, 32)


def inner(models: list[str], texts: list[str], rounds: int) -> None:
    from rasa.core.agent import Agent  # type: ignore[import-not-found]
    from rasa_batch import parse_all  # type: ignore[import-not-found]

    processors = {Path(m).name: Agent.load(m).processor for m in models}
    answers: dict[str, list[Any]] = {}
    for name, processor in processors.items():
        parse_all(processor, texts[:32])  # warm
        answers[name] = [
            (p["intent"]["name"], p["intent"]["confidence"], p.get("response_selector"))
            for start in range(0, len(texts), 32)
            for p in parse_all(processor, texts[start : start + 32])
        ]
    first = next(iter(answers.values()))
    for name, values in answers.items():
        same = sum(a == b for a, b in zip(values, first, strict=True))
        print(f"{name}: {same}/{len(values)} parses equal to the first model's", flush=True)
    for round_ in range(rounds):
        for name, processor in processors.items():
            cells = []
            for size in SIZES:
                chunk = texts if size > 1 else texts[:96]
                start = time.process_time()
                for at in range(0, len(chunk), size):
                    parse_all(processor, chunk[at : at + size])
                cells.append(f"{size}: {(time.process_time() - start) * 1000 / len(chunk):.2f} ms")
            print(f"round {round_ + 1} {name}: " + ", ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="+")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--inner", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.models, json.loads(args.inner.read_text("utf-8")), args.rounds)
        return
    from configurations import texts as split_texts

    from hotline.bot.nlu import rasa_training

    env = rasa_training.find_rasa_env() or rasa_training.ensure_rasa_env()
    with tempfile.TemporaryDirectory() as tmp:
        components = rasa_training.install_components(Path(tmp) / "components")
        words = [
            f"{t} {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}"
            for i, t in enumerate(split_texts("dev"))
        ]
        listing = Path(tmp) / "texts.json"
        listing.write_text(json.dumps(words, ensure_ascii=False), "utf-8")
        script = Path(tmp) / "components" / "rasa_graph_cpu.py"  # not beside a `rasa` package
        script.write_bytes(Path(__file__).read_bytes())
        environ = rasa_training.rasa_environ(components.resolve())
        command = [
            str(env / "bin" / "python"),
            str(script),
            *map(str, map(Path.resolve, map(Path, args.models))),
        ]
        print(f"load average at the start: {os.getloadavg()[0]:.1f}", flush=True)
        subprocess.run(
            [*command, "--rounds", str(args.rounds), "--inner", str(listing)],
            env=environ,
            check=True,
        )
        print(f"load average at the end: {os.getloadavg()[0]:.1f}", flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()

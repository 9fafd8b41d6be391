"""How long `hotline serve` takes to listen, to answer and to be ready, on a fresh and on a used
store.

Starts the server a few times on a free loopback port with the local NLU (trained once first,
into a temporary folder unless --nlu-model-dir names one) and prints, for each start, seconds
until the port accepts a TCP connection (since issue 15 it listens before the app is imported:
a request sent then waits in the backlog), until `/healthz` answers 200 (the app runs) and until
`/readyz` answers 200 (the FAQ index is built); and, as the yardstick on
the same machine at the same moment, how long a bare Python takes to import aiohttp.
`--faq-entries N` imports a synthetic FAQ of N entries first (`tests/support/synthetic_faq.py`),
so every start indexes it; `--before <old checkout>` starts that code too, in turns on the same
store, for a ratio measured in the same run.
Every command runs in the temporary folder, so `python -m` finds the code PYTHONPATH names and
not the checkout in the current directory.
Run: `.venv/bin/python benchmarks/startup.py [--starts 3] [--faq-entries 10000] [--before DIR]`.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hotline.bot.nlu.rasa_server import free_port
from hotline.faq.io import write_entries
from tests.support.synthetic_faq import synthetic_entries


def listens(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        connected = s.connect_ex(("127.0.0.1", port)) == 0
        return connected and s.getsockname() != s.getpeername()  # not a TCP self-connect


def answers(port: int, path: str) -> bool:
    """`path` answers 200; waits as long as it takes (a request sent before the app runs waits
    in the backlog)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=600) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def one_start(env: dict[str, str], folder: str) -> tuple[float, float, float]:
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hotline.cli", "serve", "--port", str(port)],
        env=env,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not listens(port):
            if proc.poll() is not None:
                raise SystemExit("the server exited during start-up")
            time.sleep(0.01)
        listened = time.perf_counter() - started
        while not answers(port, "/healthz"):
            time.sleep(0.02)
        answered = time.perf_counter() - started
        while not answers(port, "/readyz"):
            time.sleep(0.02)
        return listened, answered, time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bare_import(folder: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import aiohttp.web"], check=True, cwd=folder)
    return time.perf_counter() - started


def import_faq(env: dict[str, str], entries: int, folder: Path) -> None:
    path = folder / "faq.yml"
    path.write_text(write_entries(synthetic_entries(entries), "yaml"), encoding="utf-8")
    command = [sys.executable, "-m", "hotline.cli", "faq", "import", str(path)]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, cwd=folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--nlu-model-dir", type=Path)
    parser.add_argument("--faq-entries", type=int, default=0)
    parser.add_argument("--before", type=Path, help="an old checkout, started in turns")
    args = parser.parse_args()
    codes = {"this code": str(Path(__file__).resolve().parents[1])}
    if args.before is not None:
        codes["before"] = str(args.before.resolve())
    with tempfile.TemporaryDirectory() as tmp:
        model = args.nlu_model_dir or Path(tmp) / "nlu"
        env = {
            **os.environ,
            "HOTLINE_STORE": f"sqlite:///{tmp}/startup.db",
            "HOTLINE_NLU": "local",
            "HOTLINE_NLU_MODEL_DIR": str(model),
        }
        env["PYTHONPATH"] = codes["this code"]
        if args.nlu_model_dir is None:
            train = [sys.executable, "-m", "hotline.cli", "nlu", "train"]
            subprocess.run(train, env=env, cwd=tmp, check=True)
        if args.faq_entries:
            import_faq(env, args.faq_entries, Path(tmp))
        print(f"load average: {os.getloadavg()[0]:.1f}, FAQ entries: {args.faq_entries or 'seed'}")
        rows: dict[str, list[tuple[float, ...]]] = {name: [] for name in codes}
        for n in range(args.starts):
            for name, code in codes.items():
                listened, answered, became_ready = one_start({**env, "PYTHONPATH": code}, tmp)
                yardstick = bare_import(tmp)
                rows[name].append((listened, answered, became_ready, yardstick))
                print(
                    f"{name}, start {n + 1}: listens {listened:.2f} s, answers {answered:.2f} s,"
                    f" ready {became_ready:.2f} s (python importing aiohttp.web: {yardstick:.2f} s)"
                )
        for name, got in rows.items():
            print(
                f"{name}, median: listens {statistics.median(r[0] for r in got):.2f} s,"
                f" answers {statistics.median(r[1] for r in got):.2f} s,"
                f" ready {statistics.median(r[2] for r in got):.2f} s,"
                f" aiohttp.web import {statistics.median(r[3] for r in got):.2f} s"
            )
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

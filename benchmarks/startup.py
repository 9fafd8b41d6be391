"""How long `hotline serve` takes to listen, and to be ready, on a fresh and on a used store.

Starts the server a few times on a free loopback port with the local NLU (trained once first,
into a temporary folder unless --nlu-model-dir names one) and prints, for each start, seconds
until the port accepts a connection and until `/readyz` answers 200; and, as the yardstick on
the same machine at the same moment, how long a bare Python takes to import aiohttp.
Run: `.venv/bin/python benchmarks/startup.py [--starts 3]`.
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listens(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def one_start(env: dict[str, str]) -> tuple[float, float]:
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hotline.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not listens(port):
            if proc.poll() is not None:
                raise SystemExit("the server exited during start-up")
            time.sleep(0.02)
        listened = time.perf_counter() - started
        while not ready(port):
            time.sleep(0.02)
        return listened, time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bare_import() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import aiohttp.web"], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--nlu-model-dir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        model = args.nlu_model_dir or Path(tmp) / "nlu"
        env = {
            **os.environ,
            "HOTLINE_STORE": f"sqlite:///{tmp}/startup.db",
            "HOTLINE_NLU": "local",
            "HOTLINE_NLU_MODEL_DIR": str(model),
        }
        if args.nlu_model_dir is None:
            subprocess.run([sys.executable, "-m", "hotline.cli", "nlu", "train"], env=env)
        print(f"load average: {os.getloadavg()[0]:.1f}")
        rows = []
        for n in range(args.starts):
            listened, became_ready = one_start(env)
            yardstick = bare_import()
            rows.append((listened, became_ready, yardstick))
            print(
                f"start {n + 1}: listens {listened:.2f} s, ready {became_ready:.2f} s"
                f" (python importing aiohttp.web: {yardstick:.2f} s)"
            )
        print(
            f"median: listens {statistics.median(r[0] for r in rows):.2f} s,"
            f" ready {statistics.median(r[1] for r in rows):.2f} s,"
            f" aiohttp.web import {statistics.median(r[2] for r in rows):.2f} s"
        )


if __name__ == "__main__":
    main()

"""A `hotline serve` process for a benchmark: started on a free loopback port, awaited until
/readyz answers 200, its CPU time and memory read from /proc, stopped.

    with serving(env) as server:
        ...  # server.url, server.cpu_seconds(), server.memory()

Imported from a benchmark run as `python benchmarks/NAME.py`, which puts benchmarks/ first on
sys.path.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.support, as faq_scale

from hotline.bot.nlu.rasa_server import free_port
from tests.support.serving import stop

START_SECONDS = 600.0  # a first start trains the local NLU, which takes minutes


def hotline_serve(port: int) -> list[str]:
    return [sys.executable, "-m", "hotline.cli", "serve", "--port", str(port)]


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system, all threads) a process and its live children used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(int(child)) for child in children)


@dataclass(frozen=True)
class Server:
    proc: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def cpu_seconds(self) -> float:
        """CPU time the server (its worker processes included) has used so far."""
        return cpu_seconds(self.pid)

    def memory(self) -> dict[str, float]:
        """VmRSS and VmHWM (the peak) in MiB."""
        found = {}
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                found[name] = int(value.split()[0]) / 1024
        return found


@contextmanager
def serving(
    env: dict[str, str],
    command: Callable[[int], list[str]] = hotline_serve,
    cwd: Path | str | None = None,
    within: float = START_SECONDS,
) -> Iterator[Server]:
    """`command(port)` (by default `hotline serve --port PORT`, HOTLINE_PORT set too) on a free
    port, ready when entered, stopped on leaving. To run another checkout, put it on PYTHONPATH
    and pass it as `cwd`: `python -m` puts the working directory first on sys.path."""
    port = free_port()
    proc = subprocess.Popen(
        command(port),
        env={**env, "HOTLINE_PORT": str(port)},
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        server = Server(proc, port)
        wait_ready(server, within)
        yield server
    finally:
        stop(proc)


def wait_ready(server: Server, within: float) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            with urllib.request.urlopen(f"{server.url}/readyz", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not become ready")

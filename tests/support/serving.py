"""A `hotline serve` of the test's own, as a real process: started, awaited, stopped."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import aiohttp


def serve(env: dict[str, str], cwd: Path, log_name: str, *args: str) -> subprocess.Popen[bytes]:
    """`hotline serve *args` in `cwd`, its output in `log_name` there; its exit code is main()'s."""
    command = "from hotline.cli.main import main; raise SystemExit(main())"
    with (cwd / log_name).open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-c", command, "serve", *args],
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


async def listening(
    url: str, proc: subprocess.Popen[bytes], within: float = 120, path: str = "/healthz"
) -> float:
    """Seconds until the server answers `path` (/healthz: it listens; /readyz: it is ready)."""
    started = time.monotonic()
    async with aiohttp.ClientSession() as session:
        while time.monotonic() - started < within:
            assert proc.poll() is None, f"the server exited with {proc.returncode}"
            try:
                async with session.get(f"{url}{path}") as resp:
                    if resp.status == 200:
                        return time.monotonic() - started
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.05)
    raise TimeoutError("the server did not listen")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

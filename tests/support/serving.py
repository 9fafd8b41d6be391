"""A `hotline serve` of the test's own, as a real process: started, awaited, stopped (or a
`hotline` command run to its end)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

MAIN = "from hotline.cli.main import main; raise SystemExit(main())"


def serve(
    env: dict[str, str], cwd: Path, log_name: str, *args: str, command: str = MAIN
) -> subprocess.Popen[bytes]:
    """`hotline serve *args` in `cwd`, its output in `log_name` there; its exit code is main()'s
    (`command` runs main(), after whatever the test needs first)."""
    with (cwd / log_name).open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-c", command, "serve", *args],
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def run_hotline(
    env: dict[str, str], cwd: Path, *args: str, within: float = 120
) -> subprocess.CompletedProcess[str]:
    """`hotline *args` in `cwd`, run to its end; its output captured as text."""
    return subprocess.run(
        [sys.executable, "-c", MAIN, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=within,
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


async def accepting(
    port: int, proc: subprocess.Popen[bytes], within: float = 120, host: str = "127.0.0.1"
) -> float:
    """Seconds until the port accepts a TCP connection (the server listens; its app may still
    be starting, the connection then waits in the backlog)."""
    started = time.monotonic()
    while time.monotonic() - started < within:
        assert proc.poll() is None, f"the server exited with {proc.returncode}"
        try:
            _, writer = await asyncio.open_connection(host, port)
        except OSError:
            await asyncio.sleep(0.01)
            continue
        ours, theirs = writer.get_extra_info("sockname"), writer.get_extra_info("peername")
        writer.close()
        await writer.wait_closed()
        if ours != theirs:  # not Linux's TCP self-connect to a port nobody listens on
            return time.monotonic() - started
    raise TimeoutError("the server did not listen")


async def command_start() -> float:
    """Seconds a Python takes now to start and import the `hotline` command (what runs before
    `hotline serve` listens): the yardstick of the machine's load at this moment."""
    started = time.monotonic()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import hotline.cli.main")
    assert await proc.wait() == 0
    return time.monotonic() - started


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

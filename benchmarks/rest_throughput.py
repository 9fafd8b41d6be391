"""Messages per second through the REST channel on embedded defaults (SQLite, local NLU).

Starts `hotline serve` in its own process on a free loopback port with a fresh SQLite file,
then sends a fixed number of messages from many simulated citizens and prints throughput,
latency percentiles and the server's memory. Run: `.venv/bin/python benchmarks/rest_throughput.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

MESSAGES = [
    "xin chào",
    "F1 phải cách ly bao nhiêu ngày?",
    "dang ky tiem vac xin o dau",
    "cam on nhieu",
    "thẻ đi đường xin ở đâu vậy ad",
    "tra cứu mã PA-7K3Q-9X2M",
    "/report_violation",
    "Quán karaoke vẫn mở cửa, tụ tập đông người",
    "phường Phú Cường, Thủ Dầu Một",
    "/cancel",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def wait_ready(
    session: aiohttp.ClientSession, base: str, proc: subprocess.Popen[bytes]
) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            raise SystemExit("the server exited during start-up")
        try:
            async with session.get(f"{base}/readyz") as resp:
                if resp.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("the server did not become ready")


async def drive(
    base: str, total: int, citizens: int, concurrency: int
) -> tuple[float, list[float]]:
    latencies: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)

    async def citizen_worker(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            i = queue.get_nowait()
            sender = f"bench-{i % citizens}"
            body = {"sender": sender, "message": MESSAGES[(i // citizens) % len(MESSAGES)]}
            started = time.perf_counter()
            async with session.post(f"{base}/webhooks/rest/webhook", json=body) as resp:
                await resp.read()
                assert resp.status == 200, resp.status
            latencies.append(time.perf_counter() - started)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(citizen_worker(session) for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return elapsed, latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--citizens", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "HOTLINE_STORE": f"sqlite:///{tmp}/bench.db",
            "HOTLINE_PORT": str(port),
        }
        proc = subprocess.Popen(  # noqa: ASYNC220 - started once, before any timing
            [sys.executable, "-m", "hotline.cli", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            async with aiohttp.ClientSession() as session:
                await wait_ready(session, base, proc)
            await drive(base, 200, 20, 4)  # warm-up
            elapsed, lat = await drive(base, args.messages, args.citizens, args.concurrency)
            print(f"REST channel, SQLite + local NLU, {args.concurrency} concurrent clients")
            print(f"  messages:        {len(lat)} in {elapsed:.2f} s")
            print(f"  throughput:      {len(lat) / elapsed:.0f} messages/s")
            print(
                f"  latency ms:      p50 {pct(lat, 0.5):.1f}  p90 {pct(lat, 0.9):.1f}"
                f"  p99 {pct(lat, 0.99):.1f}  mean {statistics.fmean(lat) * 1000:.1f}"
            )
            print(f"  server RSS:      {rss_mib(proc.pid):.0f} MiB")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(main())

"""Messages per second through the REST channel on embedded defaults (SQLite, local NLU).

Starts `hotline serve` in its own process on a free loopback port with a fresh SQLite file,
then sends a fixed number of messages from many simulated citizens and prints throughput,
latency percentiles and the server's memory. Run: `.venv/bin/python benchmarks/rest_throughput.py`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time

import aiohttp
from serving import serving

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

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "HOTLINE_STORE": f"sqlite:///{tmp}/bench.db"}
        with serving(env) as server:  # started once, before any timing
            await drive(server.url, 200, 20, 4)  # warm-up
            elapsed, lat = await drive(server.url, args.messages, args.citizens, args.concurrency)
            print(f"REST channel, SQLite + local NLU, {args.concurrency} concurrent clients")
            print(f"  messages:        {len(lat)} in {elapsed:.2f} s")
            print(f"  throughput:      {len(lat) / elapsed:.0f} messages/s")
            print(
                f"  latency ms:      p50 {pct(lat, 0.5):.1f}  p90 {pct(lat, 0.9):.1f}"
                f"  p99 {pct(lat, 0.99):.1f}  mean {statistics.fmean(lat) * 1000:.1f}"
            )
            print(f"  server RSS:      {server.memory()['VmRSS']:.0f} MiB")


if __name__ == "__main__":
    asyncio.run(main())

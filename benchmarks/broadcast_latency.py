"""Conversation latency while a notice goes to 10,000 subscribers (not a test: prints figures).

The real app (create_app: SQLite in a temp dir, local NLU) with the Telegram channel on a fake
Telegram API on loopback. Subscribers are written straight into the store: most follow on the
mobile app (REST channel: the notice waits in the outbox for their next fetch), `--telegram` of
them on Telegram (sent by the courier within Telegram's limit of 30 messages a second). Citizens
keep asking questions meanwhile, on the REST channel (answer in the HTTP response) and on
Telegram (answer through the same courier as the notices); we time each answer, before and
during the broadcast.
Run: `.venv/bin/python benchmarks/broadcast_latency.py [--subscribers 10000] [--telegram 600]`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import aiohttp
from aiohttp.test_utils import TestServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hotline.bot.broadcasts import Target
from hotline.bot.messages import ConversationKey
from hotline.bot.subscriptions import Area
from hotline.config import Settings
from hotline.web.app import create_app
from hotline.web.keys import BROADCASTS, HOTLINE
from tests.support import fake_telegram

QUESTIONS = ("F1 phải cách ly bao nhiêu ngày?", "tiêm mũi 3 ở đâu", "xin chào")
TELEGRAM_CITIZENS = 900_000  # chat ids of the citizens who talk during the run
_ids = itertools.count(1)


def figures(name: str, seconds: list[float]) -> str:
    if not seconds:
        return f"{name:<34} no answers"
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (
        f"{name:<34} n={len(ms):<5} median {statistics.median(ms):7.1f} ms"
        f"   p95 {p95:7.1f} ms   max {ms[-1]:7.1f} ms"
    )


async def rest_citizen(
    http: aiohttp.ClientSession, url: str, n: int, stop: asyncio.Event
) -> list[float]:
    took = []
    while not stop.is_set():
        body = {"sender": f"talk-{n}", "message": QUESTIONS[len(took) % 3]}
        body["metadata"] = {"message_id": f"talk-{n}-{next(_ids)}"}
        start = time.monotonic()
        async with http.post(f"{url}/webhooks/rest/webhook", json=body) as resp:
            await resp.read()
        took.append(time.monotonic() - start)
        await asyncio.sleep(0.2)
    return took


async def telegram_citizen(
    http: aiohttp.ClientSession,
    url: str,
    fake: fake_telegram.FakeTelegram,
    n: int,
    stop: asyncio.Event,
) -> list[float]:
    took, chat = [], TELEGRAM_CITIZENS + n
    headers = {"X-Telegram-Bot-Api-Secret-Token": fake_telegram.SECRET}
    while not stop.is_set():
        before = len(fake.sent_to(chat))
        update = fake_telegram.message_update(chat, text=QUESTIONS[len(took) % 3])
        start = time.monotonic()
        async with http.post(f"{url}/webhooks/telegram", json=update, headers=headers) as resp:
            await resp.read()
        await fake.wait_sent(chat, before + 1, within=120)
        took.append(time.monotonic() - start)
        await asyncio.sleep(0.5)
    return took


async def talk(
    url: str, fake: fake_telegram.FakeTelegram, seconds: float | None, until: asyncio.Event | None
) -> tuple[list[float], list[float]]:
    stop = until or asyncio.Event()
    async with aiohttp.ClientSession() as http:
        rest = [asyncio.create_task(rest_citizen(http, url, n, stop)) for n in range(4)]
        tele = [asyncio.create_task(telegram_citizen(http, url, fake, n, stop)) for n in range(2)]
        if seconds is not None:
            await asyncio.sleep(seconds)
            stop.set()
        rest_took = [t for r in await asyncio.gather(*rest) for t in r]
        tele_took = [t for r in await asyncio.gather(*tele) for t in r]
    return rest_took, tele_took


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--telegram", type=int, default=600, help="of them on Telegram")
    parser.add_argument("--baseline", type=float, default=10.0, help="seconds before")
    args = parser.parse_args()
    fake = fake_telegram.FakeTelegram()
    fake_server = TestServer(fake.app(), host="127.0.0.1", port=0)
    await fake_server.start_server()
    fake.base_url = str(fake_server.make_url("")).rstrip("/")
    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(
            Settings(store=f"sqlite:///{tmp}/hotline.db", media_dir=f"{tmp}/media"),
            telegram_token=fake_telegram.TOKEN,
            telegram_secret=fake_telegram.SECRET,
            telegram_api_url=fake.base_url,
        )
        app = create_app(settings)
        server = TestServer(app, host="127.0.0.1", port=0)
        await server.start_server()
        url = str(server.make_url("")).rstrip("/")
        try:
            storage = app[HOTLINE].storage
            book = await storage.subscriptions()
            start = time.monotonic()
            for n in range(args.subscribers):
                channel = "telegram" if n < args.telegram else "rest"
                sender = str(800_000 + n) if channel == "telegram" else f"app-{n}"
                await book.follow(ConversationKey(channel, sender), Area())
            print(f"{args.subscribers} subscribers written in {time.monotonic() - start:.1f} s")

            print(f"baseline: {args.baseline:.0f} s of conversations, no broadcast")
            rest_before, tele_before = await talk(url, fake, args.baseline, None)

            broadcasts = app[BROADCASTS]
            done = asyncio.Event()
            notice = await broadcasts.publish("Thông báo thử: lịch tiêm mũi 3.", "bench", Target())
            began = time.monotonic()

            async def watch() -> tuple[float, float]:
                queued_at = 0.0
                while True:
                    found = await broadcasts.board.get(notice.id)
                    if found is not None and found.finished and not queued_at:
                        queued_at = time.monotonic() - began
                    notices = sum(1 for m in fake.sent if m.get("text", "").startswith("📢"))
                    if queued_at and notices >= args.telegram:
                        done.set()
                        return queued_at, time.monotonic() - began
                    await asyncio.sleep(0.1)

            watcher = asyncio.create_task(watch())
            rest_during, tele_during = await talk(url, fake, None, done)
            queued, delivered = await watcher
            report = await broadcasts.report(notice)
        finally:
            await server.close()
            await fake_server.close()
    print(f"broadcast to {args.subscribers} ({args.telegram} on Telegram):")
    print(f"  every notice in the outbox after {queued:.1f} s;")
    print(f"  Telegram's {args.telegram} sent after {delivered:.1f} s")
    print(
        f"  report: sent {report['sent']}, waiting for the app {report['waiting']},"
        f" failed {report['failed']}, skipped {report['skipped']}"
    )
    print(figures("REST answer, before", rest_before))
    print(figures("REST answer, during broadcast", rest_during))
    print(figures("Telegram answer, before", tele_before))
    print(figures("Telegram answer, during broadcast", tele_during))


if __name__ == "__main__":
    asyncio.run(main())

"""Webhook-to-send throughput and latency per messaging platform, on embedded defaults.

For each platform in PLATFORMS: the real app (create_app: SQLite in a temp dir, local NLU) and the
platform's fake API (tests/support) on loopback ports; N citizens each send one question through
the platform's signed webhook, and we time (a) the webhook's answer and (b) the moment the fake
platform receives the reply. The courier's rate limits apply as in production (Telegram: 30
messages a second overall), so delivery throughput shows the limit, not the machine.
Run: `.venv/bin/python benchmarks/channels_throughput.py [--messages 300] [--concurrency 16]`.

To add a platform, append a `Bench` to PLATFORMS: how to build its fake, point the settings at
it, and shape one citizen's webhook request.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hotline.config import Settings
from hotline.web.app import create_app
from tests.support import fake_messenger, fake_telegram, fake_viber, fake_zalo

QUESTION = "F1 phải cách ly bao nhiêu ngày?"

# One citizen's webhook request: (path, raw body, headers).
Request = tuple[str, bytes, dict[str, str]]


@dataclass(frozen=True)
class Bench:
    name: str
    fake: Callable[[], Any]  # has .app(), .first_sent {chat: monotonic time}, .base_url
    configure: Callable[[Settings, str], Settings]  # point settings at the fake's base URL
    request: Callable[[int], Request]  # citizen i's question
    chat: Callable[[int], str]  # the chat id the fake records citizen i's reply under


def _telegram_request(i: int) -> Request:
    body = json.dumps(fake_telegram.message_update(700_000 + i, text=QUESTION)).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Telegram-Bot-Api-Secret-Token": fake_telegram.SECRET,
    }
    return "/webhooks/telegram", body, headers


def _viber_request(i: int) -> Request:
    callback = fake_viber.message_event(f"bench-{i}=", {"type": "text", "text": QUESTION})
    body = json.dumps(callback).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Viber-Content-Signature": fake_viber.sign(body),
    }
    return "/webhooks/viber", body, headers


def _zalo_request(i: int) -> Request:
    body, headers = fake_zalo.signed(fake_zalo.text_event(f"90{i:010d}", QUESTION))
    return "/webhooks/zalo", body, headers


def _messenger_request(i: int) -> Request:
    item = fake_messenger.text_item(f"80{i:010d}", QUESTION)
    body, headers = fake_messenger.signed(fake_messenger.batch([item]))
    return "/webhooks/messenger", body, headers


PLATFORMS: tuple[Bench, ...] = (
    Bench(
        "telegram",
        fake_telegram.FakeTelegram,
        lambda s, url: replace(
            s,
            telegram_token=fake_telegram.TOKEN,
            telegram_secret=fake_telegram.SECRET,
            telegram_api_url=url,
        ),
        _telegram_request,
        lambda i: str(700_000 + i),
    ),
    Bench(
        "viber",
        fake_viber.FakeViber,
        lambda s, url: replace(s, viber_token=fake_viber.TOKEN, viber_api_url=url),
        _viber_request,
        lambda i: f"bench-{i}=",
    ),
    Bench(
        "zalo",
        fake_zalo.FakeZalo,
        lambda s, url: replace(
            s,
            zalo_app_id=fake_zalo.APP_ID,
            zalo_secret_key=fake_zalo.SECRET_KEY,
            zalo_access_token=fake_zalo.ACCESS_TOKEN,
            zalo_refresh_token=fake_zalo.REFRESH_TOKEN,
            zalo_app_secret=fake_zalo.APP_SECRET,
            zalo_api_url=url,
            zalo_oauth_url=url,
        ),
        _zalo_request,
        lambda i: f"90{i:010d}",
    ),
    Bench(
        "messenger",
        fake_messenger.FakeMessenger,
        lambda s, url: replace(
            s,
            messenger_page_token=fake_messenger.PAGE_TOKEN,
            messenger_app_secret=fake_messenger.APP_SECRET,
            messenger_verify_token=fake_messenger.VERIFY_TOKEN,
            messenger_api_url=url,
            messenger_api_version=fake_messenger.VERSION,
        ),
        _messenger_request,
        lambda i: f"80{i:010d}",
    ),
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def run(bench: Bench, base: Settings, messages: int, concurrency: int) -> None:
    fake = bench.fake()
    fake_server = TestServer(fake.app(), host="127.0.0.1", port=0)
    await fake_server.start_server()
    fake.base_url = str(fake_server.make_url("")).rstrip("/")
    app_server = TestServer(create_app(bench.configure(base, fake.base_url)), port=0)
    await app_server.start_server()
    started_at: dict[str, float] = {}
    answered: list[float] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(messages):
        queue.put_nowait(i)

    async def citizen(session: aiohttp.ClientSession) -> None:
        while not queue.empty():
            i = queue.get_nowait()
            path, body, headers = bench.request(i)
            started = time.monotonic()
            started_at[bench.chat(i)] = started
            async with session.post(app_server.make_url(path), data=body, headers=headers) as r:
                assert r.status == 200, (r.status, await r.text())
            answered.append(time.monotonic() - started)

    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            began = time.monotonic()
            await asyncio.gather(*(citizen(session) for _ in range(concurrency)))
            accepted = time.monotonic() - began
            while len(fake.first_sent) < messages and time.monotonic() - began < 120:  # noqa: ASYNC110 - polls the fake, which has no event
                await asyncio.sleep(0.01)
            delivered = max(fake.first_sent.values()) - began
        to_send = [fake.first_sent[c] - t for c, t in started_at.items() if c in fake.first_sent]
        print(f"{bench.name}: {messages} questions, {concurrency} concurrent webhooks")
        print(
            f"  webhooks answered: {messages / accepted:.0f}/s, ms p50 {pct(answered, 0.5):.1f}"
            f" p90 {pct(answered, 0.9):.1f} p99 {pct(answered, 0.99):.1f}"
        )
        print(f"  replies delivered: {len(to_send)}/{messages}, {len(to_send) / delivered:.0f}/s")
        print(
            f"  webhook-to-send ms: p50 {pct(to_send, 0.5):.0f} p90 {pct(to_send, 0.9):.0f}"
            f" p99 {pct(to_send, 0.99):.0f} mean {statistics.fmean(to_send) * 1000:.0f}"
        )
    finally:
        await app_server.close()
        await fake_server.close()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--only", help="one platform by name")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for bench in PLATFORMS:
            if args.only and bench.name != args.only:
                continue
            base = Settings(
                store=f"sqlite:///{tmp}/{bench.name}.db",
                media_dir=f"{tmp}/media",
                courier_poll_seconds=1.0,
            )
            await run(bench, base, args.messages, args.concurrency)


if __name__ == "__main__":
    asyncio.run(main())

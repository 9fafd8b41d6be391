"""A degraded start: with the Telegram API unreachable the hotline starts and serves the other
channels; Telegram's webhook answers 503 (Telegram delivers again later) until its set-up,
retried in the background, succeeds; then Telegram works as usual."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.chat import RestChat
from tests.support.fake_telegram import SECRET, FakeTelegram, message_update, settings_for
from tests.support.mongo_server import free_port

CHAT = 5590001
HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


async def test_the_hotline_starts_without_telegram_and_opens_it_when_it_is_back(
    aiohttp_client: Callable, settings: Settings, tmp_path: Path
) -> None:
    port = free_port()  # nothing listens there yet: connections are refused
    unreachable = replace(
        settings_for(settings, f"http://127.0.0.1:{port}", tmp_path), channel_retry_seconds=0.2
    )
    client: TestClient = await aiohttp_client(create_app(unreachable))

    chat = RestChat(client, sender="app-user")
    await chat.say("cách ly bao nhiêu ngày")
    assert "ngày" in chat.text, "the other channels serve"
    update = message_update(CHAT, text="cách ly bao nhiêu ngày")
    resp = await client.post("/webhooks/telegram", json=update, headers=HEADERS)
    assert resp.status == 503 and resp.headers["Retry-After"] == "30"

    fake = FakeTelegram()
    server = TestServer(fake.app(), host="127.0.0.1", port=port)
    await server.start_server()  # Telegram is reachable again
    try:
        deadline = time.monotonic() + 15
        while (await client.post("/webhooks/telegram", json=update, headers=HEADERS)).status != 200:
            assert time.monotonic() < deadline, "the Telegram channel never opened"
            await asyncio.sleep(0.1)
        texts = await fake.wait_sent(CHAT, 1)
        assert "ngày" in texts[0]
    finally:
        await client.close()  # the channel's clients close before the fake goes
        await server.close()

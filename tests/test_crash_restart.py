"""A `hotline serve` killed with SIGKILL under load and started again on the same address: it
listens within 2 s (its sockets before the app is imported; the last run's messages are finished
in the background, its leases taken back at once), a message sent as it listens is taken, and
every message the first run acknowledged gets its reply.

The platform is the fake Telegram; some updates carry photos whose download never ends, so the
kill always finds messages accepted (200) but not processed.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.messages import ConversationKey
from hotline.config import Settings
from hotline.handoff.crypto import Cipher
from hotline.storage.open import open_storage
from hotline.web.app import create_app
from tests.support.fake_platform import served
from tests.support.fake_server import wait_for_count
from tests.support.fake_telegram import (
    SECRET,
    TOKEN,
    FakeTelegram,
    message_update,
    photo_update,
    settings_for,
)
from tests.support.hotline import hotline_of
from tests.support.mongo_server import free_port
from tests.support.serving import accepting, command_start, listening, serve, stop

CHATS = 40  # citizens writing at once
PHOTOS = 4  # of them with a photo whose download hangs until the test ends
KEY = Cipher.new_key()
RESTART_LISTENS_WITHIN = 2.0  # seconds, issue 15 (0.1-0.3 s quiet; the app's imports take 1-2 s)
# On a machine loaded by others, Python itself starts several times slower: the bound is then
# this many times what a bare start of the `hotline` command takes at that moment, which still
# fails a start that imports the app before it listens (that takes 6-10 times as long).
YARDSTICKS = 3
HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET}


class StuckDownloads(FakeTelegram):
    """Photo downloads wait until the test lets them go."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def photo(self, request: web.Request) -> web.Response:
        await self.release.wait()
        return await super().photo(request)


@pytest.fixture
async def telegram() -> AsyncIterator[StuckDownloads]:
    async with served(StuckDownloads()) as fake:
        try:
            yield fake
        finally:
            fake.release.set()


def serve_env(
    store: str, port: int, telegram: FakeTelegram, model_dir: Path, tmp_path: Path
) -> dict[str, str]:
    return {
        **os.environ,
        "HOTLINE_STORE": store,
        "HOTLINE_PORT": str(port),
        "HOTLINE_NLU": "local",
        "HOTLINE_NLU_MODEL_DIR": str(model_dir),
        "HOTLINE_SECRET_KEY": KEY,
        "HOTLINE_TELEGRAM_TOKEN": TOKEN,
        "HOTLINE_TELEGRAM_SECRET": SECRET,
        "HOTLINE_TELEGRAM_API_URL": telegram.base_url,
        "HOTLINE_MEDIA_DIR": str(tmp_path / "media"),
        "HOTLINE_COURIER_POLL_SECONDS": "0.1",
    }


async def test_a_restart_after_sigkill_listens_at_once_and_loses_nothing(
    telegram: StuckDownloads, nlu_model_dir: Path, tmp_path: Path
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    store = f"sqlite:///{tmp_path}/hotline.db"
    env = serve_env(store, port, telegram, nlu_model_dir, tmp_path)
    first = serve(env, tmp_path, "first.log")
    second: subprocess.Popen[bytes] | None = None
    try:
        clean_start = await listening(url, first)
        chats = [7770000 + n for n in range(CHATS)]
        updates = [
            photo_update(chat, "quán karaoke mở cửa")
            if n < PHOTOS
            else message_update(chat, text="cách ly bao nhiêu ngày")
            for n, chat in enumerate(chats)
        ]
        async with aiohttp.ClientSession() as session:

            async def post(update: dict[str, object]) -> int:
                async with session.post(
                    f"{url}/webhooks/telegram", json=update, headers=HEADERS
                ) as resp:
                    return resp.status

            statuses = await asyncio.gather(*(post(u) for u in updates))
        assert statuses == [200] * CHATS, "every update acknowledged before the kill"
        first.send_signal(signal.SIGKILL)
        first.wait()
        # Killed mid-turn, the first run held leases under its worker id (host:port) on the
        # stuck conversations; a foreign holder's would keep everyone out for two minutes.
        async with await open_storage(store) as storage:
            leases = await storage.leases()
            worker = f"{socket.gethostname()}:{port}"
            for chat in chats[:PHOTOS]:
                key = ConversationKey("telegram", str(chat))
                assert await leases.take(key, worker, datetime.now(UTC) + timedelta(minutes=2))

        yardstick = await command_start()
        restarted = time.monotonic()
        second = serve(env, tmp_path, "second.log")
        restart = await accepting(port, second)
        # The port listens before the app is imported: a message sent now waits in the
        # backlog and is acknowledged once the app runs.
        late_chat = 7770000 + CHATS
        chats.append(late_chat)
        async with aiohttp.ClientSession() as session:
            late = message_update(late_chat, text="cách ly bao nhiêu ngày")
            async with session.post(f"{url}/webhooks/telegram", json=late, headers=HEADERS) as resp:
                assert resp.status == 200, "a message sent as the restart listens is taken"
        listened = time.monotonic()
        # A second sample, after the restart listened (the message above went first, so it was
        # sent as the port listened): one sample alone may miss a load that came meanwhile.
        yardstick_after = await command_start()
        print(
            f"clean start answered in {clean_start:.2f} s; the restart after SIGKILL listened"
            f" in {restart:.2f} s and took the message sent then {listened - restarted:.2f} s"
            f" after its start (python importing the command: {yardstick:.2f} s before,"
            f" {yardstick_after:.2f} s after)"
        )
        # Recovery runs in the background and waits for no lease of the dead run (it waited
        # 60 s before), and the sockets listen before the heavy imports: issue 15's bound.
        assert restart < max(RESTART_LISTENS_WITHIN, YARDSTICKS * max(yardstick, yardstick_after))

        for chat in chats:  # every acknowledged message answered, the stuck ones included
            await wait_for_count(lambda chat=chat: telegram.sent_to(chat), 1, within=60)
        print(f"every acknowledged message answered {time.monotonic() - listened:.1f} s later")
        async with await open_storage(store) as storage:  # and every reply sent
            conversations = await storage.conversations(Cipher(KEY))  # a pending one is read
            deadline = time.monotonic() + 30
            while await conversations.unprocessed() or await unsent(conversations, chats):
                assert time.monotonic() < deadline, await unsent(conversations, chats)
                await asyncio.sleep(0.2)
    finally:
        stop(first)
        if second is not None:
            stop(second)


async def unsent(conversations: ConversationStore, chats: list[int]) -> list[OutboxItem]:
    keys = [ConversationKey("telegram", str(chat)) for chat in chats]
    return [item for key in keys for item in await conversations.pending(key)]


async def test_a_dead_workers_messages_are_finished_by_another_within_30_s(
    telegram: StuckDownloads,
    nlu_model_dir: Path,
    tmp_path: Path,
    settings: Settings,
    aiohttp_client: Callable,
) -> None:
    store = f"sqlite:///{tmp_path}/shared.db"
    live = replace(
        settings_for(settings, telegram.base_url, tmp_path),
        store=store,
        secret_key=KEY,
        share_events="on",
    )
    other: TestClient = await aiohttp_client(create_app(live))  # the worker that survives
    port = free_port()
    dead = serve(serve_env(store, port, telegram, nlu_model_dir, tmp_path), tmp_path, "dead.log")
    try:
        await listening(f"http://127.0.0.1:{port}", dead)
        chats = [7780000 + n for n in range(PHOTOS)]
        async with aiohttp.ClientSession() as session:
            for chat in chats:  # accepted, then stuck downloading the photo
                update = photo_update(chat, "quán karaoke mở cửa")
                async with session.post(
                    f"http://127.0.0.1:{port}/webhooks/telegram", json=update, headers=HEADERS
                ) as resp:
                    assert resp.status == 200
        dead.send_signal(signal.SIGKILL)
        dead.wait()
        killed = time.monotonic()
        for chat in chats:
            await wait_for_count(lambda chat=chat: telegram.sent_to(chat), 1, within=30)
        print(
            f"a dead worker's messages finished by another after {time.monotonic() - killed:.1f} s"
        )
        assert time.monotonic() - killed < 30
    finally:
        stop(dead)
    assert await hotline_of(other).conversations.unprocessed() == []

"""Store trouble made visible: a full or locked store answers 503 JSON with Retry-After, and
/readyz fails fast from its cached write probe; a start on a broken store says in one line which
store and what to do."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
from pathlib import Path

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.config import Settings
from hotline.storage.sqlite.backend import SqliteStorage
from hotline.storage.sqlite.database import sqlite_path
from tests.support.hotline import hotline_of
from tests.support.mongo_server import free_port
from tests.support.serving import run_hotline


def database(client: TestClient) -> SqliteStorage:
    storage = hotline_of(client).storage
    assert isinstance(storage, SqliteStorage)
    return storage


async def readiness(client: TestClient) -> tuple[int, dict[str, object], float]:
    started = time.monotonic()
    resp = await client.get("/readyz")
    return resp.status, await resp.json(), time.monotonic() - started


async def wait_readiness(client: TestClient, status: int, within: float = 20.0) -> dict:
    deadline = time.monotonic() + within
    while True:
        got, body, took = await readiness(client)
        # A wait on the lock would take the store's busy timeout (10 s); a loaded machine, or
        # the first FAQ index being built in a thread meanwhile, can slow any answer a little.
        assert took < 2.0, "/readyz answers from its cache, it never waits on the store"
        if got == status:
            return body
        assert time.monotonic() < deadline, body
        await asyncio.sleep(0.1)


async def test_a_full_store_answers_503_with_retry_after_and_readyz_fails(
    client: TestClient,
) -> None:
    await wait_readiness(client, 200)
    db = database(client).db
    # A full disk, simulated: the database may not grow by a page more.
    await db.query(lambda c: c.execute("PRAGMA max_page_count = 1").fetchone())
    long_text = "Quán karaoke trên đường Yersin mở cửa quá giờ, tụ tập đông người. " * 55
    for n in range(5):
        resp = await client.post(
            "/webhooks/rest/webhook", json={"sender": f"full-{n}", "message": long_text}
        )
        if resp.status != 200:
            break
    assert resp.status == 503
    assert resp.headers["Retry-After"] == "60"
    body = await resp.json()
    assert body["trouble"] == "full" and body["message"] == texts.STORE_TROUBLE
    ready = await wait_readiness(client, 503)
    assert ready["store"] is False and ready["store_trouble"] == "full"
    await asyncio.sleep(2.5)  # the next probe finds the store full too
    assert (await readiness(client))[0] == 503

    await db.query(lambda c: c.execute("PRAGMA max_page_count = 1073741823").fetchone())
    await wait_readiness(client, 200)  # space again: ready at the next probe
    resp = await client.post("/webhooks/rest/webhook", json={"sender": "full-9", "message": "hi"})
    assert resp.status == 200


async def test_a_locked_store_answers_503_and_readyz_fails_without_waiting(
    client: TestClient, settings: Settings
) -> None:
    await wait_readiness(client, 200)
    other = sqlite3.connect(sqlite_path(settings.store), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        ready = await wait_readiness(client, 503)
        assert ready["store_trouble"] == "locked"
        resp = await client.post(
            "/webhooks/rest/webhook", json={"sender": "locked-1", "message": "xin chào"}
        )
        assert resp.status == 503
        assert resp.headers["Retry-After"] == "5"
        assert (await resp.json())["trouble"] == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    await wait_readiness(client, 200, within=20)  # the probe waited out its queue


async def test_a_locked_store_is_said_on_the_web_chat_socket_which_stays_open(
    client: TestClient, settings: Settings
) -> None:
    await wait_readiness(client, 200)  # the FAQ index is built after the server listens
    async with client.ws_connect("/webchat/ws?sender=locked-web") as ws:
        other = sqlite3.connect(sqlite_path(settings.store), isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            await ws.send_json({"message": "xin chào"})
            # The first write to meet the lock (the probe's, the sweep's or the turn's) waits
            # for it 3 s; the writes queued behind it fail at once. Measured: 3.1 s at a load
            # average of 3.5 on 2 cores; the bound leaves room for a loaded one.
            answer = await ws.receive_json(timeout=15)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert answer == {"text": texts.STORE_TROUBLE, "trouble": "locked", "retry_after": 5}
        await ws.send_json({"message": "xin chào"})  # the lock is gone: the same socket works
        greeting = await ws.receive(timeout=10)
        assert greeting.type == WSMsgType.TEXT and "1022" in greeting.data


def test_a_start_on_a_corrupt_store_says_so_in_one_line(
    tmp_path: Path, nlu_model_dir: Path
) -> None:
    store = tmp_path / "hotline.db"
    store.write_bytes(os.urandom(8192))
    env = {
        **os.environ,
        "HOTLINE_STORE": f"sqlite:///{store}",
        "HOTLINE_NLU_MODEL_DIR": str(nlu_model_dir),
        # The port listens before the store is opened: a free one, so that the store is what fails.
        "HOTLINE_PORT": str(free_port()),
    }
    done = run_hotline(env, tmp_path, "serve")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(store) in lines[0] and "restore it from a backup" in lines[0]

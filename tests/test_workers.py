"""Several workers on one store: two `hotline serve` processes, each inbound message answered
once and each report filed once, even when a platform redelivers a message to both at once;
each worker continues the dialogs the other started. Run on one SQLite file and on MongoDB.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from hotline.handoff.crypto import Cipher
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import open_storage
from tests.support.chat import CODE
from tests.support.mongo_server import free_port, scratch_url
from tests.support.serving import listening, serve, stop

START_SECONDS = 90


class Worker:
    def __init__(self, url: str, proc: subprocess.Popen[bytes]) -> None:
        self.url = url
        self.proc = proc


def start_worker(store: str, model_dir: Path, key: str, cwd: Path, name: str) -> Worker:
    port = free_port()
    env = {
        **os.environ,
        "HOTLINE_STORE": store,
        "HOTLINE_HOST": "127.0.0.1",
        "HOTLINE_PORT": str(port),
        "HOTLINE_NLU_MODEL_DIR": str(model_dir),
        "HOTLINE_NLU": "local",
        "HOTLINE_SECRET_KEY": key,
        "HOTLINE_SHARE_EVENTS": "on",  # several processes on one store: leases and shared news
    }
    return Worker(f"http://127.0.0.1:{port}", serve(env, cwd, f"{name}.log"))  # no .env in cwd


@pytest.fixture(params=["sqlite", "mongodb"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/shared.db"
    else:
        yield scratch_url(request.getfixturevalue("mongo_url"))


@pytest.fixture
async def workers(
    store_url: str, nlu_model_dir: Path, tmp_path: Path
) -> AsyncIterator[list[Worker]]:
    key = Cipher.new_key()
    started = [start_worker(store_url, nlu_model_dir, key, tmp_path, f"w{i}") for i in (1, 2)]
    try:
        await asyncio.gather(*(listening(w.url, w.proc, START_SECONDS) for w in started))
        yield started
    finally:
        for worker in started:
            stop(worker.proc)
        async with await open_storage(store_url) as storage:
            if isinstance(storage, MongoStorage):
                await storage.db.drop()


async def say(
    session: aiohttp.ClientSession, worker: Worker, sender: str, text: str, message_id: str
) -> list[dict[str, Any]]:
    body = {"sender": sender, "message": text, "metadata": {"message_id": message_id}}
    async with session.post(f"{worker.url}/webhooks/rest/webhook", json=body) as resp:
        assert resp.status == 200, await resp.text()
        replies: list[dict[str, Any]] = await resp.json()
        return replies


async def to_both(
    session: aiohttp.ClientSession, workers: list[Worker], sender: str, text: str, mid: str
) -> list[dict[str, Any]]:
    """Deliver one message to both workers at the same moment; both must answer alike."""
    first, second = await asyncio.gather(*(say(session, w, sender, text, mid) for w in workers))
    assert first == second
    assert first, "a message got no reply"
    return first


def button(replies: list[dict[str, Any]], title: str) -> str:
    payloads = [b["payload"] for r in replies for b in r.get("buttons", []) if b["title"] == title]
    assert payloads, f"no button {title!r} in {replies}"
    return payloads[0]


async def test_a_redelivery_to_both_workers_is_answered_once(
    workers: list[Worker], store_url: str
) -> None:
    async with aiohttp.ClientSession() as session:
        for i in range(3):
            replies = await to_both(session, workers, f"c{i}", "cách ly bao nhiêu ngày", f"m{i}")
            assert "ngày" in replies[0]["text"]
    async with await open_storage(store_url) as storage:
        conversations = await storage.conversations()
        # Read as stored (the messages are sealed with the workers' key): who and which way.
        stored = [r async for r in conversations.export("messages")]
        for i in range(3):
            directions = [r["direction"] for r in stored if r["sender"] == f"c{i}"]
            assert directions.count("in") == 1
            assert directions.count("out") == len(replies)


async def test_a_report_moves_between_workers_and_files_one_ticket(
    workers: list[Worker], store_url: str
) -> None:
    first, second = workers
    sender = "citizen-9"
    steps = [
        "/report_contact",
        "Nhà hàng xóm có người từ TP.HCM về, đang sốt ho mà không khai báo y tế",
        "xã An Tây, Bến Cát",
        "hôm qua",
    ]
    async with aiohttp.ClientSession() as session:
        replies: list[dict[str, Any]] = []
        for n, text in enumerate(steps):  # each step on the other worker than the last
            replies = await say(session, workers[n % 2], sender, text, f"r{n}")
            assert replies
        replies = await say(session, second, sender, button(replies, "Gửi ẩn danh"), "r-anon")
        # The last step reaches both workers at once, as a platform's redelivery would.
        done = await to_both(session, [first, second], sender, button(replies, "Gửi"), "r-send")
    code = CODE.search(" ".join(r["text"] for r in done))
    assert code, done

    async with await open_storage(store_url) as storage:
        tickets = await storage.tickets()
        filed = await tickets.for_conversation("rest", sender)
        assert [t.code for t in filed] == [code.group(0)]
        assert (filed[0].category, filed[0].ward) == ("contact_tip", "An Tây")

"""The server listens before the FAQ index is built (issue 15): /healthz answers, /readyz says the
FAQ is still loading, and a question asked meanwhile waits for the index and gets the right answer,
never "no answer" for want of it. Earlier still, `hotline serve` listens before the app is even
imported: a connection made then waits in the backlog and is answered once the app runs."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from hotline.config import Settings
from hotline.faq.index import FaqIndex
from hotline.web.app import create_app
from tests.support.hotline import hotline_of
from tests.support.mongo_server import free_port
from tests.support.office import login, person
from tests.support.serving import accepting, serve, stop

QUESTION = "F1 phải cách ly bao nhiêu ngày vậy?"
HELD_SECONDS = 3.0
# `hotline serve` held for HELD_SECONDS once its sockets listen, before it imports the app.
HELD_SERVE = f"""
import importlib
import time
cli = importlib.import_module("hotline.cli.main")  # the package's `main` is the function
made = cli.listening_sockets
cli.listening_sockets = lambda *args: (lambda sockets: time.sleep({HELD_SECONDS}) or sockets)(
    made(*args)
)
raise SystemExit(cli.main())
"""


async def test_a_connection_made_before_the_app_is_imported_is_answered(
    nlu_model_dir: Path, tmp_path: Path
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "HOTLINE_STORE": f"sqlite:///{tmp_path}/hotline.db",
        "HOTLINE_PORT": str(port),
        "HOTLINE_NLU": "local",
        "HOTLINE_NLU_MODEL_DIR": str(nlu_model_dir),
    }
    proc = serve(env, tmp_path, "serve.log", command=HELD_SERVE)
    try:
        await accepting(port, proc)
        sent = time.monotonic()
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as session:

            async def say(n: int) -> tuple[int, list[dict[str, str]]]:
                body = {"sender": f"early-{n}", "message": QUESTION}
                async with session.post("/webhooks/rest/webhook", json=body) as resp:
                    return resp.status, list(await resp.json())

            async def health() -> int:
                async with session.get("/healthz") as resp:
                    return resp.status

            alive, *answers = await asyncio.gather(health(), *(say(n) for n in range(5)))
        waited = time.monotonic() - sent
    finally:
        stop(proc)
    assert waited > HELD_SECONDS / 2, "sent while the app was not yet imported"
    assert alive == 200
    for status, replies in answers:  # each taken from the backlog and answered in full
        assert status == 200 and replies and "ngày" in replies[0]["text"]


@pytest.fixture
def held_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every index build (in its thread) waits until the returned event is set: a FAQ that
    takes as long to index as the test wants."""
    gate = threading.Event()
    rebuild = FaqIndex.rebuild

    def held(index: FaqIndex, entries: object) -> None:
        gate.wait(timeout=30)
        rebuild(index, entries)  # type: ignore[arg-type]

    monkeypatch.setattr(FaqIndex, "rebuild", held)
    try:
        yield gate
    finally:
        gate.set()  # never leave a build thread waiting


async def test_listens_and_accepts_a_question_before_the_faq_index_is_built(
    aiohttp_client: Callable[..., Awaitable[TestClient]],
    settings: Settings,
    held_index: threading.Event,
) -> None:
    client = await aiohttp_client(create_app(settings))
    assert (await client.get("/healthz")).status == 200
    resp = await client.get("/readyz")
    body = await resp.json()
    assert resp.status == 503 and body["status"] == "unavailable"
    assert body["faq_ready"] is False and body["loading"] == ["faq"]
    assert body["store"] is True and body["nlu_ready"] is True

    message = {"sender": "early-1", "message": QUESTION, "metadata": {"message_id": "early-1"}}
    asked = asyncio.create_task(client.post("/webhooks/rest/webhook", json=message))
    await asyncio.sleep(0.3)
    assert not asked.done(), "the turn waits for the index instead of answering without it"
    assert not hotline_of(client).faq.built

    held_index.set()
    resp = await asked
    assert resp.status == 200
    replies = await resp.json()
    expected = hotline_of(client).faq.lookup(QUESTION).answer
    assert expected is not None and replies[0]["text"] == expected.answer
    ready = await client.get("/readyz")
    assert ready.status == 200
    assert (await ready.json())["loading"] == []


@pytest.fixture
async def impatient_client(
    aiohttp_client: Callable[..., Awaitable[TestClient]],
    settings: Settings,
    held_index: threading.Event,
) -> TestClient:
    """An app whose index is held, whose wait for it runs out after 0.2 s (before the index is
    built) and whose sweep runs every 0.1 s."""
    quick_sweep = replace(settings, sweep_seconds=0.1, stale_seconds=0.1)
    client = await aiohttp_client(create_app(quick_sweep))
    hotline_of(client).faq.first_index_seconds = 0.2
    return client


async def test_a_question_whose_wait_runs_out_is_kept_and_answered_once_the_index_is_built(
    impatient_client: TestClient, held_index: threading.Event
) -> None:
    client = impatient_client
    hotline = hotline_of(client)
    message = {"sender": "late-1", "message": QUESTION, "metadata": {"message_id": "late-1"}}
    resp = await client.post("/webhooks/rest/webhook", json=message)
    assert resp.status == 503  # not acknowledged: no answer made without the index
    assert resp.headers["Retry-After"] == "10"
    assert (await resp.json())["error"] == "starting"
    key = ConversationKey("rest", "late-1")
    assert [m.message_id for m in await hotline.conversations.unprocessed()] == ["late-1"]

    held_index.set()
    for _ in range(200):  # the sweep runs every 0.1 s; 20 s at most on a loaded machine
        if not await hotline.conversations.unprocessed():
            break
        await asyncio.sleep(0.1)
    expected = hotline.faq.lookup(QUESTION).answer
    transcript = await hotline.conversations.transcript(key)
    assert expected is not None
    assert [(t["direction"], t["text"]) for t in transcript] == [
        ("in", QUESTION),
        ("out", expected.answer),
    ]


async def test_the_admins_try_box_passes_the_same_gate_as_a_citizens_question(
    aiohttp_client: Callable[..., Awaitable[TestClient]],
    settings: Settings,
    held_index: threading.Event,
) -> None:
    client = await aiohttp_client(create_app(settings))
    await person(client, "an", "admin")
    await login(client, "an")
    hotline_of(client).faq.first_index_seconds = 0.2  # the bound runs out before the index
    resp = await client.get("/admin/try", params={"text": QUESTION})
    assert resp.status == 503 and resp.headers["Retry-After"] == "10"
    assert (await resp.json())["error"] == "starting"

    held_index.set()
    hotline_of(client).faq.first_index_seconds = 30
    resp = await client.get("/admin/try", params={"text": QUESTION})
    assert resp.status == 200 and "Bot trả lời bằng mục" in await resp.text()


async def test_a_web_chat_question_whose_wait_runs_out_is_told_the_hotline_is_starting(
    impatient_client: TestClient, held_index: threading.Event
) -> None:
    hotline = hotline_of(impatient_client)
    async with impatient_client.ws_connect("/webchat/ws?sender=early-web") as ws:
        await ws.send_json({"id": "early-web-1", "message": QUESTION})
        assert await ws.receive_json(timeout=10) == {"text": texts.STARTING}
        unprocessed = await hotline.conversations.unprocessed()
        assert [m.message_id for m in unprocessed] == ["early-web-1"]

        held_index.set()  # the sweep answers the kept message over the open socket
        answer = await ws.receive_json(timeout=20)
        expected = hotline.faq.lookup(QUESTION).answer
        assert expected is not None and answer["text"] == expected.answer
        assert not ws.closed

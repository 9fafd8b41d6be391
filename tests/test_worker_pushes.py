"""Two workers on one store: a reply written on one reaches the citizen connected to the other.

An agent's console talks to one worker; the citizen's web chat socket, or the mobile app's
waiting fetch, is held by another. The outbox announces what it could not hand over, the event
relay carries that through the store, and the other worker's channel hands it over. On MongoDB
the relay runs by default; on one SQLite file shared by two processes, with share_events "on".
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.config import Settings
from hotline.handoff.crypto import Cipher
from hotline.storage.mongo.backend import MongoStorage
from hotline.web.app import create_app
from hotline.web.keys import TAKEOVER
from tests.support.mongo_server import scratch_url

MakeClient = Callable[..., Awaitable[TestClient]]


@pytest.fixture(params=["mongodb", "sqlite"])
async def two_workers(
    aiohttp_client: MakeClient, settings: Settings, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[TestClient, TestClient]]:
    if request.param == "mongodb":
        store = scratch_url(request.getfixturevalue("mongo_url"))
        shared = replace(settings, store=store, secret_key=Cipher.new_key())
    else:
        shared = replace(settings, share_events="on", secret_key=Cipher.new_key())
    first = await aiohttp_client(create_app(shared))
    second = await aiohttp_client(create_app(shared))
    try:
        yield first, second
    finally:
        await first.close()
        await second.close()
        if request.param == "mongodb":
            async with await MongoStorage.from_url(shared.store) as storage:
                await storage.db.drop()


def test_a_mistyped_sharing_mode_stops_the_start(settings: Settings) -> None:
    with pytest.raises(ValueError, match="HOTLINE_SHARE_EVENTS"):
        create_app(replace(settings, share_events="yes"))


async def test_an_agent_reply_reaches_the_web_chat_socket_held_by_the_other_worker(
    two_workers: tuple[TestClient, TestClient],
) -> None:
    citizens_worker, agents_worker = two_workers
    key = ConversationKey("webchat", "web-cross-1")
    async with citizens_worker.ws_connect(f"/webchat/ws?sender={key.sender}") as ws:
        await ws.send_json({"message": "xin chào"})
        assert (await ws.receive_json(timeout=10))["text"]
        while not (await ws.receive_json(timeout=10)).get("buttons"):
            pass  # the greeting's last frame carries the menu buttons

        takeover = agents_worker.app[TAKEOVER]
        await takeover.take(key, "lan")
        await takeover.say(key, "lan", "Chào anh, tôi là Lan ở tổng đài.")
        frame = await ws.receive_json(timeout=20)
    # Labelled as from staff, without the agent's login.
    assert frame == {"text": "Chào anh, tôi là Lan ở tổng đài.", "staff": "Tổng đài viên"}


async def test_an_agent_reply_wakes_the_app_fetch_waiting_on_the_other_worker(
    two_workers: tuple[TestClient, TestClient],
) -> None:
    citizens_worker, agents_worker = two_workers
    key = ConversationKey("rest", "app-cross-1")
    first = await citizens_worker.post(
        "/webhooks/rest/webhook", json={"sender": key.sender, "message": "xin chào"}
    )
    proof = {"Authorization": f"Bearer {first.headers['X-Hotline-Sender-Token']}"}
    params = {"sender": key.sender, "wait": "25"}
    fetch = asyncio.create_task(
        citizens_worker.get("/webhooks/rest/messages", params=params, headers=proof)
    )
    await agents_worker.app[TAKEOVER].say(key, "lan", "Tổng đài viên đây ạ.")
    # Not a speed limit: a fetch nobody wakes returns only after its 25 seconds.
    done, _ = await asyncio.wait({fetch}, timeout=20)
    assert done == {fetch}
    assert [r["text"] for r in await fetch.result().json()] == ["Tổng đài viên đây ạ."]

"""Notices on Telegram, Viber, Zalo and Messenger: subscribed in chat, sent through the outbox
and the courier, within each platform's rules for messages the citizen did not just ask for."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from hotline.bot.subscriptions import Area
from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.hotline import hotline_of, settled
from tests.support.office import person
from tests.support.platforms import NAMES, Platform, platform_served

on_every_platform = pytest.mark.parametrize("platform_name", NAMES)
NOTICE = "Phường Phú Cường xét nghiệm toàn dân ngày 12/12 tại nhà văn hóa khu phố."


@pytest.fixture
async def platform(platform_name: str) -> AsyncIterator[Platform]:
    async with platform_served(platform_name) as served:
        yield served


@pytest.fixture
async def client(
    aiohttp_client: Callable, settings: Settings, platform: Platform, tmp_path: Path
) -> TestClient:
    return await aiohttp_client(create_app(platform.settings(settings, tmp_path)))


async def supervisor(client: TestClient) -> dict[str, str]:
    """The supervisor's headers, made once per app."""
    cached = getattr(client, "_supervisor", None)
    if cached is None:
        cached = await person(client, "chi-an", "supervisor")
        client._supervisor = cached  # type: ignore[attr-defined]
    return dict(cached)


async def broadcast(client: TestClient, **body: Any) -> dict[str, Any]:
    headers = await supervisor(client)
    resp = await client.post("/api/broadcasts", json=body, headers=headers)
    assert resp.status == 201, await resp.text()
    created = await resp.json()
    return dict(created)


async def report(client: TestClient, notice_id: int) -> dict[str, Any]:
    resp = await client.get(f"/api/broadcasts/{notice_id}", headers=await supervisor(client))
    assert resp.status == 200
    return dict(await resp.json())


async def finished(client: TestClient, notice_id: int, sent: int) -> dict[str, Any]:
    """The report once `sent` deliveries are done."""
    deadline = datetime.now(UTC) + timedelta(seconds=10)
    while True:
        found = await report(client, notice_id)
        if found["sent"] >= sent or datetime.now(UTC) > deadline:
            return found
        await asyncio.sleep(0.05)


@on_every_platform
async def test_a_subscriber_gets_the_notice_and_after_unsubscribing_no_more(
    platform: Platform, client: TestClient
) -> None:
    citizen = platform.citizen(client)
    [asked] = await citizen.say("đăng ký nhận thông báo")
    assert asked.startswith(texts.SUBSCRIBE_ASK_AREA.split("?")[0])
    [confirmed] = await citizen.say("phường Phú Cường")
    assert "Phú Cường" in confirmed
    created = await broadcast(client, text=NOTICE, wards=["Phú Cường"])
    texts_now = await platform.fake.wait_sent(platform.sender, 3)
    assert texts_now[-1] == texts.NOTICE.format(number=created["id"], text=NOTICE)
    done = await finished(client, created["id"], sent=1)
    assert (done["sent"], done["failed"], done["skipped"]) == (1, 0, 0)

    [stopped] = await citizen.say("hủy đăng ký")
    assert stopped == texts.UNSUBSCRIBED
    second = await broadcast(client, text="Thông báo thứ hai", districts=["Thủ Dầu Một"])
    await settled(client, platform.key)
    assert (await report(client, second["id"]))["subscribers"] == 0
    assert "Thông báo thứ hai" not in "\n".join(platform.texts())


@pytest.mark.parametrize(
    ("platform_name", "hours", "reason"),
    [
        ("messenger", 25, "messenger_outside_24h"),
        ("zalo", 49, "zalo_outside_48h"),
        ("messenger", 23, None),
        ("telegram", 24 * 30, None),
    ],
)
async def test_platform_windows_decide_who_may_be_sent_a_notice(
    platform: Platform, client: TestClient, hours: int, reason: str | None
) -> None:
    storage = hotline_of(client).storage
    key = ConversationKey(platform.name, platform.sender)
    await (await storage.subscriptions()).follow(key, Area())
    wrote = datetime.now(UTC) - timedelta(hours=hours)
    await (await storage.contact_book()).heard_from(key, wrote, "m-old")
    headers = await supervisor(client)
    preview = await client.post("/api/broadcasts/preview", json={"text": NOTICE}, headers=headers)
    counted = await preview.json()
    created = await broadcast(client, text=NOTICE)
    if reason is None:
        assert counted["reachable"] == 1 and counted["skipped"] == {}
        await platform.fake.wait_sent(platform.sender, 1)
        assert platform.texts() == [texts.NOTICE.format(number=created["id"], text=NOTICE)]
        assert (await finished(client, created["id"], sent=1))["sent"] == 1
        return
    assert counted == {"subscribers": 1, "reachable": 0, "by_channel": {}, "skipped": {reason: 1}}
    await settled(client, key)
    got = await report(client, created["id"])
    assert (got["sent"], got["skipped"], got["skipped_reasons"]) == (0, 1, {reason: 1})
    assert platform.texts() == []  # never sent against the platform's rules

"""Zalo OA end to end: signed events posted to our webhook, replies sent to a fake Zalo API.

What every platform does (questions, reports, redeliveries, signatures, retries, restarts) is in
test_platform_scenarios.py; here is what only Zalo does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.messages import Button, ConversationKey, OutboundMessage
from hotline.channels.zalo.api import cs_bodies, split_text
from hotline.channels.zalo.channel import ZaloChannel
from hotline.channels.zalo.events import expected_signature, parse_event, signature_ok
from hotline.channels.zalo.tokens import StoredTokens
from hotline.config import Settings
from hotline.storage.open import open_storage
from hotline.web.app import create_app
from hotline.web.keys import CHANNELS, TAKEOVER
from tests.support.fake_zalo import (
    APP_ID,
    REFRESH_TOKEN,
    FakeZalo,
    ZaloCitizen,
    echo_event,
    fake_zalo,
    follow_event,
    settings_for,
)
from tests.support.hotline import hotline_of, settle_and_stop, settled

__all__ = ["fake_zalo"]  # the fixture, used by name
USER = "6142494823001122334"
KEY = ConversationKey("zalo", USER)


@pytest.fixture
def zalo_settings(settings: Settings, fake_zalo: FakeZalo, tmp_path: Path) -> Settings:
    return settings_for(settings, fake_zalo.base_url, tmp_path)


@pytest.fixture
async def zalo_client(aiohttp_client: Callable, zalo_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(zalo_settings))


@pytest.fixture
def citizen(zalo_client: TestClient, fake_zalo: FakeZalo) -> ZaloCitizen:
    return ZaloCitizen(zalo_client, fake_zalo, USER)


async def test_buttons_are_query_buttons_and_many_become_numbered_text() -> None:
    few = OutboundMessage(KEY, "Gửi?", (Button("Gửi", "/confirm"), Button("Hủy", "/cancel")))
    [body] = cs_bodies(USER, few, quote="m1")
    assert body["message"]["quote_message_id"] == "m1"
    buttons = body["message"]["attachment"]["payload"]["buttons"]
    assert buttons == [
        {"title": "Gửi", "type": "oa.query.hide", "payload": "/confirm"},
        {"title": "Hủy", "type": "oa.query.hide", "payload": "/cancel"},
    ]
    many = OutboundMessage(KEY, "Quận nào?", tuple(Button(f"Q{i}", f"/p{i}") for i in range(9)))
    [body] = cs_bodies(USER, many, quote=None)
    assert "attachment" not in body and "quote_message_id" not in body["message"]
    assert body["message"]["text"].splitlines()[1:3] == ["1. Q0", "2. Q1"]
    long = OutboundMessage(KEY, "\n".join(["x" * 1500] * 3), few.buttons)
    bodies = cs_bodies(USER, long, quote="m2")
    assert [len(b["message"]["text"]) for b in bodies] == [1500, 1500, 1500]
    assert "quote_message_id" in bodies[0]["message"] and "attachment" in bodies[-1]["message"]
    assert split_text("ab cd", 3) == ["ab", "cd"]


async def test_a_malformed_or_oversized_body_is_refused(
    zalo_client: TestClient, zalo_settings: Settings
) -> None:
    headers = {"X-ZEvent-Signature": "mac=00", "Content-Type": "application/json"}
    resp = await zalo_client.post("/webhooks/zalo", data=b"{not json", headers=headers)
    assert resp.status == 400
    big = b"{" + b" " * zalo_settings.max_body_bytes + b"}"
    resp = await zalo_client.post("/webhooks/zalo", data=big, headers=headers)
    assert resp.status == 413


def test_the_signature_is_the_documented_mac() -> None:
    body = b'{"timestamp":"1699003881354"}'
    mac = expected_signature("app", body, "1699003881354", "key")
    import hashlib

    assert mac == "mac=" + hashlib.sha256(b"app" + body + b"1699003881354key").hexdigest()
    event = json.loads(body)
    assert signature_ok(mac, "app", body, event, "key")
    assert not signature_ok(mac, "app", body, {"timestamp": "1699003881355"}, "key")
    assert not signature_ok(mac, "app", body, {}, "key")


async def test_a_rate_limit_pauses_sending_for_a_minute(zalo_client: TestClient) -> None:
    channel = zalo_client.app[CHANNELS]["zalo"]
    assert isinstance(channel, ZaloChannel) and channel.api is not None
    assert channel.api.rate_limit_pause == 60.0, "Zalo's limit is per minute"


async def test_an_expired_token_is_refreshed_and_the_new_pair_kept(
    citizen: ZaloCitizen, fake_zalo: FakeZalo, zalo_settings: Settings
) -> None:
    fake = fake_zalo
    fake.expire_token()
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert len(fake.refreshes) == 1
    assert fake.refreshes[0]["refresh_token"] == REFRESH_TOKEN
    storage = await open_storage(zalo_settings.store)
    try:
        stored = await StoredTokens(await storage.platform_tokens()).load()
    finally:
        await storage.close()
    assert stored is not None
    assert (stored.access_token, stored.refresh_token) == ("access-1", "refresh-1")


async def test_a_restart_after_a_refresh_uses_the_rotated_refresh_token(
    aiohttp_client: Callable, zalo_settings: Settings, fake_zalo: FakeZalo
) -> None:
    fake = fake_zalo
    fake.expire_token()
    first = await aiohttp_client(create_app(zalo_settings))
    await ZaloCitizen(first, fake, USER).say("xin chao")
    await first.close()
    # The configuration still names the spent pair; the stored pair must win after a restart.
    fake.expire_token()
    second = await aiohttp_client(create_app(zalo_settings))
    [thanks] = await ZaloCitizen(second, fake, USER).say("cam on")
    assert thanks
    assert [r["refresh_token"] for r in fake.refreshes] == ["refresh-0", "refresh-1"]


async def test_unfollow_stops_sending_until_the_citizen_follows_again(
    citizen: ZaloCitizen, zalo_client: TestClient, fake_zalo: FakeZalo
) -> None:
    fake = fake_zalo
    assert await citizen.post(follow_event(USER, "unfollow")) == 200
    state = await hotline_of(zalo_client).conversations.load(KEY)
    assert state.unreachable and "unfollowed" in state.unreachable
    await zalo_client.app[TAKEOVER].notify(KEY, "Phản ánh của bạn đã được xử lý.")
    await settled(zalo_client, KEY)
    assert fake.attempts == 0, "nothing is sent to someone who unfollowed"

    greeting = await citizen.send(follow_event(USER))
    assert greeting, "a new follower is greeted"
    assert not any("đã được xử lý" in text for text in fake.texts_to(USER))
    state = await hotline_of(zalo_client).conversations.load(KEY)
    assert state.unreachable is None


async def test_echoes_and_unknown_events_are_ignored(
    citizen: ZaloCitizen, zalo_client: TestClient, fake_zalo: FakeZalo
) -> None:
    fake = fake_zalo
    assert await citizen.post(echo_event(USER, "Xin chào, đây là OA")) == 200
    transcript = await hotline_of(zalo_client).conversations.transcript(KEY)
    await settle_and_stop(zalo_client, KEY)
    assert transcript == []
    assert fake.attempts == 0
    assert parse_event({"event_name": "user_seen_message"}).kind == "ignored"
    assert parse_event({"event_name": "user_send_text", "sender": {"id": USER}}).kind == "ignored"


async def test_webhooks_set_says_what_to_paste_in_the_zalo_console(
    zalo_settings: Settings,
) -> None:
    from hotline.channels.registry import set_webhooks

    settings = replace(zalo_settings, public_url="https://hotline.example.vn/")
    [note] = await set_webhooks(settings)
    assert "https://hotline.example.vn/webhooks/zalo" in note
    assert "user_send_location" in note and APP_ID in note


async def test_a_signed_event_from_2017_is_refused(citizen: ZaloCitizen) -> None:
    old = {**citizen.text("tụ tập đông người"), "timestamp": "1500000000000"}  # July 2017
    assert await citizen.post(old) == 403
    ahead = {**citizen.text("tụ tập đông người"), "timestamp": "4102444800000"}  # 2100
    assert await citizen.post(ahead) == 403
    assert await hotline_of(citizen.client).conversations.transcript(KEY) == []
    assert await citizen.post(citizen.text("xin chào")) == 200

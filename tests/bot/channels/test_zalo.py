"""Zalo OA end to end: signed events posted to our webhook, replies sent to a fake Zalo API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from bot.app import CHANNELS, OUTBOX, TAKEOVER, create_app
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import cs_bodies, split_text
from bot.channels.zalo_events import expected_signature, parse_event, signature_ok
from bot.channels.zalo_tokens import TokenStore
from bot.config import Settings
from bot.media import MediaStore
from bot.messages import Button, ConversationKey, OutboundMessage
from store.sqlite import SqliteDatabase
from tests.support.chat import CODE
from tests.support.fake_telegram import TINY_JPEG
from tests.support.fake_zalo import (
    ACCESS_TOKEN,
    APP_ID,
    APP_SECRET,
    REFRESH_TOKEN,
    SECRET_KEY,
    FakeZalo,
    ZaloCitizen,
    echo_event,
    fake_zalo,
    follow_event,
    image_event,
    location_event,
    settled,
    signed,
    text_event,
)
from tests.support.hotline import hotline_of

__all__ = ["fake_zalo"]  # the fixture, used by name
USER = "6142494823001122334"
KEY = ConversationKey("zalo", USER)


@pytest.fixture
def zalo_settings(settings: Settings, fake_zalo: tuple[FakeZalo, str], tmp_path: Path) -> Settings:
    _, url = fake_zalo
    return replace(
        settings,
        zalo_app_id=APP_ID,
        zalo_secret_key=SECRET_KEY,
        zalo_access_token=ACCESS_TOKEN,
        zalo_refresh_token=REFRESH_TOKEN,
        zalo_app_secret=APP_SECRET,
        zalo_api_url=url,
        zalo_oauth_url=url,
        media_dir=str(tmp_path / "media"),
        courier_poll_seconds=0.05,
        courier_backoff_seconds=0.05,
    )


@pytest.fixture
async def zalo_client(aiohttp_client: Callable, zalo_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(zalo_settings))


@pytest.fixture
def citizen(zalo_client: TestClient, fake_zalo: tuple[FakeZalo, str]) -> ZaloCitizen:
    return ZaloCitizen(zalo_client, fake_zalo[0], USER)


async def test_a_question_is_answered_quoting_the_question(
    citizen: ZaloCitizen, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
    event = text_event(USER, "cach ly bao nhieu ngay")
    [answer] = await citizen.send(event)
    assert "cách ly" in answer.lower()
    [sent] = fake.sent_to(USER)
    assert sent["recipient"] == {"user_id": USER}
    assert sent["message"]["quote_message_id"] == event["message"]["msg_id"]


async def test_a_report_is_filed_with_a_photo_and_a_location(
    citizen: ZaloCitizen, zalo_client: TestClient, zalo_settings: Settings, fake_zalo: tuple
) -> None:
    fake, url = fake_zalo
    await citizen.say("/report_violation")
    await citizen.say("Quán nhậu trên đường Yersin tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [ask_evidence] = await citizen.press("Đang diễn ra")
    assert "ảnh" in ask_evidence
    await citizen.send(image_event(USER, url, caption="ảnh chụp lúc 21h"))
    await citizen.send(location_event(USER, 10.98, 106.65))
    await citizen.press("Xong")
    await citizen.press("Gửi ẩn danh")
    [filed] = await citizen.press("Gửi")
    found = CODE.search(filed)
    assert found, filed
    ticket = await hotline_of(zalo_client).desk.store.get(found.group(0))
    assert ticket is not None and ticket.category == "violation"
    photo, place = ticket.evidence
    assert photo["kind"] == "photo" and photo["url"].startswith("media:")
    assert photo["caption"] == "ảnh chụp lúc 21h"
    stored = MediaStore(Path(zalo_settings.media_dir)).path_of(photo["url"])
    assert stored.read_bytes() == TINY_JPEG, "the photo was copied before Zalo's URL expires"
    assert place["kind"] == "location"
    assert (place["latitude"], place["longitude"]) == (10.98, 106.65)
    assert fake.downloads == 1


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


async def test_a_redelivered_event_is_answered_once(
    citizen: ZaloCitizen, zalo_client: TestClient, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
    event = text_event(USER, "/report_violation")
    assert await citizen.post(event) == 200
    assert await citizen.post(event) == 200  # Zalo posts again when our answer was slow
    await fake.wait_sent(USER, 1)
    await settled(zalo_client, "zalo", USER)
    await asyncio.sleep(0.2)
    transcript = await hotline_of(zalo_client).conversations.transcript(KEY)
    assert [t["direction"] for t in transcript].count("in") == 1
    replies = [t["text"] for t in transcript if t["direction"] == "out"]
    assert replies and fake.texts_to(USER) == replies, "each reply sent once"


@pytest.mark.parametrize("forgery", ["missing", "other key", "other body", "not mac"])
async def test_a_forged_or_missing_signature_is_refused_and_nothing_stored(
    citizen: ZaloCitizen, zalo_client: TestClient, forgery: str
) -> None:
    event = text_event(USER, "xin chao")
    body, headers = signed(event)
    if forgery == "missing":
        headers.pop("X-ZEvent-Signature")
    elif forgery == "other key":
        headers = signed(event, secret_key="guessed")[1]
    elif forgery == "not mac":
        headers["X-ZEvent-Signature"] = headers["X-ZEvent-Signature"].removeprefix("mac=")
    else:
        body = body.replace(b"xin chao", b"xin chaO")
    resp = await zalo_client.post("/webhooks/zalo", data=body, headers=headers)
    assert resp.status == 403
    assert await hotline_of(zalo_client).conversations.transcript(KEY) == []
    assert await hotline_of(zalo_client).conversations.unprocessed() == []


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


@pytest.mark.parametrize("kind", ["rate_limit", "500"])
async def test_a_rate_limit_or_server_error_is_retried_and_delivered_once(
    citizen: ZaloCitizen, fake_zalo: tuple, kind: str
) -> None:
    fake, _ = fake_zalo
    channel = citizen.client.app[CHANNELS]["zalo"]
    assert isinstance(channel, ZaloChannel) and channel.api is not None
    assert channel.api.rate_limit_pause == 60.0, "Zalo's limit is per minute"
    channel.api.rate_limit_pause = 0.05
    fake.fail_next(2, kind)
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert fake.attempts == 3, "two refusals, then the delivery"
    await asyncio.sleep(0.3)
    assert len(fake.sent_to(USER)) == 1


async def test_an_expired_token_is_refreshed_and_the_new_pair_kept(
    citizen: ZaloCitizen, fake_zalo: tuple, zalo_settings: Settings
) -> None:
    fake, _ = fake_zalo
    fake.expire_token()
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert len(fake.refreshes) == 1
    assert fake.refreshes[0]["refresh_token"] == REFRESH_TOKEN
    db = await SqliteDatabase.from_url(zalo_settings.store)
    try:
        stored = await (await TokenStore.open(db)).load()
    finally:
        await db.close()
    assert stored is not None
    assert (stored.access_token, stored.refresh_token) == ("access-1", "refresh-1")


async def test_a_restart_after_a_refresh_uses_the_rotated_refresh_token(
    aiohttp_client: Callable, zalo_settings: Settings, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
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


async def test_unsent_replies_go_out_once_after_a_restart(
    aiohttp_client: Callable, zalo_settings: Settings, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
    fake.fail_next(1000, "500")
    first = await aiohttp_client(create_app(zalo_settings))
    assert await ZaloCitizen(first, fake, USER).post(text_event(USER, "cach ly bao nhieu ngay"))
    for _ in range(200):
        pending = await hotline_of(first).conversations.pending(KEY)
        if pending and pending[0].attempts >= 1:
            break
        await asyncio.sleep(0.02)
    assert pending and pending[0].attempts >= 1, "the reply failed at least once"
    await first.close()
    assert fake.sent == []

    fake.failures.clear()
    second = await aiohttp_client(create_app(zalo_settings))
    [answer] = await fake.wait_sent(USER, 1)
    assert "cách ly" in answer.lower()
    await settled(second, "zalo", USER)
    await asyncio.sleep(0.3)
    assert len(fake.sent_to(USER)) == 1


async def test_unfollow_stops_sending_until_the_citizen_follows_again(
    citizen: ZaloCitizen, zalo_client: TestClient, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
    assert await citizen.post(follow_event(USER, "unfollow")) == 200
    state = await hotline_of(zalo_client).conversations.load(KEY)
    assert state.unreachable and "unfollowed" in state.unreachable
    await zalo_client.app[TAKEOVER].notify(KEY, "Phản ánh của bạn đã được xử lý.")
    await settled(zalo_client, "zalo", USER)
    assert fake.attempts == 0, "nothing is sent to someone who unfollowed"

    greeting = await citizen.send(follow_event(USER))
    assert greeting, "a new follower is greeted"
    assert not any("đã được xử lý" in text for text in fake.texts_to(USER))
    state = await hotline_of(zalo_client).conversations.load(KEY)
    assert state.unreachable is None


async def test_a_refusal_because_the_citizen_left_marks_the_conversation(
    zalo_client: TestClient, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
    fake.fail_next(1, "unfollowed")
    await zalo_client.app[OUTBOX].push([OutboundMessage(KEY, "Tin mới về phản ánh")])
    for _ in range(200):
        state = await hotline_of(zalo_client).conversations.load(KEY)
        if state.unreachable:
            break
        await asyncio.sleep(0.02)
    assert state.unreachable and "-213" in state.unreachable
    assert fake.attempts == 1, "a permanent refusal is not retried"


async def test_echoes_and_unknown_events_are_ignored(
    citizen: ZaloCitizen, zalo_client: TestClient, fake_zalo: tuple
) -> None:
    fake, _ = fake_zalo
    assert await citizen.post(echo_event(USER, "Xin chào, đây là OA")) == 200
    await asyncio.sleep(0.2)
    assert await hotline_of(zalo_client).conversations.transcript(KEY) == []
    assert fake.attempts == 0
    assert parse_event({"event_name": "user_seen_message"}).kind == "ignored"
    assert parse_event({"event_name": "user_send_text", "sender": {"id": USER}}).kind == "ignored"


async def test_webhooks_set_says_what_to_paste_in_the_zalo_console(
    zalo_settings: Settings,
) -> None:
    from bot.channels.registry import set_webhooks

    settings = replace(zalo_settings, public_url="https://hotline.example.vn/")
    [note] = await set_webhooks(settings)
    assert "https://hotline.example.vn/webhooks/zalo" in note
    assert "user_send_location" in note and APP_ID in note

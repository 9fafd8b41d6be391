"""Viber end to end: callbacks posted to our webhook, replies sent to a fake REST bot API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from bot.app import create_app
from bot.channels.viber import register_webhook
from bot.config import Settings
from bot.media import MediaStore
from bot.messages import ConversationKey
from tests.support.chat import CODE
from tests.support.fake_telegram import TINY_JPEG
from tests.support.fake_viber import (
    TOKEN,
    FakeViber,
    ViberCitizen,
    event,
    fake_viber,
    message_event,
    picture,
    settled,
)
from tests.support.hotline import hotline_of

__all__ = ["fake_viber"]  # the fixture, used by name
USER = "01234567890A="
KEY = ConversationKey("viber", USER)


@pytest.fixture
def viber_settings(settings: Settings, fake_viber: FakeViber, tmp_path: Path) -> Settings:
    return replace(
        settings,
        viber_token=TOKEN,
        viber_api_url=fake_viber.base_url,
        media_dir=str(tmp_path / "media"),
        courier_poll_seconds=0.05,
        courier_backoff_seconds=0.05,
    )


@pytest.fixture
async def viber_client(aiohttp_client: Callable, viber_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(viber_settings))


@pytest.fixture
def citizen(viber_client: TestClient, fake_viber: FakeViber) -> ViberCitizen:
    return ViberCitizen(viber_client, fake_viber, USER)


async def test_a_question_is_answered(citizen: ViberCitizen, fake_viber: FakeViber) -> None:
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    sent = fake_viber.sent_to(USER)[0]
    assert sent["type"] == "text" and sent["sender"]["name"] == "Tổng đài 1022"


async def test_a_report_is_filed_with_a_photo_and_a_location(
    citizen: ViberCitizen, viber_client: TestClient, viber_settings: Settings, fake_viber: FakeViber
) -> None:
    await citizen.say("/report_violation", replies=2)
    await citizen.say("Quán nhậu trên đường Yersin tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [ask_evidence] = await citizen.press("Đang diễn ra")
    assert "ảnh" in ask_evidence
    await citizen.send(message_event(USER, picture(fake_viber, caption="ảnh lúc 21h")))
    place = {"type": "location", "location": {"lat": 10.98, "lon": 106.65}}
    await citizen.send(message_event(USER, place))
    await citizen.press("Xong")
    await citizen.press("Gửi ẩn danh")
    [filed] = await citizen.press("Gửi")
    found = CODE.search(filed)
    assert found, filed
    ticket = await hotline_of(viber_client).desk.store.get(found.group(0))
    assert ticket is not None and ticket.category == "violation"
    photo, location = ticket.evidence
    assert photo["url"].startswith("media:") and photo["caption"] == "ảnh lúc 21h"
    path = MediaStore(Path(viber_settings.media_dir)).path_of(photo["url"])
    assert path.read_bytes() == TINY_JPEG
    assert location == {"kind": "location", "latitude": 10.98, "longitude": 106.65}


async def test_buttons_are_a_viber_keyboard(citizen: ViberCitizen) -> None:
    await citizen.say("/report_violation", replies=2)
    await citizen.say("Quán nhậu tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [button] = [b for b in citizen.buttons() if b["Text"] == "Đang diễn ra"]
    assert button["ActionType"] == "reply" and button["ActionBody"].startswith("/")


async def test_a_redelivered_message_is_answered_once(
    citizen: ViberCitizen, viber_client: TestClient, fake_viber: FakeViber
) -> None:
    callback = message_event(USER, {"type": "text", "text": "cach ly bao nhieu ngay"})
    assert (await citizen.post(callback)).status == 200
    assert (await citizen.post(callback)).status == 200
    await fake_viber.wait_sent(USER, 1)
    await settled(viber_client, USER)
    assert (await citizen.post(callback)).status == 200
    await asyncio.sleep(0.2)
    await settled(viber_client, USER)
    assert len(fake_viber.sent_to(USER)) == 1
    transcript = await hotline_of(viber_client).conversations.transcript(KEY)
    assert [t["direction"] for t in transcript] == ["in", "out"]


@pytest.mark.parametrize("signature", [None, "0" * 64, "not-hex"])
async def test_a_forged_or_missing_signature_is_refused(
    citizen: ViberCitizen, viber_client: TestClient, signature: str | None
) -> None:
    callback = message_event(USER, {"type": "text", "text": "xin chao"})
    resp = await citizen.post(callback, signature=signature)
    assert resp.status == 403
    assert await hotline_of(viber_client).conversations.transcript(KEY) == []


@pytest.mark.parametrize(
    "body", [b"{broken", b"[1]", b'{"event": "nonsense"}', b'{"event": "message", "sender": {}}']
)
async def test_a_malformed_callback_gets_400(viber_client: TestClient, body: bytes) -> None:
    from tests.support.fake_viber import sign

    resp = await viber_client.post(
        "/webhooks/viber", data=body, headers={"X-Viber-Content-Signature": sign(body)}
    )
    assert resp.status == 400


@pytest.mark.parametrize("kind", ["429", "500"])
async def test_a_platform_error_is_retried_and_delivered_once(
    citizen: ViberCitizen, fake_viber: FakeViber, kind: str
) -> None:
    fake_viber.fail_next(2, kind)
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert len([c for c in fake_viber.calls if c[0] == "send_message"]) == 3
    await asyncio.sleep(0.3)
    assert len(fake_viber.sent_to(USER)) == 1


async def test_unsubscribed_stops_sending_until_they_write_again(
    citizen: ViberCitizen, viber_client: TestClient, fake_viber: FakeViber
) -> None:
    assert (await citizen.post(event("unsubscribed", USER))).status == 200
    conversations = hotline_of(viber_client).conversations
    assert (await conversations.load(KEY)).unreachable == "unsubscribed"
    from bot.app import OUTBOX
    from bot.messages import OutboundMessage

    await viber_client.app[OUTBOX].push([OutboundMessage(KEY, "Phản ánh đã được xử lý")])
    await settled(viber_client, USER)
    assert not [c for c in fake_viber.calls if c[0] == "send_message"], "nothing was tried"
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert (await conversations.load(KEY)).unreachable is None


async def test_not_subscribed_from_the_platform_is_permanent(
    citizen: ViberCitizen, viber_client: TestClient, fake_viber: FakeViber
) -> None:
    fake_viber.unsubscribed.add(USER)
    assert (await citizen.post(message_event(USER, {"type": "text", "text": "hi"}))).status == 200
    await settled(viber_client, USER)
    await asyncio.sleep(0.3)
    assert len([c for c in fake_viber.calls if c[0] == "send_message"]) == 1
    state = await hotline_of(viber_client).conversations.load(KEY)
    assert state.unreachable and "6" in state.unreachable


async def test_conversation_started_answers_a_welcome(citizen: ViberCitizen) -> None:
    resp = await citizen.post(event("conversation_started", USER, type="open", subscribed=False))
    assert resp.status == 200
    welcome = await resp.json()
    assert welcome["type"] == "text" and "Tổng đài 1022" in welcome["text"]
    assert welcome["sender"]["name"]


@pytest.mark.parametrize("kind", ["webhook", "delivered", "seen", "subscribed"])
async def test_other_events_are_acknowledged(citizen: ViberCitizen, kind: str) -> None:
    assert (await citizen.post(event(kind, USER))).status == 200


async def test_a_failed_receipt_is_recorded(citizen: ViberCitizen) -> None:
    from bot.channels.viber import RECEIPTS

    before = RECEIPTS.labels("failed")._value.get()
    resp = await citizen.post(event("failed", USER, desc="user unreachable"))
    assert resp.status == 200
    assert RECEIPTS.labels("failed")._value.get() == before + 1


async def test_unsent_replies_go_out_once_after_a_restart(
    aiohttp_client: Callable, viber_settings: Settings, fake_viber: FakeViber
) -> None:
    fake_viber.fail_next(1000, "500")
    first = await aiohttp_client(create_app(viber_settings))
    citizen = ViberCitizen(first, fake_viber, USER)
    callback = message_event(USER, {"type": "text", "text": "cach ly bao nhieu ngay"})
    assert (await citizen.post(callback)).status == 200
    for _ in range(200):
        pending = await hotline_of(first).conversations.pending(KEY)
        if pending and pending[0].attempts >= 1:
            break
        await asyncio.sleep(0.02)
    assert pending and pending[0].attempts >= 1
    await first.close()
    assert fake_viber.sent == []

    fake_viber.failures.clear()
    second = await aiohttp_client(create_app(viber_settings))
    [answer] = await fake_viber.wait_sent(USER, 1)
    assert "cách ly" in answer.lower()
    await settled(second, USER)
    await asyncio.sleep(0.3)
    assert len(fake_viber.sent_to(USER)) == 1


async def test_set_webhook_registers_our_url(
    viber_settings: Settings, fake_viber: FakeViber
) -> None:
    settings = replace(viber_settings, public_url="https://hotline.example.vn")
    async with aiohttp.ClientSession() as session:
        note = await register_webhook(settings, session)
    assert note.endswith("https://hotline.example.vn/webhooks/viber")
    [(_, body)] = [c for c in fake_viber.calls if c[0] == "set_webhook"]
    assert body["url"] == "https://hotline.example.vn/webhooks/viber"
    assert "unsubscribed" in body["event_types"]

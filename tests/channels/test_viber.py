"""Viber end to end: callbacks posted to our webhook, replies sent to a fake REST bot API.

What every platform does (questions, reports, redeliveries, signatures, retries, restarts) is in
test_platform_scenarios.py; here is what only Viber does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.channels.viber.channel import register_webhook
from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.fake_viber import (
    FakeViber,
    ViberCitizen,
    event,
    fake_viber,
    settings_for,
)
from tests.support.hotline import hotline_of, settled

__all__ = ["fake_viber"]  # the fixture, used by name
USER = "01234567890A="
KEY = ConversationKey("viber", USER)


@pytest.fixture
def viber_settings(settings: Settings, fake_viber: FakeViber, tmp_path: Path) -> Settings:
    return settings_for(settings, fake_viber.base_url, tmp_path)


@pytest.fixture
async def viber_client(aiohttp_client: Callable, viber_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(viber_settings))


@pytest.fixture
def citizen(viber_client: TestClient, fake_viber: FakeViber) -> ViberCitizen:
    return ViberCitizen(viber_client, fake_viber, USER)


async def test_buttons_are_a_viber_keyboard(citizen: ViberCitizen) -> None:
    await citizen.say("/report_violation", replies=2)
    await citizen.say("Quán nhậu tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [button] = [b for b in citizen.buttons() if b["Text"] == "Đang diễn ra"]
    assert button["ActionType"] == "reply" and button["ActionBody"].startswith("/")


@pytest.mark.parametrize(
    "body", [b"{broken", b"[1]", b'{"event": "nonsense"}', b'{"event": "message", "sender": {}}']
)
async def test_a_malformed_callback_gets_400(viber_client: TestClient, body: bytes) -> None:
    from tests.support.fake_viber import sign

    resp = await viber_client.post(
        "/webhooks/viber", data=body, headers={"X-Viber-Content-Signature": sign(body)}
    )
    assert resp.status == 400


async def test_unsubscribed_stops_sending_until_they_write_again(
    citizen: ViberCitizen, viber_client: TestClient, fake_viber: FakeViber
) -> None:
    assert (await citizen.post(event("unsubscribed", USER))).status == 200
    conversations = hotline_of(viber_client).conversations
    assert (await conversations.load(KEY)).unreachable == "unsubscribed"
    from hotline.bot.messages import OutboundMessage
    from hotline.web.keys import OUTBOX

    await viber_client.app[OUTBOX].push([OutboundMessage(KEY, "Phản ánh đã được xử lý")])
    await settled(viber_client, KEY)
    assert not [c for c in fake_viber.calls if c[0] == "send_message"], "nothing was tried"
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert (await conversations.load(KEY)).unreachable is None


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
    from hotline.channels.viber.channel import RECEIPTS

    before = RECEIPTS.labels("failed")._value.get()
    resp = await citizen.post(event("failed", USER, desc="user unreachable"))
    assert resp.status == 200
    assert RECEIPTS.labels("failed")._value.get() == before + 1


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


async def test_a_signed_event_from_2017_is_refused(citizen: ViberCitizen) -> None:
    old = {**citizen.text("tụ tập đông người"), "timestamp": 1500000000000}  # July 2017
    resp = await citizen.post(old)
    assert resp.status == 403
    assert await hotline_of(citizen.client).conversations.transcript(KEY) == []
    fresh = await citizen.post(citizen.text("xin chào"))
    assert fresh.status == 200

"""Messenger end to end: signed page webhooks posted to our endpoint, a fake Send API.

What every platform does (questions, reports, redeliveries, signatures, retries, restarts) is in
test_platform_scenarios.py; here is what only Messenger does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.channels.delivery import DeliveryFailed
from hotline.channels.messenger.api import delivery, quick_title
from hotline.channels.messenger.channel import MessengerChannel
from hotline.config import Settings
from hotline.storage.open import open_storage
from hotline.web.app import create_app
from hotline.web.keys import CHANNELS, TAKEOVER
from tests.support.fake_messenger import (
    VERIFY_TOKEN,
    FakeMessenger,
    MessengerCitizen,
    batch,
    delivery_item,
    echo_item,
    fake_messenger,
    read_item,
    settings_for,
    text_item,
)
from tests.support.hotline import hotline_of, settled

__all__ = ["fake_messenger"]  # the fixture, used by name
PSID = "6543210987654321"
KEY = ConversationKey("messenger", PSID)


@pytest.fixture
def fb_settings(settings: Settings, fake_messenger: FakeMessenger, tmp_path: Path) -> Settings:
    return settings_for(settings, fake_messenger.base_url, tmp_path)


@pytest.fixture
async def fb_client(aiohttp_client: Callable, fb_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(fb_settings))


@pytest.fixture
def citizen(fb_client: TestClient, fake_messenger: FakeMessenger) -> MessengerCitizen:
    return MessengerCitizen(fb_client, fake_messenger, PSID)


async def test_the_subscription_check_echoes_the_challenge(fb_client: TestClient) -> None:
    query = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201"}
    resp = await fb_client.get("/webhooks/messenger", params=query)
    assert resp.status == 200 and await resp.text() == "1158201"
    for bad in ({**query, "hub.verify_token": "guess"}, {**query, "hub.mode": "unsubscribe"}, {}):
        resp = await fb_client.get("/webhooks/messenger", params=bad)
        assert resp.status == 403


async def test_every_entry_and_item_of_a_batch_is_handled(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: FakeMessenger
) -> None:
    fake = fake_messenger
    others = ["1111", "2222", "3333"]
    body = batch(
        [text_item(others[0], "cach ly bao nhieu ngay"), echo_item(others[0], "bot nói")],
        [text_item(others[1], "xin chao"), delivery_item(others[1], ["m_1"])],
        [text_item(others[2], "cam on"), read_item(others[2])],
    )
    assert await citizen.post(body) == 200
    for psid in others:
        await fake.wait_sent(psid, 1)
        await settled(fb_client, ConversationKey("messenger", psid))
    conversations = hotline_of(fb_client).conversations
    for psid in others:
        transcript = await conversations.transcript(ConversationKey("messenger", psid))
        assert [t["direction"] for t in transcript].count("in") == 1, "the echo is not stored"
    channel = fb_client.app[CHANNELS]["messenger"]
    assert isinstance(channel, MessengerChannel)
    storage = await open_storage(hotline_of(fb_client).settings.store)
    try:
        book = await storage.contact_book()
        assert (await book.get(ConversationKey("messenger", others[1]))).delivered_at
        assert (await book.get(ConversationKey("messenger", others[2]))).read_at
    finally:
        await storage.close()


async def test_the_24_hour_rule(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: FakeMessenger
) -> None:
    fake = fake_messenger
    # A message Meta delivers 25 hours late: the bot may not answer it any more.
    assert await citizen.post(batch([text_item(PSID, "xin chao", at=time.time() - 25 * 3600)]))
    await settled(fb_client, KEY)
    assert fake.sent == []
    failed = await hotline_of(fb_client).conversations.transcript(KEY)
    assert any(t["direction"] == "out" for t in failed)

    takeover = fb_client.app[TAKEOVER]
    await takeover.notify(KEY, "Phản ánh PA-7K3Q-9X2M đã được xử lý.")  # ticket news
    [news] = await fake.wait_sent(PSID, 1)
    assert "PA-7K3Q-9X2M" in news
    assert (fake.sent[-1]["messaging_type"], fake.sent[-1]["tag"]) == (
        "MESSAGE_TAG",
        "ACCOUNT_UPDATE",
    )
    await takeover.take(KEY, "agent-lan")
    await takeover.say(KEY, "agent-lan", "Chào anh, tôi là tổng đài viên.")
    await fake.wait_sent(PSID, 2)
    assert fake.sent[-1]["tag"] == "HUMAN_AGENT"


def test_what_may_be_sent_after_the_window() -> None:
    now = datetime(2021, 8, 1, 12, tzinfo=UTC)
    assert delivery("answer", now - timedelta(hours=23), now).fields() == {
        "messaging_type": "RESPONSE"
    }
    assert delivery("agent", now - timedelta(days=6), now).tag == "HUMAN_AGENT"
    assert delivery("news", now - timedelta(days=30), now).tag == "ACCOUNT_UPDATE"
    for purpose, age in (("answer", timedelta(hours=25)), ("agent", timedelta(days=8))):
        with pytest.raises(DeliveryFailed, match="24-hour rule") as refused:
            delivery(purpose, now - age, now)  # type: ignore[arg-type]
        assert refused.value.permanent
    with pytest.raises(DeliveryFailed, match="never wrote"):
        delivery("agent", None, now)


def test_quick_reply_titles_are_cut_to_20_characters() -> None:
    assert quick_title("Gửi ẩn danh") == "Gửi ẩn danh"
    cut = quick_title("Thành phố Thủ Dầu Một tỉnh Bình Dương")
    assert len(cut) <= 20 and cut.endswith("…") and cut.startswith("Thành phố Thủ")


async def test_webhooks_set_says_what_to_paste_in_the_meta_dashboard(
    fb_settings: Settings,
) -> None:
    from hotline.channels.registry import set_webhooks

    [note] = await set_webhooks(replace(fb_settings, public_url="https://hotline.example.vn"))
    assert "https://hotline.example.vn/webhooks/messenger" in note
    assert "HOTLINE_MESSENGER_VERIFY_TOKEN" in note and "messaging_postbacks" in note


async def test_a_signed_batch_from_2017_is_refused(citizen: MessengerCitizen) -> None:
    old = batch([citizen.text("tụ tập đông người")])
    old["entry"] = [{**e, "time": 1500000000000} for e in old["entry"]]  # July 2017
    assert await citizen.post(old) == 403
    assert await hotline_of(citizen.client).conversations.transcript(KEY) == []
    assert await citizen.post(batch([citizen.text("xin chào")])) == 200

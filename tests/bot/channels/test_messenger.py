"""Messenger end to end: signed page webhooks posted to our endpoint, a fake Send API."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from bot.app import CHANNELS, TAKEOVER, create_app
from bot.channels.base import DeliveryFailed
from bot.channels.contacts import ContactBook
from bot.channels.messenger import MessengerChannel
from bot.channels.messenger_api import delivery, quick_title
from bot.config import Settings
from bot.media import MediaStore
from bot.messages import ConversationKey
from store.sqlite import SqliteDatabase
from tests.support.chat import CODE
from tests.support.fake_messenger import (
    APP_SECRET,
    PAGE_TOKEN,
    VERIFY_TOKEN,
    VERSION,
    FakeMessenger,
    MessengerCitizen,
    batch,
    delivery_item,
    echo_item,
    fake_messenger,
    image_item,
    location_item,
    postback_item,
    read_item,
    signed,
    text_item,
)
from tests.support.fake_telegram import TINY_JPEG
from tests.support.fake_zalo import settled
from tests.support.hotline import hotline_of

__all__ = ["fake_messenger"]  # the fixture, used by name
PSID = "6543210987654321"
KEY = ConversationKey("messenger", PSID)


@pytest.fixture
def fb_settings(
    settings: Settings, fake_messenger: tuple[FakeMessenger, str], tmp_path: Path
) -> Settings:
    _, url = fake_messenger
    return replace(
        settings,
        messenger_page_token=PAGE_TOKEN,
        messenger_app_secret=APP_SECRET,
        messenger_verify_token=VERIFY_TOKEN,
        messenger_api_url=url,
        messenger_api_version=VERSION,
        media_dir=str(tmp_path / "media"),
        courier_poll_seconds=0.05,
        courier_backoff_seconds=0.05,
    )


@pytest.fixture
async def fb_client(aiohttp_client: Callable, fb_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(fb_settings))


@pytest.fixture
def citizen(fb_client: TestClient, fake_messenger: tuple[FakeMessenger, str]) -> MessengerCitizen:
    return MessengerCitizen(fb_client, fake_messenger[0], PSID)


async def test_the_subscription_check_echoes_the_challenge(fb_client: TestClient) -> None:
    query = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201"}
    resp = await fb_client.get("/webhooks/messenger", params=query)
    assert resp.status == 200 and await resp.text() == "1158201"
    for bad in ({**query, "hub.verify_token": "guess"}, {**query, "hub.mode": "unsubscribe"}, {}):
        resp = await fb_client.get("/webhooks/messenger", params=bad)
        assert resp.status == 403


async def test_a_question_is_answered_as_a_response(
    citizen: MessengerCitizen, fake_messenger: tuple
) -> None:
    fake, _ = fake_messenger
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    [sent] = fake.sent_to(PSID)
    assert sent["messaging_type"] == "RESPONSE" and "tag" not in sent


async def test_a_report_is_filed_with_a_photo_and_a_location(
    citizen: MessengerCitizen, fb_client: TestClient, fb_settings: Settings, fake_messenger: tuple
) -> None:
    fake, url = fake_messenger
    await citizen.send(postback_item(PSID, "Phản ánh vi phạm", "/report_violation"))
    assert fake.sent_to(PSID)[-1]["messaging_type"] == "RESPONSE"
    await citizen.say("Quán nhậu trên đường Yersin tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [ask_evidence] = await citizen.press("Đang diễn ra")
    assert "ảnh" in ask_evidence
    await citizen.send(image_item(PSID, url))
    await citizen.send(location_item(PSID, 10.98, 106.65))
    await citizen.press("Xong")
    await citizen.press("Gửi ẩn danh")
    [filed] = await citizen.press("Gửi")
    found = CODE.search(filed)
    assert found, filed
    ticket = await hotline_of(fb_client).desk.store.get(found.group(0))
    assert ticket is not None and ticket.category == "violation"
    photo, place = ticket.evidence
    assert photo["kind"] == "photo" and photo["url"].startswith("media:")
    stored = MediaStore(Path(fb_settings.media_dir)).path_of(photo["url"])
    assert stored.read_bytes() == TINY_JPEG
    assert (place["kind"], place["latitude"], place["longitude"]) == ("location", 10.98, 106.65)
    assert fake.downloads == 1, "the photo was copied before Meta's URL expires"


async def test_every_entry_and_item_of_a_batch_is_handled(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: tuple
) -> None:
    fake, _ = fake_messenger
    others = ["1111", "2222", "3333"]
    body = batch(
        [text_item(others[0], "cach ly bao nhieu ngay"), echo_item(others[0], "bot nói")],
        [text_item(others[1], "xin chao"), delivery_item(others[1], ["m_1"])],
        [text_item(others[2], "cam on"), read_item(others[2])],
    )
    assert await citizen.post(body) == 200
    for psid in others:
        await fake.wait_sent(psid, 1)
        await settled(fb_client, "messenger", psid)
    conversations = hotline_of(fb_client).conversations
    for psid in others:
        transcript = await conversations.transcript(ConversationKey("messenger", psid))
        assert [t["direction"] for t in transcript].count("in") == 1, "the echo is not stored"
    channel = fb_client.app[CHANNELS]["messenger"]
    assert isinstance(channel, MessengerChannel)
    db = await SqliteDatabase.from_url(hotline_of(fb_client).settings.store)
    try:
        book = await ContactBook.open(db)
        assert (await book.get(ConversationKey("messenger", others[1]))).delivered_at
        assert (await book.get(ConversationKey("messenger", others[2]))).read_at
    finally:
        await db.close()


async def test_a_redelivered_batch_is_answered_once(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: tuple
) -> None:
    fake, _ = fake_messenger
    body = batch([text_item(PSID, "cach ly bao nhieu ngay")])
    assert await citizen.post(body) == 200
    assert await citizen.post(body) == 200  # Meta retries when our answer was slow
    await fake.wait_sent(PSID, 1)
    await settled(fb_client, "messenger", PSID)
    await asyncio.sleep(0.2)
    assert len(fake.sent_to(PSID)) == 1
    transcript = await hotline_of(fb_client).conversations.transcript(KEY)
    assert [t["direction"] for t in transcript].count("in") == 1


@pytest.mark.parametrize("forgery", ["missing", "other secret", "other body", "sha1"])
async def test_a_forged_or_missing_signature_is_refused_and_nothing_stored(
    citizen: MessengerCitizen, fb_client: TestClient, forgery: str
) -> None:
    raw, headers = signed(batch([text_item(PSID, "xin chao")]))
    if forgery == "missing":
        headers.pop("X-Hub-Signature-256")
    elif forgery == "other secret":
        headers = signed(batch([text_item(PSID, "xin chao")]), secret="guessed")[1]
    elif forgery == "sha1":
        headers["X-Hub-Signature-256"] = headers["X-Hub-Signature-256"].replace("sha256", "sha1")
    else:
        raw = raw.replace(b"xin chao", b"xin chaO")
    resp = await fb_client.post("/webhooks/messenger", data=raw, headers=headers)
    assert resp.status == 403
    assert await hotline_of(fb_client).conversations.transcript(KEY) == []
    assert await hotline_of(fb_client).conversations.unprocessed() == []


@pytest.mark.parametrize("kind", ["rate_limit", "500"])
async def test_a_rate_limit_or_server_error_is_retried_and_delivered_once(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: tuple, kind: str
) -> None:
    fake, _ = fake_messenger
    channel = fb_client.app[CHANNELS]["messenger"]
    assert isinstance(channel, MessengerChannel) and channel.api is not None
    channel.api.rate_limit_pause = 0.05
    fake.fail_next(2, kind)
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert fake.attempts == 3, "two refusals, then the delivery"
    await asyncio.sleep(0.3)
    assert len(fake.sent_to(PSID)) == 1


async def test_an_unavailable_person_is_given_up_and_marked(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: tuple
) -> None:
    fake, _ = fake_messenger
    fake.fail_next(1, "unavailable")
    assert await citizen.post(batch([text_item(PSID, "xin chao")])) == 200
    await settled(fb_client, "messenger", PSID)
    await asyncio.sleep(0.2)
    assert fake.attempts == 1, "a permanent refusal is not retried"
    state = await hotline_of(fb_client).conversations.load(KEY)
    assert state.unreachable and "551" in state.unreachable


async def test_unsent_replies_go_out_once_after_a_restart(
    aiohttp_client: Callable, fb_settings: Settings, fake_messenger: tuple
) -> None:
    fake, _ = fake_messenger
    fake.fail_next(1000, "500")
    first = await aiohttp_client(create_app(fb_settings))
    body = batch([text_item(PSID, "cach ly bao nhieu ngay")])
    assert await MessengerCitizen(first, fake, PSID).post(body) == 200
    for _ in range(200):
        pending = await hotline_of(first).conversations.pending(KEY)
        if pending and pending[0].attempts >= 1:
            break
        await asyncio.sleep(0.02)
    assert pending and pending[0].attempts >= 1, "the reply failed at least once"
    await first.close()
    assert fake.sent == []

    fake.failures.clear()
    second = await aiohttp_client(create_app(fb_settings))
    [answer] = await fake.wait_sent(PSID, 1)
    assert "cách ly" in answer.lower()
    await settled(second, "messenger", PSID)
    await asyncio.sleep(0.3)
    assert len(fake.sent_to(PSID)) == 1


async def test_the_24_hour_rule(
    citizen: MessengerCitizen, fb_client: TestClient, fake_messenger: tuple
) -> None:
    fake, _ = fake_messenger
    # A message Meta delivers 25 hours late: the bot may not answer it any more.
    assert await citizen.post(batch([text_item(PSID, "xin chao", at=time.time() - 25 * 3600)]))
    await settled(fb_client, "messenger", PSID)
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
    from bot.channels.registry import set_webhooks

    [note] = await set_webhooks(replace(fb_settings, public_url="https://hotline.example.vn"))
    assert "https://hotline.example.vn/webhooks/messenger" in note
    assert "HOTLINE_MESSENGER_VERIFY_TOKEN" in note and "messaging_postbacks" in note

"""Telegram end to end: updates posted to our webhook, replies sent to a fake Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from bot.app import OUTBOX, create_app
from bot.channels.telegram_parse import split_text
from bot.config import Settings
from bot.media import MediaStore
from bot.messages import ConversationKey, OutboundMessage
from tests.support.chat import CODE
from tests.support.fake_telegram import (
    SECRET,
    TINY_JPEG,
    TOKEN,
    FakeTelegram,
    TelegramCitizen,
    fake_telegram,
    message_update,
    photo_update,
    settled,
)
from tests.support.hotline import hotline_of

__all__ = ["fake_telegram"]  # the fixture, used by name
CHAT = 5550001


@pytest.fixture
def tg_settings(
    settings: Settings, fake_telegram: tuple[FakeTelegram, str], tmp_path: Path
) -> Settings:
    _, url = fake_telegram
    return replace(
        settings,
        telegram_token=TOKEN,
        telegram_secret=SECRET,
        telegram_api_url=url,
        media_dir=str(tmp_path / "media"),
        courier_poll_seconds=0.05,
        courier_backoff_seconds=0.05,
    )


@pytest.fixture
async def tg_client(aiohttp_client: Callable, tg_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(tg_settings))


@pytest.fixture
def citizen(tg_client: TestClient, fake_telegram: tuple[FakeTelegram, str]) -> TelegramCitizen:
    return TelegramCitizen(tg_client, fake_telegram[0], CHAT)


async def test_a_question_is_answered(citizen: TelegramCitizen, fake_telegram: tuple) -> None:
    fake, _ = fake_telegram
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    assert ("getMe", {}) in fake.calls, "PTB initialized against the fake"


async def test_a_report_is_filed_with_a_photo_and_a_location(
    citizen: TelegramCitizen, tg_client: TestClient, tg_settings: Settings, fake_telegram: tuple
) -> None:
    fake, _ = fake_telegram
    await citizen.say("/report_violation")
    await citizen.say("Quán nhậu trên đường Yersin tụ tập đông người, không đeo khẩu trang")
    await citizen.say("123 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    [ask_evidence] = await citizen.press("Đang diễn ra")
    assert "ảnh" in ask_evidence
    await citizen.send(photo_update(CHAT, caption="ảnh chụp lúc 21h"))
    await citizen.send(message_update(CHAT, location={"latitude": 10.98, "longitude": 106.65}))
    await citizen.press("Xong")
    await citizen.press("Gửi ẩn danh")
    [filed] = await citizen.press("Gửi")
    found = CODE.search(filed)
    assert found, filed
    ticket = await hotline_of(tg_client).desk.store.get(found.group(0))
    assert ticket is not None and ticket.category == "violation"
    photo, place = ticket.evidence
    assert photo["kind"] == "photo" and photo["url"].startswith("media:")
    assert photo["caption"] == "ảnh chụp lúc 21h"
    stored = MediaStore(Path(tg_settings.media_dir)).path_of(photo["url"])
    assert stored.read_bytes() == TINY_JPEG
    assert place == {"kind": "location", "latitude": 10.98, "longitude": 106.65}
    assert any(m == "getFile" and p["file_id"].startswith("large-") for m, p in fake.calls), (
        "the largest size was downloaded"
    )
    assert any(m == "answerCallbackQuery" for m, _ in fake.calls)


async def test_a_redelivered_update_is_answered_once(
    citizen: TelegramCitizen, tg_client: TestClient, fake_telegram: tuple
) -> None:
    fake, _ = fake_telegram
    update = message_update(CHAT, text="/report_violation")
    assert await citizen.post(update) == 200
    assert await citizen.post(update) == 200  # Telegram retries when our answer was slow
    await fake.wait_sent(CHAT, 1)
    await settled(tg_client, CHAT)
    assert await citizen.post(update) == 200  # and once more after it was answered
    await asyncio.sleep(0.2)
    await settled(tg_client, CHAT)
    transcript = await hotline_of(tg_client).conversations.transcript(
        ConversationKey("telegram", str(CHAT))
    )
    replies = [t for t in transcript if t["direction"] == "out"]
    assert [t["direction"] for t in transcript].count("in") == 1
    assert [m["text"] for m in fake.sent_to(CHAT)] == [r["text"] for r in replies]


@pytest.mark.parametrize("secret", [None, "forged", SECRET + "x"])
async def test_a_bad_or_missing_secret_is_refused_and_nothing_stored(
    citizen: TelegramCitizen, tg_client: TestClient, secret: str | None
) -> None:
    status = await citizen.post(message_update(CHAT, text="xin chao"), secret=secret)
    assert status == 403
    assert await hotline_of(tg_client).conversations.unprocessed() == []
    key = ConversationKey("telegram", str(CHAT))
    assert await hotline_of(tg_client).conversations.transcript(key) == []


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"update_id": "x"}', b'{"no": 1}'])
async def test_a_malformed_body_gets_400(tg_client: TestClient, body: bytes) -> None:
    resp = await tg_client.post(
        "/webhooks/telegram",
        data=body,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"},
    )
    assert resp.status == 400


@pytest.mark.parametrize("kind", ["429", "500"])
async def test_a_platform_error_is_retried_and_delivered_once(
    citizen: TelegramCitizen, fake_telegram: tuple, tg_client: TestClient, kind: str
) -> None:
    fake, _ = fake_telegram
    fake.fail_next(2, kind)
    [answer] = await citizen.say("cach ly bao nhieu ngay")
    assert "cách ly" in answer.lower()
    sends = [c for c in fake.calls if c[0] == "sendMessage"]
    assert len(sends) == 3, "two refusals, then the delivery"
    await asyncio.sleep(0.3)
    assert len(fake.sent_to(CHAT)) == 1


async def test_a_blocked_bot_gives_up_and_marks_the_conversation(
    citizen: TelegramCitizen, fake_telegram: tuple, tg_client: TestClient
) -> None:
    fake, _ = fake_telegram
    fake.blocked.add(str(CHAT))
    assert await citizen.post(message_update(CHAT, text="xin chao")) == 200
    await settled(tg_client, CHAT)
    await asyncio.sleep(0.3)
    sends = [c for c in fake.calls if c[0] == "sendMessage"]
    assert len(sends) == 1, "a permanent refusal is not retried"
    conversations = hotline_of(tg_client).conversations
    state = await conversations.load(ConversationKey("telegram", str(CHAT)))
    assert state.unreachable and "blocked" in state.unreachable

    fake.blocked.clear()  # they unblock and write again: the mark is cleared
    replies = await citizen.say("xin chao")
    assert "Tổng đài 1022" in replies[0]
    state = await conversations.load(ConversationKey("telegram", str(CHAT)))
    assert state.unreachable is None


async def test_a_long_reply_is_split_on_line_boundaries(
    fake_telegram: tuple, tg_client: TestClient
) -> None:
    fake, _ = fake_telegram
    text = "\n".join(f"Dòng {i}: " + "thông tin chi tiết " * 12 for i in range(60))
    key = ConversationKey("telegram", str(CHAT))
    await tg_client.app[OUTBOX].push([OutboundMessage(key, text)])  # as an agent's reply goes
    texts = await fake.wait_sent(CHAT, 2)
    assert all(len(t) <= 4096 for t in texts)
    lines = [line.rstrip() for line in text.splitlines()]
    assert [line.rstrip() for t in texts for line in t.splitlines()] == lines, "cut at lines"


def test_split_text_cuts_at_lines_then_words() -> None:
    assert split_text("short") == ["short"]
    assert split_text("") == [""]
    assert split_text("aaa bbb\nccc ddd", limit=8) == ["aaa bbb", "ccc ddd"]
    assert split_text("aaaa bbbb cccc", limit=9) == ["aaaa bbbb", "cccc"]
    assert split_text("x" * 10, limit=4) == ["xxxx", "xxxx", "xx"]


async def test_unsent_replies_go_out_once_after_a_restart(
    aiohttp_client: Callable, tg_settings: Settings, fake_telegram: tuple
) -> None:
    fake, _ = fake_telegram
    fake.fail_next(1000, "500")
    first = await aiohttp_client(create_app(tg_settings))
    citizen = TelegramCitizen(first, fake, CHAT)
    assert await citizen.post(message_update(CHAT, text="cach ly bao nhieu ngay")) == 200
    key = ConversationKey("telegram", str(CHAT))
    for _ in range(200):
        pending = await hotline_of(first).conversations.pending(key)
        if pending and pending[0].attempts >= 1:
            break
        await asyncio.sleep(0.02)
    assert pending and pending[0].attempts >= 1, "the reply failed at least once"
    await first.close()
    assert fake.sent == []

    fake.failures.clear()
    second = await aiohttp_client(create_app(tg_settings))
    [answer] = await fake.wait_sent(CHAT, 1)
    assert "cách ly" in answer.lower()
    await settled(second, CHAT)
    await asyncio.sleep(0.3)
    assert len(fake.sent_to(CHAT)) == 1


async def test_a_sticker_gets_a_polite_reply(citizen: TelegramCitizen) -> None:
    sticker = {
        "file_id": "st1",
        "file_unique_id": "st1u",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    [reply] = await citizen.send(message_update(CHAT, sticker=sticker))
    assert "chưa đọc được" in reply


async def test_a_webhook_is_registered_with_the_secret(
    tg_settings: Settings, fake_telegram: tuple
) -> None:
    import aiohttp

    from bot.channels.telegram import register_webhook

    fake, _ = fake_telegram
    settings = replace(tg_settings, public_url="https://hotline.example.vn")
    async with aiohttp.ClientSession() as session:
        note = await register_webhook(settings, session)
    assert "https://hotline.example.vn/webhooks/telegram" in note
    [(_, params)] = [c for c in fake.calls if c[0] == "setWebhook"]
    assert params["url"] == "https://hotline.example.vn/webhooks/telegram"
    assert params["secret_token"] == SECRET

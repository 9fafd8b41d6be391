"""Telegram end to end: updates posted to our webhook, replies sent to a fake Bot API.

What every platform does (questions, reports, redeliveries, signatures, retries, restarts) is in
test_platform_scenarios.py; here is what only Telegram does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.channels.telegram.parse import split_text
from hotline.config import Settings
from hotline.web.app import create_app
from hotline.web.keys import OUTBOX
from tests.support.fake_telegram import (
    SECRET,
    FakeTelegram,
    TelegramCitizen,
    fake_telegram,
    message_update,
    settings_for,
)

__all__ = ["fake_telegram"]  # the fixture, used by name
CHAT = 5550001


@pytest.fixture
def tg_settings(settings: Settings, fake_telegram: FakeTelegram, tmp_path: Path) -> Settings:
    return settings_for(settings, fake_telegram.base_url, tmp_path)


@pytest.fixture
async def tg_client(aiohttp_client: Callable, tg_settings: Settings) -> TestClient:
    return await aiohttp_client(create_app(tg_settings))


@pytest.fixture
def citizen(tg_client: TestClient, fake_telegram: FakeTelegram) -> TelegramCitizen:
    return TelegramCitizen(tg_client, fake_telegram, CHAT)


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"update_id": "x"}', b'{"no": 1}'])
async def test_a_malformed_body_gets_400(tg_client: TestClient, body: bytes) -> None:
    resp = await tg_client.post(
        "/webhooks/telegram",
        data=body,
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"},
    )
    assert resp.status == 400


async def test_a_long_reply_is_split_on_line_boundaries(
    fake_telegram: FakeTelegram, tg_client: TestClient
) -> None:
    fake = fake_telegram
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
    tg_settings: Settings, fake_telegram: FakeTelegram
) -> None:
    import aiohttp

    from hotline.channels.telegram.channel import register_webhook

    fake = fake_telegram
    settings = replace(tg_settings, public_url="https://hotline.example.vn")
    async with aiohttp.ClientSession() as session:
        note = await register_webhook(settings, session)
    assert "https://hotline.example.vn/webhooks/telegram" in note
    [(_, params)] = [c for c in fake.calls if c[0] == "setWebhook"]
    assert params["url"] == "https://hotline.example.vn/webhooks/telegram"
    assert params["secret_token"] == SECRET

"""Two workers on one store: each platform reply is claimed before it is sent, so the fake
Telegram receives every reply once, in order, whichever worker's courier took it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.config import Settings
from hotline.web.app import create_app
from hotline.web.keys import HOTLINE, OUTBOX
from tests.support.fake_server import wait_for_count
from tests.support.fake_telegram import FakeTelegram, fake_telegram, settings_for

__all__ = ["fake_telegram"]  # the fixture, used by name
CHATS = [5560000 + n for n in range(12)]
PER_CHAT = 5


async def test_two_workers_send_each_platform_reply_once(
    aiohttp_client: Callable, settings: Settings, fake_telegram: FakeTelegram, tmp_path: Path
) -> None:
    shared = settings_for(settings, fake_telegram.base_url, tmp_path)
    first: TestClient = await aiohttp_client(create_app(shared))
    second: TestClient = await aiohttp_client(create_app(shared))
    replies = {
        chat: [
            OutboundMessage(ConversationKey("telegram", str(chat)), f"tin {n} cho {chat}")
            for n in range(PER_CHAT)
        ]
        for chat in CHATS
    }
    # Both workers store replies at once; both couriers poll the one store every 50 ms.
    await asyncio.gather(
        *(
            (first if i % 2 else second).app[OUTBOX].push(batch)
            for i, batch in enumerate(replies.values())
        )
    )
    for chat, batch in replies.items():
        await wait_for_count(lambda chat=chat: fake_telegram.sent_to(chat), len(batch))
    await asyncio.sleep(0.5)  # ten more polls of each courier: a second send would show now

    for chat, batch in replies.items():
        assert fake_telegram.texts_to(chat) == [r.text for r in batch], "once each, in order"
    assert fake_telegram.attempts == len(CHATS) * PER_CHAT
    conversations = first.app[HOTLINE].conversations
    for chat in CHATS:
        assert await conversations.pending(ConversationKey("telegram", str(chat))) == []

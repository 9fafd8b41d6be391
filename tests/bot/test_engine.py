"""Nothing lost, nothing doubled: redeliveries, restarts mid-report, unprocessed messages."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.config import Settings
from hotline.storage.open import open_storage
from hotline.web.app import create_app
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


async def test_a_redelivered_message_gets_one_reply_and_one_ticket(chat: RestChat, client) -> None:
    first = await chat.say("cho gặp tổng đài viên", message_id="platform-42")
    again = await chat.say("cho gặp tổng đài viên", message_id="platform-42")
    assert first == again
    assert len(await hotline_of(client).desk.store.list()) == 1
    transcript = await hotline_of(client).conversations.transcript(
        ConversationKey("rest", chat.sender)
    )
    assert [t["direction"] for t in transcript] == ["in", "out"]


async def test_a_restart_in_the_middle_of_a_report_continues_it(
    aiohttp_client: Callable, settings: Settings
) -> None:
    first = await aiohttp_client(create_app(settings))
    chat = RestChat(first, sender="restart-1")
    await chat.say("/report_violation")
    await chat.say("Cơ sở karaoke mở cửa trái phép, rất đông người")
    assert "ở đâu" in chat.text.lower()
    await first.close()

    second = await aiohttp_client(create_app(settings))
    chat = RestChat(second, sender="restart-1")
    await chat.say("phường Phú Hòa, Thủ Dầu Một")
    assert "khi nào" in chat.text
    await chat.press("Bỏ qua")
    await chat.press("Gửi ẩn danh")
    await chat.press("Gửi")
    ticket = await hotline_of(second).desk.store.get(chat.code())
    assert ticket is not None and "karaoke" in ticket.description and ticket.ward == "Phú Hòa"


async def test_a_message_stored_before_a_crash_is_answered_after_restart(
    aiohttp_client: Callable, settings: Settings
) -> None:
    storage = await open_storage(settings.store)
    store = await storage.conversations()
    key = ConversationKey("webchat", "crash-1")
    await store.record_inbound(
        InboundMessage(key, "frame-1", text="xin chào", received_at=datetime.now(UTC))
    )
    await storage.close()

    client = await aiohttp_client(create_app(settings))
    hotline = hotline_of(client)
    # The server listens at once and finishes what the last run left in the background.
    for _ in range(250):
        if not await hotline.conversations.unprocessed():
            break
        await asyncio.sleep(0.02)
    assert await hotline.conversations.unprocessed() == []
    pending = await hotline.conversations.pending(key)
    assert pending and "Tổng đài 1022" in pending[0].message.text

    async with client.ws_connect("/webchat/ws?sender=crash-1") as ws:
        frames = [await ws.receive_json(timeout=5) for _ in pending]
        assert [f["text"] for f in frames] == [p.message.text for p in pending]
        for _ in range(50):
            if not await hotline.conversations.pending(key):
                break
            await asyncio.sleep(0.02)
    assert await hotline.conversations.pending(key) == []


async def test_a_turn_that_fails_after_logging_a_question_writes_none(
    aiohttp_client: Callable, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No sweep during the test: it would answer the failed message and log its question.
    client = await aiohttp_client(create_app(replace(settings, sweep_seconds=3600)))
    router = hotline_of(client).engine.router
    handle = router.handle

    async def fails_after_the_dialog(*args: Any) -> Any:
        await handle(*args)  # the FAQ dialog asks the question (logged by the turn's write)
        raise RuntimeError("injected failure after the dialog")

    monkeypatch.setattr(router, "handle", fails_after_the_dialog)
    body = {"sender": "fails-asking", "message": "cách ly bao nhiêu ngày"}
    resp = await client.post("/webhooks/rest/webhook", json=body)
    assert resp.status >= 500
    questions = hotline_of(client).questions
    since = datetime.now(UTC) - timedelta(minutes=5)
    assert await questions.between(since, since + timedelta(minutes=10)) == []

    monkeypatch.undo()  # its retry (the sweep's) logs the question once
    assert await hotline_of(client).engine.recover() == 1
    assert len(await questions.between(since, since + timedelta(minutes=10))) == 1
    chat = RestChat(client, sender="asks-after")  # and the next turn logs its own
    await chat.say("cách ly bao nhiêu ngày")
    assert len(await questions.between(since, since + timedelta(minutes=10))) == 2


async def test_a_turn_that_leaves_the_state_as_it_was_saves_none(
    chat: RestChat, client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new sender's greeting leaves no dialog behind: no state to write (None to the store);
    a report started has a step to remember, and that state is written."""
    conversations = hotline_of(client).conversations
    saved: list[Any] = []
    commit_turn = conversations.commit_turn

    async def spy(message: InboundMessage, state: Any, *rest: Any, **named: Any) -> Any:
        saved.append(state)
        return await commit_turn(message, state, *rest, **named)

    monkeypatch.setattr(conversations, "commit_turn", spy)
    await chat.say("xin chào")
    await chat.say("/report_violation")
    assert saved[0] is None
    assert saved[1] is not None and saved[1].dialog is not None
    assert (await conversations.load(ConversationKey("rest", chat.sender))).dialog is not None


async def test_a_turn_that_only_clears_unreachable_still_writes_it(chat: RestChat, client) -> None:
    """Writing again makes a conversation reachable: that alone is a state to write, though the
    turn's dialog leaves the rest as it found it."""
    conversations = hotline_of(client).conversations
    key = ConversationKey("rest", chat.sender)
    await chat.say("xin chào")
    await conversations.save_state(replace(await conversations.load(key), unreachable="blocked"))
    await chat.say("xin chào")
    assert (await conversations.load(key)).unreachable is None

"""Reach the running hotline's parts from a test client, and wait for it to be quiet."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.config import Settings
from hotline.runtime import Hotline
from hotline.web.keys import HOTLINE


def hotline_of(client: TestClient) -> Hotline:
    return client.app[HOTLINE]  # type: ignore[index]


async def dialog_of(client: TestClient, sender: str) -> str | None:
    """The dialog a REST sender's conversation is in (None: between dialogs)."""
    state = await hotline_of(client).conversations.load(ConversationKey("rest", sender))
    return state.dialog


async def faq_answered(client: TestClient, replies: list[dict[str, Any]]) -> list[str]:
    """The published FAQ entries whose answers are among `replies` (a chat's last replies)."""
    entries = await hotline_of(client).faq.store.list(status="published")
    answers = {e.answer: e.id for e in entries}
    return [answers[r["text"]] for r in replies if r["text"] in answers]


async def unanswered(client: TestClient) -> list[str | None]:
    """The texts of the questions open in the admins' unanswered inbox, as the store lists them."""
    log = hotline_of(client).questions
    assert log is not None
    return [q.text for q in await log.open_unanswered()]


def platform_settings(settings: Settings, media_dir: Path, **credentials: Any) -> Settings:
    """Settings for a platform test: its credentials, photos kept under `media_dir`, and a
    courier that polls and backs off in fractions of a second."""
    return replace(
        settings,
        media_dir=str(media_dir),
        courier_poll_seconds=0.05,
        courier_backoff_seconds=0.05,
        **credentials,
    )


async def settled(client: TestClient, key: ConversationKey, within: float = 10.0) -> None:
    """Wait until every stored message is processed and no reply is pending for `key`.

    A turn marks its message processed and queues its replies in one transaction, so once this
    returns no reply to anything received so far is still to come.
    """
    conversations = hotline_of(client).conversations
    deadline = time.monotonic() + within
    while await conversations.unprocessed() or await conversations.pending(key):
        if time.monotonic() > deadline:
            raise AssertionError("the hotline did not settle")
        await asyncio.sleep(0.02)


async def settle_and_stop(client: TestClient, key: ConversationKey) -> None:
    """Settle, then stop the app: nothing can be sent after this, so what a fake counts is final.

    Read the store before calling this; it is closed with the app.
    """
    await settled(client, key)
    await client.close()

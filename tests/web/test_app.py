"""The app's wiring: which channels run, and what a restart builds from the store."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import timedelta

from aiohttp.test_utils import TestClient

from hotline.channels.delivery import Delivery
from hotline.channels.registry import every_channel
from hotline.config import Settings
from hotline.handoff.rules import CANNED, DEADLINES
from hotline.web.app import create_app
from hotline.web.keys import ADMIN_TOOLS, CASEWORK, CHANNELS, HOTLINE
from tests.support.office import filed


async def test_only_the_channels_whose_credentials_are_set_run(client: TestClient) -> None:
    assert set(client.app[CHANNELS]) == {"rest", "webchat"}
    assert (await client.post("/webhooks/telegram", json={})).status == 404
    assert (await client.get("/webhooks/rest/")).status == 200


def test_every_channel_is_named_once_and_delivers_one_way() -> None:
    names = [c.name for c in every_channel()]
    assert len(names) == len(set(names))
    assert {c.name for c in every_channel() if c.delivery is Delivery.HELD} == {"rest", "webchat"}


async def test_a_restart_starts_with_the_rules_admins_saved(
    aiohttp_client: Callable[..., Awaitable[TestClient]], settings: Settings
) -> None:
    settings = replace(settings, assign_every_seconds=3600.0, deadline_check_seconds=3600.0)
    first = await aiohttp_client(create_app(settings))
    rules = first.app[ADMIN_TOOLS].rules
    await rules.put(DEADLINES, {"other": {"hours": 2.5, "priority": "high"}}, "an")
    canned = [{"id": "chao", "title": "Chào hỏi", "text": "Xin chào.", "categories": []}]
    await rules.put(CANNED, canned, "an")
    before = await filed(first, category="other", source="rest:r-1")
    assert before.due_at - before.created_at != timedelta(hours=2, minutes=30)
    await first.close()

    second = await aiohttp_client(create_app(settings))
    assert second.app[HOTLINE].desk.policy.priority("other") == "high"
    ticket = await filed(second, category="other", source="rest:r-2")
    assert ticket.due_at - ticket.created_at == timedelta(hours=2, minutes=30)
    assert [c.id for c in second.app[CASEWORK].canned] == ["chao"]

"""Per-conversation and per-channel ticket quotas on the chat channels (issue 16)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of, unanswered

# Nothing in the FAQ answers it, so it goes to a health consultant (a ticket).
HEALTH_QUESTION = "con tôi 3 tuổi bị phát ban đỏ sau khi sốt, có cần đưa đi khám không"


async def test_a_chat_files_only_so_many_tickets_and_is_told_so_politely(
    aiohttp_client: Callable[..., Awaitable[TestClient]], settings: Settings
) -> None:
    limited = replace(settings, tickets_per_conversation=2, tickets_per_channel_per_minute=3)
    client = await aiohttp_client(create_app(limited))
    one = RestChat(client, sender="spam-1")
    for _ in range(2):
        await one.say("/request_human")
        assert "mã phản ánh" in one.text
    await one.say("/request_human")
    assert one.text == texts.TICKET_QUOTA
    # 20 new senders in a burst: the channel takes its minute's share, then refuses politely.
    others = [RestChat(client, sender=f"moi-{i}") for i in range(3)]
    await others[0].say("/request_human")
    assert "mã phản ánh" in others[0].text
    for chat in others[1:]:
        await chat.say("/request_human")
        assert chat.text == texts.TICKET_QUOTA
    assert len(await hotline_of(client).desk.store.list()) == 3
    metrics = await (await client.get("/metrics")).text()
    assert 'hotline_ticket_quota_refusals_total{channel="rest",limit="conversation"}' in metrics
    assert 'hotline_ticket_quota_refusals_total{channel="rest",limit="channel"}' in metrics


async def test_a_health_question_refused_a_ticket_is_still_logged_for_the_admins(
    aiohttp_client: Callable[..., Awaitable[TestClient]], settings: Settings
) -> None:
    client = await aiohttp_client(create_app(replace(settings, tickets_per_conversation=1)))
    chat = RestChat(client, sender="health-over-quota")
    await chat.say("/request_human")
    assert "mã phản ánh" in chat.text
    await chat.say(HEALTH_QUESTION)  # logged, then its ticket to the consultant is refused
    assert chat.text == texts.TICKET_QUOTA
    assert await unanswered(client) == [HEALTH_QUESTION]

"""A conversation an agent has taken: the bot is silent, the console sees each message live.

And before that: asking for a person tells the citizen whether someone is on duty, and if not,
by when the queued request will be handled.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs.texts import HUMAN_QUEUED, HUMAN_SOON
from hotline.bot.events import Event
from hotline.bot.messages import Attachment, ConversationKey, InboundMessage
from hotline.handoff.deadlines import local_time
from hotline.web.keys import EVENTS, PRESENCE, TAKEOVER
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of


def events_of(queue: object) -> list[Event]:
    import asyncio

    assert isinstance(queue, asyncio.Queue)
    return [queue.get_nowait() for _ in range(queue.qsize())]


async def test_nobody_online_the_citizen_learns_the_queue_and_the_deadline(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("cho tôi gặp tổng đài viên")

    ticket = await hotline_of(client).desk.store.get(chat.code())
    assert ticket is not None
    assert chat.text == HUMAN_QUEUED.format(code=ticket.code, due=local_time(ticket.due_at))
    assert "xếp hàng" in chat.text and local_time(ticket.due_at) in chat.text


async def test_someone_online_the_citizen_is_told_a_person_answers_shortly(
    chat: RestChat, client: TestClient
) -> None:
    with client.app[PRESENCE].on_duty("an"):
        await chat.say("/request_human")

    assert chat.text == HUMAN_SOON.format(code=chat.code())
    assert "ít phút" in chat.text and "xếp hàng" not in chat.text


async def test_taken_over_the_bot_is_silent_and_the_console_hears_the_citizen(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("/request_human")
    key = ConversationKey("rest", chat.sender)
    await client.app[TAKEOVER].take(key, "an")

    async with client.app[EVENTS].subscribe() as queue:
        replies = await chat.say("nhà tôi ở ấp 3, xã An Tây, có 4 người thiếu gạo")
        assert replies == []  # the bot stays silent; the agent answers
        heard = events_of(queue)

    assert [e.kind for e in heard] == ["citizen_message"]
    frame = heard[0].to_frame()
    assert frame["conversation"] == "rest:citizen-1"
    assert frame["text"] == "nhà tôi ở ấp 3, xã An Tây, có 4 người thiếu gạo"
    assert frame["attachments"] == []
    assert datetime.fromisoformat(frame["at"]).tzinfo is not None


async def test_photos_and_locations_reach_the_console(client: TestClient) -> None:
    key = ConversationKey("webchat", "citizen-photo")
    await client.app[TAKEOVER].take(key, "an")
    message = InboundMessage(
        key=key,
        message_id="m-1",
        attachments=(
            Attachment("photo", url="https://example.org/quan-karaoke.jpg", caption="quán"),
            Attachment("location", latitude=10.98, longitude=106.65),
        ),
        received_at=datetime(2026, 11, 28, 9, 30, tzinfo=UTC),
    )
    async with client.app[EVENTS].subscribe() as queue:
        assert await hotline_of(client).engine.handle(message) == []
        heard = events_of(queue)

    assert heard[0].data["attachments"] == [
        {"kind": "photo", "url": "https://example.org/quan-karaoke.jpg", "caption": "quán"},
        {"kind": "location", "latitude": 10.98, "longitude": 106.65},
    ]
    assert heard[0].data["at"] == "2026-11-28T09:30:00+00:00"


async def test_a_redelivered_message_is_shown_once(client: TestClient) -> None:
    key = ConversationKey("webchat", "citizen-twice")
    await client.app[TAKEOVER].take(key, "an")
    message = InboundMessage(key=key, message_id="same-id", text="alo")
    async with client.app[EVENTS].subscribe() as queue:
        await hotline_of(client).engine.handle(message)
        await hotline_of(client).engine.handle(message)
        heard = events_of(queue)
    assert [e.data["text"] for e in heard] == ["alo"]


async def test_handed_back_the_bot_answers_and_the_console_hears_nothing(
    chat: RestChat, client: TestClient
) -> None:
    key = ConversationKey("rest", chat.sender)
    await client.app[TAKEOVER].take(key, "an")
    await client.app[TAKEOVER].hand_back(key, "an")

    async with client.app[EVENTS].subscribe() as queue:
        replies = await chat.say("xin chào")
        heard = events_of(queue)

    assert replies and "Tổng đài 1022" in chat.text
    assert heard == []

"""The courier against a real SQLite outbox, a scripted platform and a clock the test turns."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.bot.conversation import OutboxItem
from hotline.bot.conversation_sqlite import SqliteConversationStore
from hotline.bot.courier import Backoff, Courier
from hotline.bot.events import EventBus
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.bot.outbox import Outbox
from hotline.bot.ratelimit import UNLIMITED, RateLimit
from hotline.channels.base import Channel
from hotline.channels.delivery import Delivery, DeliveryFailed, RecipientGone
from hotline.storage.sqlite import SqliteDatabase

KEY = ConversationKey("scripted", "citizen-1")


class ScriptedPlatform(Channel):
    """A platform whose answers the test writes in advance: an exception, or success."""

    name = "scripted"
    delivery = Delivery.COURIER
    limit: RateLimit = UNLIMITED

    def __init__(self) -> None:
        self.script: list[Exception] = []
        self.sent: list[str] = []
        self.tries: list[str] = []

    async def send(self, item: OutboxItem) -> bool:
        self.tries.append(item.message.text)
        if self.script:
            raise self.script.pop(0)
        self.sent.append(item.message.text)
        return True


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2021, 8, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteConversationStore]:
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/courier.db")
    yield await SqliteConversationStore.open(db)
    await db.close()


@pytest.fixture
def platform() -> ScriptedPlatform:
    return ScriptedPlatform()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def courier(store: SqliteConversationStore, platform: ScriptedPlatform, clock: Clock) -> Courier:
    return Courier(store, {"scripted": platform}, clock=clock, rand=lambda: 0.5)


async def _queue(store: SqliteConversationStore, *texts: str) -> list[OutboxItem]:
    return await store.queue([OutboundMessage(KEY, t) for t in texts])


def test_backoff_grows_is_capped_and_honours_retry_after() -> None:
    backoff = Backoff(base=1.0, factor=2.0, cap=60.0, jitter=0.25)
    assert backoff.delay(1, None, 0.0) == 1.0
    assert backoff.delay(3, None, 0.0) == 4.0
    assert backoff.delay(3, None, 1.0) == 5.0, "jitter adds up to a quarter"
    assert backoff.delay(20, None, 0.0) == 60.0
    assert backoff.delay(1, 30.0, 0.0) == 30.0, "the platform's retry_after wins"


async def test_a_network_error_is_retried_after_the_backoff(
    courier: Courier, store: SqliteConversationStore, platform: ScriptedPlatform, clock: Clock
) -> None:
    await _queue(store, "trả lời")
    platform.script = [DeliveryFailed("HTTP 500", 0.0)]
    await courier.send_due()
    assert platform.sent == [] and len(platform.tries) == 1
    [pending] = await store.pending(KEY)
    assert pending.attempts == 1

    clock.advance(1.0)  # the backoff is 1 s plus jitter (1.125 s here): not yet
    await courier.send_due()
    assert len(platform.tries) == 1
    clock.advance(0.2)
    await courier.send_due()
    assert platform.sent == ["trả lời"]
    assert await store.pending(KEY) == []
    await courier.send_due()
    assert platform.sent == ["trả lời"], "delivered once"


async def test_retry_after_is_honoured(
    courier: Courier, store: SqliteConversationStore, platform: ScriptedPlatform, clock: Clock
) -> None:
    await _queue(store, "trả lời")
    platform.script = [DeliveryFailed("429", 30.0)]
    await courier.send_due()
    clock.advance(29)
    await courier.send_due()
    assert platform.sent == []
    clock.advance(2)
    await courier.send_due()
    assert platform.sent == ["trả lời"]


async def test_a_later_reply_waits_behind_one_being_retried(
    courier: Courier, store: SqliteConversationStore, platform: ScriptedPlatform, clock: Clock
) -> None:
    await _queue(store, "một", "hai")
    platform.script = [DeliveryFailed("timeout", 0.0)]
    await courier.send_due()
    assert platform.tries == ["một"], "the second reply must not overtake the first"
    await courier.send_due()
    assert platform.tries == ["một"]
    clock.advance(5)
    await courier.send_due()
    assert platform.sent == ["một", "hai"]


async def test_a_citizen_who_left_is_not_retried_and_is_marked(
    courier: Courier, store: SqliteConversationStore, platform: ScriptedPlatform, clock: Clock
) -> None:
    await _queue(store, "một", "hai")
    platform.script = [RecipientGone("Forbidden: bot was blocked by the user")]
    await courier.send_due()
    assert platform.tries == ["một"], "the second is given up without trying"
    assert await store.pending(KEY) == []
    state = await store.load(KEY)
    assert state.unreachable == "Forbidden: bot was blocked by the user"

    await _queue(store, "ba")  # an agent writes later: not sent while they are gone
    clock.advance(3600)
    await courier.send_due()
    assert platform.tries == ["một"] and await store.pending(KEY) == []


async def test_a_bad_reply_is_dropped_but_the_conversation_goes_on(
    courier: Courier, store: SqliteConversationStore, platform: ScriptedPlatform
) -> None:
    await _queue(store, "hỏng", "tốt")
    platform.script = [DeliveryFailed("Bad Request: message is too long")]
    await courier.send_due()
    assert platform.sent == ["tốt"]
    assert (await store.load(KEY)).unreachable is None


async def test_it_gives_up_after_max_attempts(
    store: SqliteConversationStore, platform: ScriptedPlatform, clock: Clock
) -> None:
    courier = Courier(store, {"scripted": platform}, clock=clock, backoff=Backoff(max_attempts=3))
    await _queue(store, "trả lời")
    platform.script = [DeliveryFailed("HTTP 502", 0.0)] * 5
    for _ in range(5):
        await courier.send_due()
        clock.advance(3600)
    assert len(platform.tries) == 3
    assert await store.pending(KEY) == []


async def test_wake_sends_at_once_instead_of_at_the_next_poll(
    store: SqliteConversationStore, platform: ScriptedPlatform
) -> None:
    courier = Courier(store, {"scripted": platform}, poll_seconds=60)
    runner = asyncio.create_task(courier.run())
    await asyncio.sleep(0.05)  # the first pass found nothing; now it sleeps for a minute
    await _queue(store, "ngay")
    courier.wake()
    for _ in range(100):
        if platform.sent:
            break
        await asyncio.sleep(0.01)
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner
    assert platform.sent == ["ngay"]


async def test_the_outbox_leaves_a_platform_reply_to_the_courier_and_wakes_it(
    store: SqliteConversationStore, platform: ScriptedPlatform
) -> None:
    courier = Courier(store, {"scripted": platform}, poll_seconds=60)
    outbox = Outbox(store, {"scripted": platform}, EventBus(), courier.wake)
    [item] = await _queue(store, "x")
    assert await outbox.deliver([item]) == [item], "the courier sends it, not the Outbox"
    assert platform.tries == []

    runner = asyncio.create_task(courier.run())
    for _ in range(100):  # the first pass sends "x"; then it sleeps for a minute
        if platform.sent:
            break
        await asyncio.sleep(0.01)
    await outbox.push([OutboundMessage(KEY, "ngay")])
    for _ in range(100):
        if len(platform.sent) == 2:
            break
        await asyncio.sleep(0.01)
    runner.cancel()
    with pytest.raises(asyncio.CancelledError):
        await runner
    assert platform.sent == ["x", "ngay"], "woken by the push, not after the minute's poll"

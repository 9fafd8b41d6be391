"""Console events across workers: two buses on one store, each sees the other's events once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from hotline.bot.event_feed import EventRelay
from hotline.bot.events import Event, EventBus
from hotline.storage.base import Storage


async def test_the_feed_keeps_order_and_prunes(storage: Storage) -> None:
    feed = await storage.event_feed()
    assert await feed.latest() == 0
    await feed.append("a", Event("ticket", {"code": "PA-1"}))
    await feed.append("b", Event("citizen_message", {"text": "alo"}))
    entries = await feed.after(0)
    assert [(origin, e.kind, e.data) for _, origin, e in entries] == [
        ("a", "ticket", {"code": "PA-1"}),
        ("b", "citizen_message", {"text": "alo"}),
    ]
    assert await feed.after(entries[0][0]) == entries[1:]
    assert await feed.latest() == entries[-1][0]
    await feed.prune(datetime.now(UTC) - timedelta(hours=1))  # nothing that old
    assert len(await feed.after(0)) == 2


async def next_event(queue: asyncio.Queue[Event]) -> Event:
    return await asyncio.wait_for(queue.get(), timeout=5)


async def test_an_event_on_one_worker_reaches_the_other_once(storage: Storage) -> None:
    first, second = EventBus(), EventBus()
    relays = [EventRelay(await storage.event_feed(), bus, 0.02) for bus in (first, second)]
    tasks = [asyncio.create_task(relay.run()) for relay in relays]
    try:
        async with first.subscribe() as on_first, second.subscribe() as on_second:
            await asyncio.sleep(0.1)  # both relays are listening
            first.publish(Event("citizen_message", {"text": "cứu với"}))
            assert (await next_event(on_first)).data == {"text": "cứu với"}  # its own, directly
            assert (await next_event(on_second)).data == {"text": "cứu với"}  # through the store
            second.publish(Event("ticket", {"code": "PA-2"}))
            assert (await next_event(on_second)).kind == "ticket"
            assert (await next_event(on_first)).kind == "ticket"
            await asyncio.sleep(0.3)  # nothing echoes back and forth
            assert on_first.empty() and on_second.empty()
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    assert len(await (await storage.event_feed()).after(0)) == 2

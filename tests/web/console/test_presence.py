"""Who is on duty: open console sockets counted per person, announced on the bus."""

from __future__ import annotations

import asyncio

from hotline.bot.events import Event, EventBus
from hotline.web.console.presence import STALE, Presence


async def test_a_person_is_online_while_any_of_their_consoles_is_open() -> None:
    bus = EventBus()
    presence = Presence(bus)
    async with bus.subscribe() as queue:
        with presence.on_duty("an"):
            assert presence.anyone_online() and presence.online() == {"an"}
            with presence.on_duty("an"), presence.on_duty("binh"):
                assert presence.online() == {"an", "binh"}
            assert presence.online() == {"an"}  # a's second tab closed, the first is open
        assert not presence.anyone_online() and presence.online() == frozenset()
        announced = [queue.get_nowait().data["online"] for _ in range(queue.qsize())]
    assert announced == [["an"], ["an", "binh"], ["an"], []]


async def test_leaving_is_counted_even_when_the_socket_fails() -> None:
    presence = Presence()
    try:
        with presence.on_duty("an"):
            raise ConnectionResetError
    except ConnectionResetError:
        pass
    assert not presence.anyone_online()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_an_agent_on_duty_with_another_worker_counts_until_that_worker_falls_silent() -> None:
    clock = Clock()
    here_bus, there_bus = EventBus(), EventBus()
    here, there = Presence(here_bus, clock), Presence(there_bus, clock)
    async with there_bus.subscribe() as relayed:  # what the relay carries to this worker
        with there.on_duty("lan"):
            here.heard(relayed.get_nowait())
            assert here.online() == {"lan"} and here.anyone_online()
            with here.on_duty("an"):
                assert here.online() == {"an", "lan"}
            clock.now += STALE + 1  # no announcement from there for too long: it died
            assert not here.anyone_online()
        here.heard(relayed.get_nowait())  # lan went off duty: there says so
        assert here.online() == frozenset()
    here.heard(Event("presence", {"online": ["x"], "here": ["x"], "worker": here.worker}))
    assert here.online() == frozenset()  # its own announcements, relayed back, change nothing


async def test_a_worker_with_someone_on_duty_keeps_announcing_it() -> None:
    bus = EventBus()
    presence = Presence(bus)
    following = asyncio.create_task(presence.follow(heartbeat=0.05))
    try:
        async with bus.subscribe() as queue:
            with presence.on_duty("lan"):
                beats = [await asyncio.wait_for(queue.get(), 5) for _ in range(3)]
    finally:
        following.cancel()
    assert all(e.data["here"] == ["lan"] and e.data["worker"] == presence.worker for e in beats)

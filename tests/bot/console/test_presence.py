"""Who is on duty: open console sockets counted per person, announced on the bus."""

from __future__ import annotations

from bot.console.presence import Presence
from bot.events import EventBus


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

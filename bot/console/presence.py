"""Who is on duty: the people with an open agent console, so the bot knows if anyone can answer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from bot.events import Event, EventBus


class Presence:
    """Counts open console sockets per person: with two tabs open, one leaves once both close."""

    def __init__(self, events: EventBus | None = None) -> None:
        self._sockets: Counter[str] = Counter()
        self._events = events

    @contextmanager
    def on_duty(self, name: str) -> Iterator[None]:
        """For as long as the block lasts, `name` counts as online."""
        first = self._sockets[name] == 0
        self._sockets[name] += 1
        if first:
            self._announce()
        try:
            yield
        finally:
            self._sockets[name] -= 1
            if self._sockets[name] <= 0:
                del self._sockets[name]
                self._announce()

    def online(self) -> frozenset[str]:
        return frozenset(self._sockets)

    def anyone_online(self) -> bool:
        return bool(self._sockets)

    def _announce(self) -> None:
        if self._events is not None:
            self._events.publish(Event("presence", {"online": sorted(self._sockets)}))

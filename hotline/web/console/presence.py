"""Who is on duty: the people with an open agent console, so the bot knows if anyone can answer.

With several workers, an agent's console is connected to one of them while a citizen asking for
a person may reach another. Each worker announces who is on duty with it ("presence" events,
carried to the other workers by the event relay) when that changes and every HEARTBEAT seconds;
each worker counts the others' announcements until they are STALE (a worker that died).
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from hotline.bot.events import Event, EventBus
from hotline.bot.waits import at_most

HEARTBEAT = 15.0  # seconds between a worker's announcements while someone is on duty there
STALE = 3 * HEARTBEAT  # another worker's announcement counts this long


class Presence:
    """Counts open console sockets per person: with two tabs open, one leaves once both close."""

    def __init__(
        self, events: EventBus | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._sockets: Counter[str] = Counter()
        self._events = events
        self._clock = clock
        self.worker = uuid.uuid4().hex
        self._elsewhere: dict[str, tuple[frozenset[str], float]] = {}  # worker: names, when

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
        """Everyone on duty with this worker or, as last heard, with another."""
        now = self._clock()
        names = set(self._sockets)
        for there, heard_at in self._elsewhere.values():
            if now - heard_at < STALE:
                names |= there
        return frozenset(names)

    def anyone_online(self) -> bool:
        return bool(self.online())

    def heard(self, event: Event) -> None:
        """Take in another worker's announcement (any other event is ignored)."""
        worker, there = event.data.get("worker"), event.data.get("here")
        if event.kind != "presence" or worker in (None, self.worker) or not isinstance(there, list):
            return
        self._elsewhere[str(worker)] = (frozenset(map(str, there)), self._clock())

    async def follow(self, heartbeat: float = HEARTBEAT) -> None:
        """Forever: hear the other workers, and announce who is here every `heartbeat` seconds."""
        if self._events is None:
            return
        async with self._events.subscribe() as news:
            beat = self._clock() + heartbeat
            while True:
                event = await at_most(max(0.0, beat - self._clock()), news.get())
                if event is not None:
                    self.heard(event)
                    continue
                if self._sockets:
                    self._announce()
                beat = self._clock() + heartbeat

    def _announce(self) -> None:
        if self._events is not None:
            here = sorted(self._sockets)
            online = sorted(self.online())
            self._events.publish(
                Event("presence", {"online": online, "here": here, "worker": self.worker})
            )

"""Live events for the agent console: citizens' messages, ticket changes, deadline alerts.

In-process publish/subscribe; each subscriber has its own bounded queue, so a slow console
cannot hold up the bot (it loses the oldest events and reloads what it needs).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    kind: str  # e.g. "citizen_message", "agent_message", "ticket", "deadline_warning"
    data: dict[str, Any] = field(default_factory=dict)

    def to_frame(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.data}


class EventBus:
    def __init__(self, queue_size: int = 1000) -> None:
        self._queues: set[asyncio.Queue[Event]] = set()
        self._queue_size = queue_size

    def publish(self, event: Event) -> None:
        for queue in self._queues:
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)

    @asynccontextmanager
    async def subscribe(self) -> AsyncIterator[asyncio.Queue[Event]]:
        queue: asyncio.Queue[Event] = asyncio.Queue(self._queue_size)
        self._queues.add(queue)
        try:
            yield queue
        finally:
            self._queues.discard(queue)

    def __len__(self) -> int:
        return len(self._queues)

"""Conversation leases: one worker at a time runs a conversation's turns, across processes.

The engine's asyncio lock orders turns inside one process. With several workers on one store,
a platform's redelivery or a citizen's next message can reach another worker while the first
is mid-turn; the lease (a row or document per conversation with a holder and an expiry) makes
the second wait. It then finds the turn done (the message has its replies) and answers with
those.

A process alone on its store (SQLite, HOTLINE_SHARE_EVENTS not "on") takes no leases: the
engine is given none, and its asyncio lock orders the turns.

A lease is held under the worker's id and renewed while the turn runs, so it can be short: a
worker that dies mid-turn holds the others up for at most `LEASE`. A worker restarted under the
same id (`hotline serve` uses host:port) takes its own leases back at once: inside one process the
asyncio lock already orders the turns.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import Protocol

from hotline.bot.messages import ConversationKey

LEASE = timedelta(seconds=15)  # renewed every third of it while the turn runs
POLL_SECONDS = 0.05


def new_worker_id() -> str:
    """An id for a worker that is never restarted under the same name (tests, tools)."""
    return uuid.uuid4().hex


class ConversationLeases(Protocol):
    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        """Take the lease if nobody holds it, its holder's time is up or `holder` holds it
        already (then its time is extended)."""
        ...

    async def give_back(self, key: ConversationKey, holder: str) -> None: ...


@asynccontextmanager
async def leased(
    leases: ConversationLeases, key: ConversationKey, holder: str
) -> AsyncIterator[None]:
    """Hold a conversation's lease for the block, waiting (polling) while another worker has it,
    renewing it while the block runs."""
    # Polling, not an Event: the holder may be another process.
    while not await leases.take(key, holder, datetime.now(UTC) + LEASE):  # noqa: ASYNC110
        await asyncio.sleep(POLL_SECONDS)
    renewing = asyncio.create_task(_renew(leases, key, holder))
    try:
        yield
    finally:
        renewing.cancel()
        with suppress(asyncio.CancelledError):
            await renewing
        await leases.give_back(key, holder)


async def _renew(leases: ConversationLeases, key: ConversationKey, holder: str) -> None:
    while True:
        await asyncio.sleep(LEASE.total_seconds() / 3)
        await leases.take(key, holder, datetime.now(UTC) + LEASE)

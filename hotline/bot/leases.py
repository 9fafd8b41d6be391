"""Conversation leases: one worker at a time runs a conversation's turns, across processes.

The engine's asyncio lock orders turns inside one process. With several workers on one store,
a platform's redelivery or a citizen's next message can reach another worker while the first
is mid-turn; the lease (a row or document per conversation with a holder and an expiry) makes
the second wait. It then finds the turn done (the message has its replies) and answers with
those. A lease expires so that a worker that dies mid-turn holds nobody up for long.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Protocol

from hotline.bot.messages import ConversationKey

LEASE = timedelta(seconds=60)  # longer than any turn: the NLU and the store have timeouts
POLL_SECONDS = 0.05


class ConversationLeases(Protocol):
    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        """Take the lease if nobody holds it or its holder's time is up."""
        ...

    async def give_back(self, key: ConversationKey, holder: str) -> None: ...


class NoLeases:
    """One process alone: its in-process lock is enough."""

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        return True

    async def give_back(self, key: ConversationKey, holder: str) -> None:
        return None


@asynccontextmanager
async def leased(leases: ConversationLeases, key: ConversationKey) -> AsyncIterator[None]:
    """Hold a conversation's lease for the block, waiting (polling) while another worker has it."""
    holder = uuid.uuid4().hex
    # Polling, not an Event: the holder may be another process.
    while not await leases.take(key, holder, datetime.now(UTC) + LEASE):  # noqa: ASYNC110
        await asyncio.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        await leases.give_back(key, holder)

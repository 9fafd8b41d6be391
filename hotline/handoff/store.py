"""The ticket store interface; back ends keep tickets as documents."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hotline.handoff.tickets import Ticket


class CodeTaken(Exception):
    """A new ticket's code is already in use (a one-in-a-trillion draw); draw another."""


@dataclass(frozen=True)
class TicketQuery:
    """Which tickets a queue shows; every field left empty matches all."""

    statuses: tuple[str, ...] = ()
    category: str | None = None
    channel: str | None = None  # filed from this channel's chats
    district: str | None = None
    ward: str | None = None
    team: str | None = None
    assignee: str | None = None
    unassigned: bool = False
    forwarded_to: str | None = None  # an agency: only what was sent to it
    overdue_at: datetime | None = None  # open tickets whose deadline is before this moment
    created_from: datetime | None = None  # filed at or after this moment
    created_until: datetime | None = None  # filed before this moment
    limit: int = 200


class TicketStore(Protocol):
    async def insert(self, ticket: Ticket) -> Ticket:
        """Store a new ticket; if one exists with the same source_key, return that one instead."""
        ...

    async def get(self, code: str) -> Ticket | None: ...

    async def save(self, ticket: Ticket) -> None:
        """Replace an existing ticket (same code) with this version."""
        ...

    async def replace(self, ticket: Ticket, seen: Ticket) -> bool:
        """Compare and set: store `ticket` only if the stored one is still `seen`'s version.

        False when someone else changed it first; the caller reads it again and decides.
        """
        ...

    async def for_conversation(self, channel: str, sender: str) -> list[Ticket]:
        """The tickets filed from one conversation, newest first."""
        ...

    async def list(self, status: str | None = None, limit: int = 100) -> list[Ticket]:
        """Tickets ordered by deadline, soonest first."""
        ...

    async def find(self, query: TicketQuery) -> builtins.list[Ticket]:
        """Tickets matching a query: open ones first, each group by deadline, soonest first."""
        ...

    async def count(self, query: TicketQuery) -> int:
        """How many tickets match a query, counted up to `query.limit` (no ticket is read)."""
        ...

    async def close(self) -> None: ...

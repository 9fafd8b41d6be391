"""The ticket store interface; back ends keep tickets as documents."""

from __future__ import annotations

from typing import Protocol

from handoff.tickets import Ticket


class CodeTaken(Exception):
    """A new ticket's code is already in use (a one-in-a-trillion draw); draw another."""


class TicketStore(Protocol):
    async def insert(self, ticket: Ticket) -> Ticket:
        """Store a new ticket; if one exists with the same source_key, return that one instead."""
        ...

    async def get(self, code: str) -> Ticket | None: ...

    async def save(self, ticket: Ticket) -> None:
        """Replace an existing ticket (same code) with this version."""
        ...

    async def for_conversation(self, channel: str, sender: str) -> list[Ticket]:
        """The tickets filed from one conversation, newest first."""
        ...

    async def list(self, status: str | None = None, limit: int = 100) -> list[Ticket]:
        """Tickets ordered by deadline, soonest first."""
        ...

    async def close(self) -> None: ...

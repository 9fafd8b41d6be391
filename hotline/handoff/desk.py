"""The ticket desk: files tickets with a code and a deadline, and answers lookups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from hotline.clock import utc_now
from hotline.handoff.codes import new_code
from hotline.handoff.deadlines import DeadlinePolicy
from hotline.handoff.routing import DEFAULT_TEAM, Route, Routing
from hotline.handoff.store import CodeTaken, TicketStore
from hotline.handoff.tickets import Reporter, Ticket, TicketDraft, TicketEvent, TicketStatus

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Place:
    """Where and how to reach the citizen, as added after filing; empty fields stay empty."""

    ward: str | None = None
    district: str | None = None
    address: str | None = None
    phone: str | None = None

    def filling(self, ticket: Ticket) -> dict[str, Any]:
        """The ticket's fields this fills: only those the ticket does not have yet."""
        changes: dict[str, Any] = {}
        if not (ticket.ward or ticket.district) and (self.ward or self.district):
            changes.update(ward=self.ward, district=self.district)
        if self.address and not ticket.address:
            changes["address"] = self.address
        if self.phone and not (ticket.reporter and ticket.reporter.phone):
            reporter = ticket.reporter or Reporter()
            changes["reporter"] = replace(reporter, phone=self.phone)
        return changes


class TicketDesk:
    def __init__(
        self,
        store: TicketStore,
        policy: DeadlinePolicy | None = None,
        clock: Clock = utc_now,
        routing: Routing | None = None,
    ) -> None:
        self.store = store
        self.policy = policy or DeadlinePolicy()
        self.clock = clock
        self.routing = routing
        # Called with each newly filed ticket (the console's live queue listens here).
        self.listeners: list[Callable[[Ticket], None]] = []
        # Called when a citizen adds details to a filed ticket (an emergency's address).
        self.detail_listeners: list[Callable[[Ticket], None]] = []

    async def file(self, draft: TicketDraft, actor: str = "bot") -> Ticket:
        """File a ticket, routed to its team and agencies; the same draft twice gives one ticket."""
        received = draft.received_at or self.clock()
        route = Route(DEFAULT_TEAM, ())
        if self.routing is not None:
            route = await self.routing.route(draft.category, draft.district, draft.ward)
        for _ in range(5):
            ticket = Ticket(
                **draft.reported(),
                code=new_code(),
                priority=self.policy.priority(draft.category),
                status=TicketStatus.NEW,
                created_at=received,
                due_at=self.policy.due_at(draft.category, received),
                history=(
                    TicketEvent(at=received, actor=actor, action="filed", status=TicketStatus.NEW),
                ),
                team=route.team,
                agencies=route.agencies,
            )
            try:
                stored = await self.store.insert(ticket)
            except CodeTaken:
                continue
            if stored is ticket:  # new, not a replay of a filed draft
                for listener in self.listeners:
                    listener(stored)
            return stored
        raise RuntimeError("could not draw a free ticket code")

    async def add_details(
        self, code: str, note: str, actor: str = "citizen", place: Place | None = None
    ) -> Ticket | None:
        """Append what the citizen added after filing (an address, a phone) to the ticket; the
        place and phone found in it fill the ticket's own fields where they are still empty."""
        while True:  # compare-and-set, so an agent's change made meanwhile is kept
            ticket = await self.store.get(code)
            if ticket is None:
                return None
            event = TicketEvent(at=self.clock(), actor=actor, action="details", note=note or None)
            changes = place.filling(ticket) if place is not None else {}
            if note:
                changes["description"] = f"{ticket.description}\n{note}"
            updated = ticket.with_event(event, **changes)
            if await self.store.replace(updated, ticket):
                for listener in self.detail_listeners:
                    listener(updated)
                return updated

    async def lookup_for_reporter(self, code: str, channel: str, sender: str) -> Ticket | None:
        """A ticket by code, only for the conversation that filed it."""
        ticket = await self.store.get(code)
        if ticket is None or (ticket.channel, ticket.sender) != (channel, sender):
            return None
        return ticket

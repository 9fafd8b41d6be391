"""The ticket desk: files tickets with a code and a deadline, and answers lookups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from handoff.codes import new_code
from handoff.deadlines import DeadlinePolicy
from handoff.store import CodeTaken, TicketStore
from handoff.tickets import Ticket, TicketDraft, TicketEvent

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class TicketDesk:
    def __init__(
        self,
        store: TicketStore,
        policy: DeadlinePolicy | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.store = store
        self.policy = policy or DeadlinePolicy()
        self.clock = clock

    async def file(self, draft: TicketDraft) -> Ticket:
        """File a ticket; filing the same draft twice (same source_key) gives the same ticket."""
        received = draft.received_at or self.clock()
        for _ in range(5):
            ticket = Ticket(
                code=new_code(),
                category=draft.category,
                priority=self.policy.priority(draft.category),
                status="new",
                description=draft.description,
                channel=draft.channel,
                sender=draft.sender,
                source_key=draft.source_key,
                created_at=received,
                due_at=self.policy.due_at(draft.category, received),
                district=draft.district,
                ward=draft.ward,
                address=draft.address,
                occurred_at=draft.occurred_at,
                evidence=draft.evidence,
                reporter=draft.reporter,
                history=(TicketEvent(at=received, actor="bot", action="filed", status="new"),),
            )
            try:
                return await self.store.insert(ticket)
            except CodeTaken:
                continue
        raise RuntimeError("could not draw a free ticket code")

    async def add_details(self, code: str, note: str, actor: str = "citizen") -> Ticket | None:
        """Append what the citizen added after filing (an address, a phone) to the ticket."""
        ticket = await self.store.get(code)
        if ticket is None:
            return None
        event = TicketEvent(at=self.clock(), actor=actor, action="details", note=note)
        updated = ticket.with_event(event, description=f"{ticket.description}\n{note}")
        await self.store.save(updated)
        return updated

    async def lookup_for_reporter(self, code: str, channel: str, sender: str) -> Ticket | None:
        """A ticket by code, only for the conversation that filed it."""
        ticket = await self.store.get(code)
        if ticket is None or (ticket.channel, ticket.sender) != (channel, sender):
            return None
        return ticket

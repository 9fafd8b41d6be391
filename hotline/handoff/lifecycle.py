"""The ticket lifecycle: new → assigned → in_progress → forwarded → resolved → closed, and reopen.

Every change is a TicketEvent (who, when, what, a note) and is written with a compare-and-set on
the ticket's version, so two agents claiming at once cannot both win: the second one re-reads the
ticket, finds it taken and is told so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from hotline.clock import utc_now
from hotline.handoff.store import TicketStore
from hotline.handoff.tickets import OPEN_STATUSES, Ticket, TicketEvent, TicketStatus

Clock = Callable[[], datetime]
Listener = Callable[[Ticket], None]

# Short names for the transitions table and the edits below.
NEW, ASSIGNED, IN_PROGRESS = TicketStatus.NEW, TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS
FORWARDED, RESOLVED, CLOSED = TicketStatus.FORWARDED, TicketStatus.RESOLVED, TicketStatus.CLOSED
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    NEW: frozenset({ASSIGNED, FORWARDED, RESOLVED}),
    ASSIGNED: frozenset({IN_PROGRESS, FORWARDED, RESOLVED}),
    IN_PROGRESS: frozenset({FORWARDED, RESOLVED}),
    FORWARDED: frozenset({IN_PROGRESS, RESOLVED}),
    RESOLVED: frozenset({CLOSED, IN_PROGRESS}),
    CLOSED: frozenset({IN_PROGRESS}),
}
# A claim takes a ticket that is not finished yet; it does not move a ticket already under way.
CLAIMABLE = OPEN_STATUSES
_TRIES = 20


class LifecycleError(Exception):
    """A change the ticket's state does not allow."""


class TicketNotFound(LifecycleError):
    pass


class NotAllowed(LifecycleError):
    """The transition is not in the lifecycle (e.g. closed → forwarded)."""


class Refused(NotAllowed):
    """A refusal worded for the staff member who asked, in Vietnamese, shown as it is."""


class AlreadyTaken(LifecycleError):
    """Another agent holds the ticket."""

    def __init__(self, code: str, assignee: str) -> None:
        super().__init__(f"{code} is held by {assignee}")
        self.assignee = assignee


class Lifecycle:
    def __init__(self, store: TicketStore, clock: Clock = utc_now) -> None:
        self.store = store
        self.clock = clock
        self.listeners: list[Listener] = []

    async def change(self, code: str, edit: Callable[[Ticket, datetime], Ticket]) -> Ticket:
        """Read, edit, compare-and-set; on a lost race read again and let `edit` decide anew."""
        for _ in range(_TRIES):
            seen = await self.store.get(code)
            if seen is None:
                raise TicketNotFound(code)
            changed = edit(seen, self.clock())
            if changed is seen:
                return seen
            if await self.store.replace(changed, seen):
                for listener in self.listeners:
                    listener(changed)
                return changed
        raise LifecycleError(f"{code} keeps changing under us; try again")

    async def claim(self, code: str, agent: str) -> Ticket:
        """The agent takes the ticket; if another agent has it, AlreadyTaken."""

        def edit(t: Ticket, now: datetime) -> Ticket:
            if t.assignee == agent:
                return t
            if t.assignee is not None:
                raise AlreadyTaken(code, t.assignee)
            if t.status not in CLAIMABLE:
                raise NotAllowed(f"a {t.status} ticket cannot be claimed")
            status = ASSIGNED if t.status == NEW else t.status
            event = TicketEvent(at=now, actor=agent, action="claimed", status=status)
            return t.with_event(event, assignee=agent, status=status)

        return await self.change(code, edit)

    async def assign(self, code: str, agent: str, actor: str = "auto") -> Ticket:
        """Give a new, unassigned ticket to an agent (automatic assignment); AlreadyTaken if not."""

        def edit(t: Ticket, now: datetime) -> Ticket:
            if t.assignee is not None:
                raise AlreadyTaken(code, t.assignee)
            if t.status != NEW:
                raise NotAllowed(f"only new tickets are assigned, this one is {t.status}")
            event = TicketEvent(at=now, actor=actor, action="assigned", status=ASSIGNED)
            return t.with_event(event, assignee=agent, status=ASSIGNED)

        return await self.change(code, edit)

    async def transfer(self, code: str, to: str, actor: str, note: str | None = None) -> Ticket:
        def edit(t: Ticket, now: datetime) -> Ticket:
            if not t.is_open:
                raise NotAllowed(f"a {t.status} ticket cannot be transferred")
            status = ASSIGNED if t.status == NEW else t.status
            event = TicketEvent(
                at=now, actor=actor, action="transferred", status=status, note=_to(to, note)
            )
            return t.with_event(event, assignee=to, status=status)

        return await self.change(code, edit)

    async def set_status(
        self, code: str, status: TicketStatus | str, actor: str, note: str | None = None
    ) -> Ticket:
        """Move along the lifecycle; a resolution's note is the answer the citizen is told."""

        def edit(t: Ticket, now: datetime) -> Ticket:
            if status not in TRANSITIONS.get(t.status, frozenset()):
                raise NotAllowed(f"{t.status} → {status} is not a step of the lifecycle")
            to = TicketStatus(status)
            reopening = not t.status.is_open and to == IN_PROGRESS
            action = "reopened" if reopening else to.value
            events = [TicketEvent(at=now, actor=actor, action=action, status=to, note=note)]
            if to == RESOLVED and note:
                events.append(TicketEvent(at=now, actor=actor, action="answer", note=note))
            assignee = t.assignee or (actor if to == IN_PROGRESS else None)
            return replace(t, history=(*t.history, *events), status=to, assignee=assignee)

        return await self.change(code, edit)

    async def forwarded(
        self, code: str, agencies: tuple[str, ...], actor: str, note: str | None = None
    ) -> Ticket:
        """Record that the report went to these agencies; their staff may see it from now on."""

        def edit(t: Ticket, now: datetime) -> Ticket:
            if not t.status.is_open:
                raise NotAllowed(f"a {t.status} ticket cannot be forwarded")
            sent = tuple(dict.fromkeys((*t.forwarded_to, *agencies)))
            event = TicketEvent(
                at=now,
                actor=actor,
                action="forwarded",
                status=FORWARDED,
                note=note or ", ".join(agencies),
            )
            return t.with_event(event, status=FORWARDED, forwarded_to=sent)

        return await self.change(code, edit)

    async def note(self, code: str, actor: str, text: str) -> Ticket:
        """An internal note: for the people working the ticket, never for the citizen."""

        def edit(t: Ticket, now: datetime) -> Ticket:
            return t.with_event(TicketEvent(at=now, actor=actor, action="note", note=text))

        return await self.change(code, edit)


def _to(to: str, note: str | None) -> str:
    return f"→ {to}: {note}" if note else f"→ {to}"

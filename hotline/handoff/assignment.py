"""Automatic assignment: new tickets go to online agents of the right team, in turn, up to a limit.

Manual claims and transfers go through the lifecycle directly; both meet at the same
compare-and-set, so an automatic assignment never overrides an agent's claim.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from typing import Protocol

from hotline.handoff.lifecycle import Lifecycle, LifecycleError
from hotline.handoff.routing import DEFAULT_TEAM
from hotline.handoff.store import TicketQuery, TicketStore
from hotline.handoff.tickets import Ticket, TicketStatus
from hotline.handoff.user_store import UserStore
from hotline.handoff.users import Role

# Tickets an agent is working on; forwarded ones wait on an agency and do not count.
WORKING = (TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS)
ASSIGNABLE_ROLES = (Role.AGENT, Role.SUPERVISOR)


class Roster(Protocol):
    """Who is on duty now (the console's presence, recent activity, ...)."""

    def online(self) -> Collection[str]: ...


class ActivityRoster:
    """People who used the console or the API within the last `window`."""

    def __init__(
        self,
        window: timedelta = timedelta(minutes=2),
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.window = window
        self.clock = clock
        self._last: dict[str, datetime] = {}

    def saw(self, name: str) -> None:
        self._last[name] = self.clock()

    def online(self) -> frozenset[str]:
        since = self.clock() - self.window
        return frozenset(n for n, at in self._last.items() if at >= since)

    def anyone_online(self) -> bool:
        return bool(self.online())


class Assigner:
    def __init__(
        self,
        tickets: TicketStore,
        lifecycle: Lifecycle,
        users: UserStore,
        roster: Roster,
        limit: int = 5,
    ) -> None:
        self.tickets = tickets
        self.lifecycle = lifecycle
        self.users = users
        self.roster = roster
        self.limit = limit
        self._last: dict[str, str] = {}  # team → the agent who got the last ticket

    async def assign_waiting(self) -> list[Ticket]:
        """Assign new unassigned tickets, soonest deadline first; returns what was assigned."""
        waiting = await self.tickets.find(
            TicketQuery(statuses=(TicketStatus.NEW,), unassigned=True)
        )
        if not waiting:
            return []
        online = set(self.roster.online())
        people = [
            u
            for u in await self.users.list()
            if u.name in online and u.active and u.role in ASSIGNABLE_ROLES
        ]
        loads = {u.name: await self._load(u.name) for u in people}
        assigned: list[Ticket] = []
        for ticket in waiting:
            team = ticket.team or DEFAULT_TEAM
            free = sorted(u.name for u in people if u.team == team and loads[u.name] < self.limit)
            if not free:
                continue
            agent = _next_in_turn(free, self._last.get(team))
            try:
                assigned.append(await self.lifecycle.assign(ticket.code, agent))
            except LifecycleError:
                continue  # claimed by hand meanwhile: nothing to do
            loads[agent] += 1
            self._last[team] = agent
        return assigned

    async def _load(self, name: str) -> int:
        query = TicketQuery(statuses=WORKING, assignee=name, limit=self.limit + 1)
        return len(await self.tickets.find(query))


def _next_in_turn(names: list[str], last: str | None) -> str:
    """Round robin over sorted names: the first after the last one served."""
    if last is not None:
        for name in names:
            if name > last:
                return name
    return names[0]

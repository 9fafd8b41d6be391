from collections.abc import Collection

from hotline.handoff.accounts import Accounts
from hotline.handoff.assignment import ActivityRoster, Assigner
from hotline.handoff.desk import TicketDesk
from hotline.handoff.lifecycle import Lifecycle
from hotline.handoff.user_store import UserStore
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import Clock, draft


class OnDuty:
    def __init__(self, *names: str) -> None:
        self.names = set(names)

    def online(self) -> Collection[str]:
        return self.names


async def people(storage: SqliteStorage) -> UserStore:
    users = await storage.users()
    accounts = Accounts(users)
    for name, role, team in [
        ("an", "agent", None),
        ("binh", "agent", None),
        ("chi", "agent", None),
        ("dung", "agent", "health"),
        ("giang", "supervisor", None),
    ]:
        await accounts.add_user(name, role, "mat-khau-dai", team)
    return users


async def test_round_robin_among_online_agents_of_the_team_up_to_a_limit(
    storage: SqliteStorage, desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    users = await people(storage)
    roster = OnDuty("an", "binh", "dung", "giang")  # chi is not at the console
    assigner = Assigner(desk.store, lifecycle, users, roster, limit=2)
    for i in range(6):
        await desk.file(draft("violation", source=f"rest:v{i}"))
    await desk.file(draft("contact_tip", source="rest:tip"))
    await desk.file(draft("emergency", source="rest:sos"))

    assigned = await assigner.assign_waiting()

    by_agent: dict[str, list[str]] = {}
    for ticket in assigned:
        by_agent.setdefault(ticket.assignee or "", []).append(ticket.category)
    assert by_agent == {
        "an": ["violation", "violation"],
        "binh": ["violation", "violation"],
        "dung": ["contact_tip"],
        "giang": ["emergency"],
    }
    # The emergency (soonest deadline) went first; two violations wait for room.
    assert assigned[0].category == "emergency"
    waiting = [t for t in await desk.store.list() if t.assignee is None]
    assert len(waiting) == 2
    assert all(t.history[-1].actor == "auto" for t in assigned)

    await lifecycle.set_status(assigned[1].code, "resolved", "an", "xong")
    assert [t.assignee for t in await assigner.assign_waiting()] == [assigned[1].assignee]


async def test_turns_alternate_and_nobody_online_means_nobody_assigned(
    storage: SqliteStorage, desk: TicketDesk, lifecycle: Lifecycle, clock: Clock
) -> None:
    users = await people(storage)
    roster = ActivityRoster(clock=clock)
    assigner = Assigner(desk.store, lifecycle, users, roster, limit=10)
    await desk.file(draft(source="rest:1"))
    assert await assigner.assign_waiting() == []

    roster.saw("an")
    roster.saw("binh")
    order = []
    for i in range(2, 6):
        await desk.file(draft(source=f"rest:{i}"))
        order += [t.assignee for t in await assigner.assign_waiting()]
    assert order == ["an", "binh", "an", "binh", "an"]

    clock.advance(minutes=3)  # both went quiet
    assert roster.online() == frozenset()
    await desk.file(draft(source="rest:late"))
    assert await assigner.assign_waiting() == []


async def test_a_manual_claim_is_never_overridden(
    storage: SqliteStorage, desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    users = await people(storage)
    ticket = await desk.file(draft())
    await lifecycle.claim(ticket.code, "chi")
    assigner = Assigner(desk.store, lifecycle, users, OnDuty("an"), limit=5)
    assert await assigner.assign_waiting() == []
    assert (await desk.store.get(ticket.code)).assignee == "chi"  # type: ignore[union-attr]

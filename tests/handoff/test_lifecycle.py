import asyncio

import pytest

from hotline.handoff.crypto import Cipher
from hotline.handoff.desk import TicketDesk
from hotline.handoff.lifecycle import AlreadyTaken, Lifecycle, NotAllowed
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import Clock, draft


async def test_a_ticket_goes_through_its_life_and_back(
    desk: TicketDesk, lifecycle: Lifecycle, clock: Clock
) -> None:
    ticket = await desk.file(draft())
    ticket = await lifecycle.claim(ticket.code, "lan")
    assert (ticket.status, ticket.assignee) == ("assigned", "lan")
    clock.advance(minutes=5)
    ticket = await lifecycle.set_status(ticket.code, "in_progress", "lan")
    ticket = await lifecycle.forwarded(ticket.code, ("UBND Phú Cường, Thủ Dầu Một",), "lan")
    ticket = await lifecycle.set_status(ticket.code, "resolved", "lan", "Đã xử phạt chủ quán")
    ticket = await lifecycle.set_status(ticket.code, "closed", "minh")
    ticket = await lifecycle.set_status(ticket.code, "in_progress", "minh", "dân báo tái diễn")

    steps = [(e.action, e.status, e.actor) for e in ticket.history]
    assert steps == [
        ("filed", "new", "bot"),
        ("claimed", "assigned", "lan"),
        ("in_progress", "in_progress", "lan"),
        ("forwarded", "forwarded", "lan"),
        ("resolved", "resolved", "lan"),
        ("answer", None, "lan"),
        ("closed", "closed", "minh"),
        ("reopened", "in_progress", "minh"),
    ]
    assert ticket.status == "in_progress" and ticket.assignee == "lan"
    assert ticket.forwarded_to == ("UBND Phú Cường, Thủ Dầu Một",)
    assert ticket.history[5].note == "Đã xử phạt chủ quán"
    assert ticket.history[2].at == clock.now
    assert await desk.store.get(ticket.code) == ticket


async def test_steps_outside_the_lifecycle_are_refused(
    desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    ticket = await desk.file(draft())
    with pytest.raises(NotAllowed):
        await lifecycle.set_status(ticket.code, "closed", "lan")
    await lifecycle.set_status(ticket.code, "resolved", "lan")
    await lifecycle.set_status(ticket.code, "closed", "lan")
    with pytest.raises(NotAllowed):
        await lifecycle.forwarded(ticket.code, ("Công an Thủ Dầu Một",), "lan")
    with pytest.raises(NotAllowed):
        await lifecycle.claim(ticket.code, "minh")
    assert (await desk.store.get(ticket.code)).status == "closed"  # type: ignore[union-attr]


async def test_of_two_agents_claiming_at_once_exactly_one_wins(
    desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    ticket = await desk.file(draft())
    results = await asyncio.gather(
        lifecycle.claim(ticket.code, "lan"),
        lifecycle.claim(ticket.code, "minh"),
        return_exceptions=True,
    )
    winners = [r for r in results if not isinstance(r, Exception)]
    losers = [r for r in results if isinstance(r, AlreadyTaken)]
    assert len(winners) == 1 and len(losers) == 1
    stored = await desk.store.get(ticket.code)
    assert stored is not None and stored.assignee == winners[0].assignee
    assert losers[0].assignee == stored.assignee
    assert [e.action for e in stored.history].count("claimed") == 1


async def test_claims_through_two_connections_to_one_file_let_one_win(
    db_url: str, key: str, desk: TicketDesk, clock: Clock
) -> None:
    """Two workers: each its own connection; SQLite's lock and the version check decide."""
    codes = [(await desk.file(draft(source=f"rest:m{i}"))).code for i in range(20)]
    other_storage = await SqliteStorage.from_url(db_url)
    try:
        other = Lifecycle(await other_storage.tickets(Cipher(key)), clock)
        mine = Lifecycle(desk.store, clock)
        for code in codes:
            results = await asyncio.gather(
                mine.claim(code, "lan"), other.claim(code, "minh"), return_exceptions=True
            )
            assert sum(not isinstance(r, Exception) for r in results) == 1, results
            assert sum(isinstance(r, AlreadyTaken) for r in results) == 1, results
    finally:
        await other_storage.close()


async def test_a_claim_by_the_holder_changes_nothing_and_transfer_moves_it(
    desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    ticket = await desk.file(draft())
    first = await lifecycle.claim(ticket.code, "lan")
    again = await lifecycle.claim(ticket.code, "lan")
    assert again.version == first.version
    moved = await lifecycle.transfer(ticket.code, "minh", "lan", "ca tối")
    assert moved.assignee == "minh"
    assert moved.history[-1].note == "→ minh: ca tối"
    with pytest.raises(AlreadyTaken):
        await lifecycle.claim(ticket.code, "lan")


async def test_notes_and_a_citizens_details_never_overwrite_each_other(
    desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    ticket = await desk.file(draft())
    await asyncio.gather(
        lifecycle.note(ticket.code, "lan", "đã gọi lại"),
        desk.add_details(ticket.code, "số nhà 12"),
        lifecycle.claim(ticket.code, "lan"),
    )
    stored = await desk.store.get(ticket.code)
    assert stored is not None
    assert {e.action for e in stored.history} == {"filed", "note", "details", "claimed"}
    assert stored.description.endswith("số nhà 12") and stored.assignee == "lan"

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.handoff.deadlines import DeadlinePolicy, local_time
from hotline.handoff.desk import TicketDesk
from hotline.handoff.tickets import Reporter, TicketDraft
from hotline.storage.sqlite.backend import SqliteStorage

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


@pytest.fixture
async def desk(tmp_path: Path):
    async with await SqliteStorage.from_url(f"sqlite:///{tmp_path}/t.db") as storage:
        yield TicketDesk(await storage.tickets(), clock=lambda: NOW)


def draft(category: str = "violation", source: str = "rest:m1", **kw) -> TicketDraft:
    return TicketDraft(
        category=category,
        description="quán karaoke vẫn mở cửa",
        channel="rest",
        sender="u1",
        source_key=source,
        **kw,
    )


async def test_a_ticket_is_due_five_hours_after_receipt(desk: TicketDesk) -> None:
    ticket = await desk.file(draft())
    assert ticket.status == "new" and ticket.priority == "normal"
    assert ticket.created_at == NOW
    assert ticket.due_at - ticket.created_at == timedelta(hours=5)
    assert ticket.history[0].action == "filed"
    assert await desk.store.get(ticket.code) == ticket


async def test_emergencies_are_urgent_with_a_shorter_window(desk: TicketDesk) -> None:
    ticket = await desk.file(draft("emergency"))
    assert ticket.priority == "urgent"
    assert ticket.due_at - ticket.created_at < timedelta(hours=5)


async def test_category_windows_are_a_policy() -> None:
    policy = DeadlinePolicy(windows={"hardship": timedelta(hours=2)})
    assert policy.window("hardship") == timedelta(hours=2)
    assert policy.window("violation") == timedelta(hours=5)
    assert local_time(NOW) == "15:00 ngày 28/11/2026"


async def test_filing_the_same_message_twice_gives_one_ticket(desk: TicketDesk) -> None:
    first = await desk.file(draft())
    second = await desk.file(draft())
    assert first.code == second.code
    assert len(await desk.store.list()) == 1


async def test_only_the_reporter_can_look_a_ticket_up(desk: TicketDesk) -> None:
    ticket = await desk.file(draft(reporter=Reporter(name="Lan", phone="0912345678")))
    assert await desk.lookup_for_reporter(ticket.code, "rest", "u1") == ticket
    assert await desk.lookup_for_reporter(ticket.code, "rest", "someone-else") is None
    assert await desk.lookup_for_reporter("PA-2222-2222", "rest", "u1") is None


async def test_public_view_never_carries_the_reporter(desk: TicketDesk) -> None:
    ticket = await desk.file(draft(reporter=Reporter(name="Nguyễn Thị Lan", phone="0912345678")))
    view = str(ticket.public_view())
    assert "0912345678" not in view and "Lan" not in view and "u1" not in view
    stored = await desk.store.get(ticket.code)
    assert stored is not None and stored.reporter == Reporter("Nguyễn Thị Lan", "0912345678")


async def test_details_added_after_filing_are_kept_with_history(desk: TicketDesk) -> None:
    ticket = await desk.file(draft("emergency"))
    updated = await desk.add_details(ticket.code, "số 5 đường Yersin, Phú Cường")
    assert updated is not None and "Yersin" in updated.description
    assert [e.action for e in updated.history] == ["filed", "details"]
    assert await desk.add_details("PA-2222-2222", "x") is None


async def test_queue_is_ordered_by_deadline(desk: TicketDesk) -> None:
    await desk.file(draft("violation", "rest:a"))
    await desk.file(draft("emergency", "rest:b"))
    queue = await desk.store.list()
    assert [t.category for t in queue] == ["emergency", "violation"]
    assert [t.category for t in await desk.store.list(status="new", limit=1)] == ["emergency"]

from dataclasses import dataclass, field

from hotline.handoff.desk import TicketDesk
from hotline.handoff.lifecycle import Lifecycle
from hotline.handoff.sla import MISSED, WARNING, Alert, DeadlineWatcher, figures
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import Clock, draft


@dataclass
class Inbox:
    """A notifier that keeps what it was told, as a supervisors' mailbox would."""

    got: list[tuple[str, str]] = field(default_factory=list)

    async def notify(self, subject: str, text: str) -> None:
        self.got.append((subject, text))


async def watcher(
    storage: SqliteStorage, desk: TicketDesk, clock: Clock, heard: list[Alert], inbox: Inbox
) -> DeadlineWatcher:
    return DeadlineWatcher(desk.store, await storage.alerts(), clock, heard.append, inbox)


async def test_a_warning_at_80_percent_and_an_escalation_at_the_deadline(
    storage: SqliteStorage, desk: TicketDesk, clock: Clock
) -> None:
    heard: list[Alert] = []
    inbox = Inbox()
    watch = await watcher(storage, desk, clock, heard, inbox)
    ticket = await desk.file(draft())  # 5 hours: warning at 4 h, escalation at 5 h

    clock.advance(hours=3, minutes=59)
    assert await watch.check() == []
    clock.advance(minutes=1)
    assert [(a.kind, a.ticket.code) for a in await watch.check()] == [(WARNING, ticket.code)]
    assert await watch.check() == []
    assert inbox.got == []  # a warning is for the console only

    clock.advance(hours=1)
    assert [a.kind for a in await watch.check()] == [MISSED]
    assert [a.kind for a in heard] == [WARNING, MISSED]
    assert heard[1].to_data()["code"] == ticket.code
    [(subject, text)] = inbox.got
    assert ticket.code in subject and "quá hạn" in text and "13:00 ngày 28/11/2026" in text


async def test_a_restarted_watcher_sends_nothing_twice(
    storage: SqliteStorage, db_url: str, desk: TicketDesk, clock: Clock
) -> None:
    heard: list[Alert] = []
    inbox = Inbox()
    await desk.file(draft())
    clock.advance(hours=4, minutes=30)
    assert len(await (await watcher(storage, desk, clock, heard, inbox)).check()) == 1

    # The process restarts: new connection, new watcher, same file.
    again_storage = await SqliteStorage.from_url(db_url)
    try:
        restarted = await watcher(again_storage, desk, clock, heard, inbox)
        assert await restarted.check() == []
        clock.advance(hours=1)
        assert [a.kind for a in await restarted.check()] == [MISSED]
        assert await (await watcher(storage, desk, clock, heard, inbox)).check() == []
    finally:
        await again_storage.close()
    assert [a.kind for a in heard] == [WARNING, MISSED] and len(inbox.got) == 1


async def test_a_watcher_that_was_down_past_the_deadline_escalates_once(
    storage: SqliteStorage, desk: TicketDesk, clock: Clock
) -> None:
    heard: list[Alert] = []
    await desk.file(draft("emergency"))  # one hour
    clock.advance(hours=2)
    watch = await watcher(storage, desk, clock, heard, Inbox())
    assert [a.kind for a in await watch.check()] == [MISSED]
    assert await watch.check() == []


async def test_resolved_tickets_are_not_chased_and_count_as_met_or_missed(
    storage: SqliteStorage, desk: TicketDesk, lifecycle: Lifecycle, clock: Clock
) -> None:
    heard: list[Alert] = []
    on_time = await desk.file(draft(source="rest:1"))
    late = await desk.file(draft(source="rest:2"))
    still_open = await desk.file(draft(source="rest:3"))
    fresh = await desk.file(draft(source="rest:4", received_at=clock.now.replace(hour=5)))
    clock.advance(hours=1)
    await lifecycle.set_status(on_time.code, "resolved", "lan", "đã xử lý")
    clock.advance(hours=5)
    await lifecycle.set_status(late.code, "resolved", "lan", "đã xử lý")
    alerts = await (await watcher(storage, desk, clock, heard, Inbox())).check()
    # Only the one still open past its deadline; `fresh` is 2 of its 5 hours in.
    assert [(a.kind, a.ticket.code) for a in alerts] == [(MISSED, still_open.code)]
    assert fresh.due_at > clock.now

    numbers = figures(await desk.store.list(), clock.now)
    assert (numbers.met, numbers.missed, numbers.open_on_time, numbers.open_overdue) == (1, 2, 1, 1)
    assert numbers.met_rate == 1 / 3

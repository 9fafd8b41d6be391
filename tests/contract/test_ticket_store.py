"""The TicketStore contract: insert dedup by source key, compare-and-set, the queue queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from hotline.handoff.store import CodeTaken, TicketQuery, TicketStore
from hotline.handoff.tickets import OPEN_STATUSES, Reporter, Ticket, TicketEvent

T0 = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)


def ticket(code: str, hours: float, **changes: object) -> Ticket:
    created = T0 + timedelta(minutes=len(code))
    base = Ticket(
        code=code,
        category="violation",
        priority="normal",
        status="new",
        description="tụ tập đông người",
        channel="rest",
        sender=f"s-{code}",
        source_key=f"rest:{code}",
        created_at=created,
        due_at=T0 + timedelta(hours=hours),
        district="Thủ Dầu Một",
        ward="Phú Cường",
        reporter=Reporter(name="Nguyễn Văn A", phone="0912345678"),
        history=(TicketEvent(created, "bot", "filed", "new"),),
        team="agents",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


async def test_insert_get_and_the_reporter_survive(tickets: TicketStore) -> None:
    stored = await tickets.insert(ticket("PA-AAAA-0001", 5))
    assert await tickets.get("PA-AAAA-0001") == stored
    assert await tickets.get("PA-NONE-0000") is None


async def test_the_same_report_twice_is_one_ticket(tickets: TicketStore) -> None:
    first = await tickets.insert(ticket("PA-AAAA-0001", 5))
    again = await tickets.insert(ticket("PA-BBBB-0002", 5, source_key=first.source_key))
    assert again.code == first.code
    assert await tickets.get("PA-BBBB-0002") is None


async def test_a_taken_code_is_refused(tickets: TicketStore) -> None:
    await tickets.insert(ticket("PA-AAAA-0001", 5))
    with pytest.raises(CodeTaken):
        await tickets.insert(ticket("PA-AAAA-0001", 5, source_key="rest:other"))


async def test_replace_is_compare_and_set(tickets: TicketStore) -> None:
    seen = await tickets.insert(ticket("PA-AAAA-0001", 5))
    claimed = seen.with_event(TicketEvent(T0, "lan", "claimed", "assigned"), status="assigned")
    rival = seen.with_event(TicketEvent(T0, "minh", "claimed", "assigned"), status="assigned")
    assert await tickets.replace(claimed, seen)
    assert not await tickets.replace(rival, seen)
    assert await tickets.get(seen.code) == claimed


async def test_save_replaces_and_needs_an_existing_ticket(tickets: TicketStore) -> None:
    stored = await tickets.insert(ticket("PA-AAAA-0001", 5))
    await tickets.save(replace(stored, assignee="lan"))
    got = await tickets.get(stored.code)
    assert got is not None and got.assignee == "lan"
    with pytest.raises(KeyError):
        await tickets.save(ticket("PA-NONE-0000", 5))


async def test_queue_queries(tickets: TicketStore) -> None:
    await tickets.insert(ticket("PA-LATE-0001", 1))
    await tickets.insert(ticket("PA-SOON-0002", 3, district="Dĩ An", ward=None))
    await tickets.insert(ticket("PA-DONE-0003", 0.5, status="resolved"))
    await tickets.insert(ticket("PA-MINE-0004", 4, assignee="lan", forwarded_to=("cong-an",)))

    def codes(found: list[Ticket]) -> list[str]:
        return [t.code for t in found]

    every = await tickets.find(TicketQuery())
    assert codes(every) == ["PA-LATE-0001", "PA-SOON-0002", "PA-MINE-0004", "PA-DONE-0003"]
    assert codes(await tickets.list()) == [
        "PA-DONE-0003",
        "PA-LATE-0001",
        "PA-SOON-0002",
        "PA-MINE-0004",
    ]
    assert codes(await tickets.list(status="resolved")) == ["PA-DONE-0003"]
    assert codes(await tickets.find(TicketQuery(district="Dĩ An"))) == ["PA-SOON-0002"]
    assert codes(await tickets.find(TicketQuery(assignee="lan"))) == ["PA-MINE-0004"]
    assert codes(await tickets.find(TicketQuery(unassigned=True, limit=2))) == [
        "PA-LATE-0001",
        "PA-SOON-0002",
    ]
    assert codes(await tickets.find(TicketQuery(forwarded_to="cong-an"))) == ["PA-MINE-0004"]
    assert codes(await tickets.find(TicketQuery(statuses=("resolved",)))) == ["PA-DONE-0003"]
    overdue = TicketQuery(overdue_at=T0 + timedelta(hours=2))
    assert codes(await tickets.find(overdue)) == ["PA-LATE-0001"]
    mine = await tickets.for_conversation("rest", "s-PA-MINE-0004")
    assert codes(mine) == ["PA-MINE-0004"]


async def test_queues_follow_a_claim_and_a_resolution(tickets: TicketStore) -> None:
    seen = await tickets.insert(ticket("PA-AAAA-0001", 5))
    waiting = TicketQuery(statuses=OPEN_STATUSES, unassigned=True)
    assert [t.code for t in await tickets.find(waiting)] == [seen.code]

    claimed = seen.with_event(TicketEvent(T0, "lan", "claimed", "assigned"), status="assigned")
    assert await tickets.replace(replace(claimed, assignee="lan", team="health"), seen)
    assert await tickets.find(waiting) == []
    mine = await tickets.find(TicketQuery(statuses=OPEN_STATUSES, assignee="lan"))
    assert [t.code for t in mine] == [seen.code]
    assert [t.code for t in await tickets.find(TicketQuery(team="health"))] == [seen.code]
    assert await tickets.find(TicketQuery(team="agents")) == []

    done = await tickets.get(seen.code)
    assert done is not None
    await tickets.save(replace(done, status="resolved"))
    assert await tickets.find(TicketQuery(statuses=OPEN_STATUSES, assignee="lan")) == []
    assert await tickets.find(TicketQuery(overdue_at=T0 + timedelta(days=1))) == []
    closed = await tickets.find(TicketQuery(statuses=("resolved", "closed"), assignee="lan"))
    assert [t.code for t in closed] == [seen.code]


async def test_tickets_filed_in_a_period(tickets: TicketStore) -> None:
    hanoi = timezone(timedelta(hours=7))
    for code, minutes in [("PA-EARLY-01", -1), ("PA-FIRST-02", 0), ("PA-LAST-03", 59)]:
        filed = T0 + timedelta(minutes=minutes)
        await tickets.insert(ticket(code, 5, created_at=filed.astimezone(hanoi)))
    await tickets.insert(ticket("PA-AFTER-04", 1, created_at=T0 + timedelta(hours=1)))

    def codes(found: list[Ticket]) -> set[str]:
        return {t.code for t in found}

    hour = TicketQuery(created_from=T0, created_until=T0 + timedelta(hours=1))
    assert codes(await tickets.find(hour)) == {"PA-FIRST-02", "PA-LAST-03"}
    since = TicketQuery(created_from=(T0 + timedelta(minutes=59)).astimezone(hanoi))
    assert codes(await tickets.find(since)) == {"PA-LAST-03", "PA-AFTER-04"}
    assert codes(await tickets.find(TicketQuery(created_until=T0))) == {"PA-EARLY-01"}


async def test_tickets_filed_from_a_channel(tickets: TicketStore) -> None:
    await tickets.insert(ticket("PA-REST-01", 5))
    await tickets.insert(ticket("PA-ZALO-02", 5, channel="zalo", source_key="zalo:2"))
    await tickets.insert(ticket("PA-ZALO-03", 5, channel="zalo", source_key="zalo:3"))

    zalo = await tickets.find(TicketQuery(channel="zalo", created_from=T0))
    assert sorted(t.code for t in zalo) == ["PA-ZALO-02", "PA-ZALO-03"]
    assert len(await tickets.find(TicketQuery(channel="zalo", limit=1))) == 1
    assert [t.code for t in await tickets.find(TicketQuery(channel="rest"))] == ["PA-REST-01"]


async def test_tickets_are_counted_up_to_the_limit(tickets: TicketStore) -> None:
    await tickets.insert(ticket("PA-REST-01", 5, forwarded_to=("cong-an", "so-y-te")))
    for n in (2, 3, 4):
        await tickets.insert(ticket(f"PA-ZALO-0{n}", 5, channel="zalo", source_key=f"zalo:{n}"))
    await tickets.insert(ticket("PA-REST-05", 5, forwarded_to=("cong-an",)))

    assert await tickets.count(TicketQuery(channel="zalo", created_from=T0)) == 3
    assert await tickets.count(TicketQuery(channel="zalo", limit=2)) == 2, "no further"
    assert await tickets.count(TicketQuery(channel="rest")) == 2
    assert await tickets.count(TicketQuery(channel="viber")) == 0
    # An agency's count walks its forwards (a join on SQLite): only the tickets sent to it.
    assert await tickets.count(TicketQuery(forwarded_to="so-y-te")) == 1
    assert await tickets.count(TicketQuery(forwarded_to="cong-an")) == 2
    assert await tickets.count(TicketQuery(forwarded_to="cong-an", channel="zalo")) == 0
    assert await tickets.count(TicketQuery(forwarded_to="cong-an", limit=1)) == 1, "no further"
    assert await tickets.count(TicketQuery(forwarded_to="so-ngoai-vu")) == 0

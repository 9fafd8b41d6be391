"""The SQLite ticket store's own concerns: upgrading older files and index-served queues."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.handoff.store import TicketQuery
from hotline.handoff.tickets import OPEN_STATUSES, STATUSES, Ticket, TicketEvent
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.tickets import SqliteTicketStore, find_sql

T0 = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)

# The schema as the first release created it: queue fields only inside the JSON document.
FIRST_RELEASE = """
CREATE TABLE tickets (
    code TEXT PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX tickets_conversation ON tickets (channel, sender, created_at);
CREATE INDEX tickets_queue ON tickets (status, due_at);
"""


def ticket(n: int, status: str = "new", **changes: str | None) -> Ticket:
    created = T0 + timedelta(minutes=n)
    fields: dict[str, str | None] = {"district": "Dĩ An", "team": "agents", "assignee": None}
    fields.update(changes)
    return Ticket(
        code=f"PA-TEST-{n:04d}",
        category="violation",
        priority="normal",
        status=status,
        description="tụ tập đông người",
        channel="rest",
        sender=f"s{n}",
        source_key=f"rest:{n}",
        created_at=created,
        due_at=created + timedelta(hours=5 - n),
        history=(TicketEvent(created, "bot", "filed", status),),
        **fields,
    )


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[SqliteDatabase]:
    database = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/tickets.db")
    yield database
    await database.close()


def codes(found: list[Ticket]) -> list[str]:
    return [t.code for t in found]


async def test_a_first_release_file_is_upgraded_in_place(db: SqliteDatabase) -> None:
    old = [
        ticket(1, team="health"),
        ticket(2, assignee="lan", status="assigned"),
        ticket(3, district="Thuận An"),
        ticket(4, status="resolved", assignee="lan"),
    ]

    def write_first_release(conn: sqlite3.Connection) -> None:
        for t in old:  # the nine values the first release's store wrote
            doc = json.dumps(t.to_doc(), ensure_ascii=False)
            created, due = t.created_at.isoformat(), t.due_at.isoformat()
            row = (t.code, t.source_key, t.channel, t.sender, t.category, t.status, created, due)
            conn.execute("INSERT INTO tickets VALUES (?,?,?,?,?,?,?,?,?)", (*row, doc))

    await db.query(lambda c: c.executescript(FIRST_RELEASE))
    await db.transaction(write_first_release)

    store = await SqliteTicketStore.open(db)
    await SqliteTicketStore.open(db)  # a second worker opening the same file changes nothing
    indexes = await db.query(lambda c: [r["name"] for r in c.execute("PRAGMA index_list(tickets)")])
    assert {"tickets_category", "tickets_ward", "tickets_open"} <= set(indexes)
    await store.insert(ticket(5, district="Thuận An"))

    working = TicketQuery(statuses=OPEN_STATUSES)
    assert codes(await store.find(working)) == [
        "PA-TEST-0005",
        "PA-TEST-0003",
        "PA-TEST-0002",
        "PA-TEST-0001",
    ]
    assert codes(await store.find(TicketQuery(team="health"))) == ["PA-TEST-0001"]
    assert codes(await store.find(TicketQuery(assignee="lan"))) == [
        "PA-TEST-0002",
        "PA-TEST-0004",
    ]
    assert codes(await store.find(TicketQuery(unassigned=True, district="Thuận An"))) == [
        "PA-TEST-0005",
        "PA-TEST-0003",
    ]
    overdue = await store.find(TicketQuery(overdue_at=T0 + timedelta(hours=3, minutes=5)))
    assert codes(overdue) == ["PA-TEST-0005", "PA-TEST-0003", "PA-TEST-0002"]
    assert await store.get("PA-TEST-0004") == old[3]


def plan_of(sql: str, args: list[object]) -> Callable[[sqlite3.Connection], list[str]]:
    return lambda c: [r["detail"] for r in c.execute(f"EXPLAIN QUERY PLAN {sql}", args)]


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (TicketQuery(statuses=OPEN_STATUSES), "tickets_open"),
        (TicketQuery(), "tickets_open"),
        (TicketQuery(statuses=OPEN_STATUSES, team="health"), "tickets_team"),
        (TicketQuery(statuses=OPEN_STATUSES, unassigned=True), "tickets_assignee"),
        (TicketQuery(statuses=("assigned", "in_progress"), assignee="lan"), "tickets_assignee"),
        (TicketQuery(statuses=OPEN_STATUSES, district="Dĩ An"), "tickets_district"),
        (TicketQuery(ward="Phú Cường"), "tickets_ward"),
        (TicketQuery(statuses=OPEN_STATUSES, category="emergency"), "tickets_category"),
        (TicketQuery(overdue_at=T0), "tickets_open"),
    ],
)
async def test_the_console_queues_read_an_index_in_order(
    db: SqliteDatabase, query: TicketQuery, index: str
) -> None:
    store = await SqliteTicketStore.open(db)
    for n, status in enumerate(STATUSES * 3):
        await store.insert(ticket(n, status, assignee="lan" if n % 2 else None))
    sql, args = find_sql(query)
    plan = await db.query(plan_of(sql, args))
    # The queue's own index, walked in "open first, then deadline" order: no scan, no sort.
    assert any(f"USING INDEX {index}" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
    if query != TicketQuery():
        assert all(step.startswith("SEARCH") for step in plan), plan


async def test_a_period_reads_the_filing_time_index(db: SqliteDatabase) -> None:
    await SqliteTicketStore.open(db)
    sql, args = find_sql(TicketQuery(created_from=T0, created_until=T0 + timedelta(days=7)))
    plan = await db.query(plan_of(sql, args))
    assert any("USING INDEX tickets_created (created_at>? AND created_at<?)" in s for s in plan)


async def test_the_quotas_count_reads_the_last_minute_not_the_channels_past(
    db: SqliteDatabase,
) -> None:
    await SqliteTicketStore.open(db)
    minute = TicketQuery(created_from=T0, channel="rest", limit=60)
    plan = await db.query(plan_of(*find_sql(minute, count=True)))
    assert any("USING INDEX tickets_created (created_at>?)" in s for s in plan), plan


async def test_an_agencys_list_reads_its_own_index_and_follows_every_write(
    db: SqliteDatabase,
) -> None:
    old = ticket(1, status="forwarded")
    await db.query(lambda c: c.executescript(FIRST_RELEASE))
    doc = json.dumps(replace(old, forwarded_to=("ubnd-di-an",)).to_doc(), ensure_ascii=False)
    row = (old.code, old.source_key, "rest", old.sender, old.category, old.status)
    times = (old.created_at.isoformat(), old.due_at.isoformat())
    await db.transaction(
        lambda c: c.execute("INSERT INTO tickets VALUES (?,?,?,?,?,?,?,?,?)", (*row, *times, doc))
    )
    store = await SqliteTicketStore.open(db)  # the upgrade finds what was forwarded before
    second = await store.insert(ticket(2, status="forwarded"))
    await store.save(replace(second, forwarded_to=("cong-an-di-an", "ubnd-di-an")))

    def agency(name: str) -> TicketQuery:
        return TicketQuery(forwarded_to=name)

    assert codes(await store.find(agency("ubnd-di-an"))) == ["PA-TEST-0002", "PA-TEST-0001"]
    assert codes(await store.find(agency("cong-an-di-an"))) == ["PA-TEST-0002"]
    assert await store.find(agency("so-y-te")) == []

    moved = await store.get("PA-TEST-0002")
    assert moved is not None
    assert await store.replace(replace(moved, forwarded_to=("so-y-te",)), moved)
    assert codes(await store.find(agency("ubnd-di-an"))) == ["PA-TEST-0001"]
    assert codes(await store.find(agency("so-y-te"))) == ["PA-TEST-0002"]

    sql, args = find_sql(agency("so-y-te"))
    plan = await db.query(plan_of(sql, args))
    # The agency's own rows in queue order, then each ticket by code: no scan, no sort.
    assert any("USING PRIMARY KEY (agency=?)" in step for step in plan), plan
    assert not any(step.startswith("SCAN") or "TEMP B-TREE" in step for step in plan), plan

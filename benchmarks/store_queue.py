"""Ticket queue per back end: inserts per second, and each console queue query's p50/p99.

    .venv/bin/python benchmarks/store_queue.py [--sizes 10000 1000000] [--mongodb URL|--skip-mongo]

Each size starts from an empty store filled in bulk to the size (not timed; SQLite: batches of
20,000 rows, one transaction each), then times `TicketStore.insert` one ticket at a time and
every queue query the console and the tickets API make (`find` with: no filter, the open
statuses, one status, a team's queue, the unassigned queue, an agent's queue, a category, a
rare category, a district, a ward, the overdue list, an agency's list; 50 rows each).
SQLite runs on a file in a temporary directory. MongoDB runs on --mongodb (a real mongod),
or, without it, on mongoeco's wire server: a pure-Python stand-in for tests, far slower than
mongod, whose figures say nothing about production; it is run at --mongoeco-sizes only.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hotline.handoff.store import TicketQuery, TicketStore
from hotline.handoff.tickets import OPEN_STATUSES, Ticket, TicketEvent
from hotline.storage.base import PortableTickets
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.sqlite.backend import SqliteStorage
from hotline.storage.sqlite.tickets import find_sql

T0 = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
STATUSES = ("new", "new", "assigned", "in_progress", "forwarded", "resolved", "closed", "closed")
DISTRICTS = ("Thủ Dầu Một", "Dĩ An", "Thuận An", "Bến Cát", "Tân Uyên", "Bàu Bàng")
TEAMS = ("agents", "health", "wards")
AGENCIES = ("ubnd-di-an", "cong-an-thuan-an", "so-y-te", "ubnd-ben-cat")
CATEGORIES = ("violation", "contact_tip", "hardship", "feedback")
WARDS = ("Phú Cường", "Hiệp Thành", "Dĩ An", "Tân Bình", "Lái Thiêu", "Mỹ Phước")


def ticket(i: int, rng: random.Random) -> Ticket:
    created = T0 + timedelta(seconds=i * 7)
    status = rng.choice(STATUSES)
    sent = status in ("forwarded", "resolved", "closed") and rng.random() < 0.5
    return Ticket(
        code=f"PA-{i:08d}",
        # one emergency in a thousand: a rare category must not scan the queue to fill a page
        category="emergency" if i % 1000 == 7 else rng.choice(CATEGORIES),
        priority="normal",
        status=status,
        description="tụ tập đông người không đeo khẩu trang",
        channel="zalo",
        sender=f"u{i % 5000}",
        source_key=f"zalo:{i}",
        created_at=created,
        due_at=created + timedelta(hours=5),
        district=rng.choice(DISTRICTS),
        ward=rng.choice(WARDS),
        assignee=rng.choice((None, None, "lan", "minh")),
        team=rng.choice(TEAMS),
        forwarded_to=(rng.choice(AGENCIES),) if sent else (),
        history=(TicketEvent(created, "bot", "filed", "new"),),
    )


QUERIES = {
    "everything": TicketQuery(limit=50),
    "open": TicketQuery(statuses=OPEN_STATUSES, limit=50),
    "status new": TicketQuery(statuses=("new",), limit=50),
    "team": TicketQuery(statuses=OPEN_STATUSES, team="health", limit=50),
    "unassigned": TicketQuery(unassigned=True, statuses=OPEN_STATUSES, limit=50),
    "agent": TicketQuery(statuses=OPEN_STATUSES, assignee="lan", limit=50),
    "category": TicketQuery(category="hardship", limit=50),
    "rare category": TicketQuery(statuses=OPEN_STATUSES, category="emergency", limit=50),
    "district": TicketQuery(district="Dĩ An", limit=50),
    "ward": TicketQuery(statuses=OPEN_STATUSES, ward="Lái Thiêu", limit=50),
    "overdue": TicketQuery(overdue_at=T0 + timedelta(days=3), limit=50),
    "agency": TicketQuery(forwarded_to="so-y-te", limit=50),  # an agency's list (Open311)
}


async def rate(calls: int, fn: Callable[[int], Awaitable[object]]) -> float:
    started = time.perf_counter()
    for n in range(calls):
        await fn(n)
    return calls / (time.perf_counter() - started)


async def latencies(calls: int, query: TicketQuery, store: TicketStore) -> list[float]:
    """Milliseconds per `find`, sorted."""
    taken = []
    for _ in range(calls):
        started = time.perf_counter()
        await store.find(query)
        taken.append((time.perf_counter() - started) * 1000)
    return sorted(taken)


async def fill(store: PortableTickets, size: int, batch: int) -> None:
    """In bulk, through the store's restore (what `hotline store migrate` writes with), a batch
    made at a time so a million tickets never sit in memory at once."""
    rng = random.Random(1)
    for start in range(0, size, batch):
        # as stored without a cipher: these have no reporter
        docs = [ticket(i, rng).to_doc() for i in range(start, min(start + batch, size))]
        await store.restore("tickets", docs)


def statement_latencies(
    calls: int, conn: sqlite3.Connection, sql: str, args: list[object]
) -> list[float]:
    """Milliseconds per execution of `sql` fetching all its rows, sorted."""
    taken = []
    for _ in range(calls):
        started = time.perf_counter()
        conn.execute(sql, args).fetchall()
        taken.append((time.perf_counter() - started) * 1000)
    return sorted(taken)


Figures = tuple[float, dict[str, list[float]]]


async def measure(store: TicketStore, size: int, inserts: int, queries: int) -> Figures:
    rng = random.Random(size)
    insert_rate = await rate(inserts, lambda n: store.insert(ticket(size + n, rng)))
    # every query must find work, or the figure would flatter an empty index scan
    found = {kind: len(await store.find(q)) for kind, q in QUERIES.items()}
    assert min(found.values()) > 0, found
    each = max(queries // len(QUERIES), 5)
    return insert_rate, {kind: await latencies(each, q, store) for kind, q in QUERIES.items()}


async def bench_sqlite(size: int, inserts: int, queries: int) -> Figures:
    with tempfile.TemporaryDirectory() as tmp:
        async with await SqliteStorage.from_url(f"sqlite:///{tmp}/bench.db") as storage:
            store = await storage.tickets()
            await fill(store, size, batch=20_000)
            insert_rate, found = await measure(store, size, inserts, queries)
            each = max(queries // len(QUERIES), 5)
            # The statement alone, on its own connection: the index's share of a `find`
            # (the rest is decoding 50 documents and the hop to the store's thread).
            with sqlite3.connect(f"{tmp}/bench.db") as conn:
                for kind, query in QUERIES.items():
                    sql, args = find_sql(query)
                    found[f"{kind} (SQL)"] = statement_latencies(each, conn, sql, args)
            return insert_rate, found


async def bench_mongo(url: str, size: int, inserts: int, queries: int) -> Figures:
    async with await MongoStorage.from_url(url) as storage:
        await storage.db.drop()
        try:
            store = await storage.tickets()
            # mongoeco drops the connection on big batches
            await fill(store, size, batch=50)
            return await measure(store, size, inserts, queries)
        finally:
            await storage.db.drop()


def report(name: str, size: int, figures: Figures, note: str = "") -> None:
    inserts, queries = figures
    print(f"{name:<10} {size:>8} tickets  {inserts:7.0f} inserts/s {note}")
    for kind, taken in queries.items():
        p50, p99 = taken[len(taken) // 2], taken[min(len(taken) - 1, len(taken) * 99 // 100)]
        print(f"    {kind:<20} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  max {taken[-1]:7.2f} ms")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--inserts", type=int, default=500, help="timed inserts per size")
    parser.add_argument("--queries", type=int, default=1200, help="timed queries per size")
    parser.add_argument("--mongodb", help="a real mongod: mongodb://host/hotline_bench")
    parser.add_argument("--mongoeco-sizes", type=int, nargs="+", default=[1_000, 3_000])
    parser.add_argument("--skip-mongo", action="store_true")
    args = parser.parse_args()

    for size in args.sizes:
        report("sqlite", size, await bench_sqlite(size, args.inserts, args.queries))
    if args.skip_mongo:
        return
    if args.mongodb:
        for size in args.sizes:
            report(
                "mongodb", size, await bench_mongo(args.mongodb, size, args.inserts, args.queries)
            )
        return
    from tests.support.mongo_server import start_mongoeco, stop, with_database

    proc, url = start_mongoeco()
    try:
        print("mongoeco: the --sizes not run, filling takes too long; smaller sizes instead")
        for size in args.mongoeco_sizes:
            figures = await bench_mongo(
                with_database(url, "hotline_bench"), size, args.inserts // 5, args.queries // 5
            )
            report("mongoeco", size, figures, "(stand-in, not mongod)")
    finally:
        stop(proc)


if __name__ == "__main__":
    asyncio.run(main())

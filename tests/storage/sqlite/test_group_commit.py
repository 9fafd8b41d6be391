"""Group commit: transactions queued together share one COMMIT; one that fails fails alone,
whether it raises (then the batch runs again, a savepoint each) or breaks the shared COMMIT."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from hotline.storage.sqlite.database import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS parents (id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS children (
    id INTEGER PRIMARY KEY,
    parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED
);
"""


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[SqliteDatabase]:
    opened = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/group.db")
    await opened.migrate(SCHEMA)
    yield opened
    await opened.close()


def insert(row: int, parent: int = 1) -> Callable[[sqlite3.Connection], int]:
    def run(conn: sqlite3.Connection) -> int:
        conn.execute("INSERT INTO parents (id) VALUES (?) ON CONFLICT DO NOTHING", (parent,))
        conn.execute("INSERT INTO children (id, parent) VALUES (?, ?)", (row, parent))
        return row

    return run


def orphan(row: int) -> Callable[[sqlite3.Connection], int]:
    """Valid until COMMIT, where its deferred foreign key fails the whole transaction."""
    return lambda conn: conn.execute("INSERT INTO children VALUES (?, 999)", (row,)).rowcount


async def rows(db: SqliteDatabase) -> list[int]:
    found = await db.query(lambda c: c.execute("SELECT id FROM children ORDER BY id").fetchall())
    return [r["id"] for r in found]


async def test_transactions_queued_together_share_a_commit(db: SqliteDatabase) -> None:
    before = db.commits
    done = await asyncio.gather(*(db.transaction(insert(n)) for n in range(1, 21)))
    assert done == list(range(1, 21))
    assert db.commits - before < 20
    assert await rows(db) == list(range(1, 21))


async def test_one_that_raises_is_rolled_back_alone(db: SqliteDatabase) -> None:
    results = await asyncio.gather(
        db.transaction(insert(1)),
        db.transaction(insert(1)),  # the same key again: fails in its savepoint
        db.transaction(insert(2)),
        return_exceptions=True,
    )
    assert results[0] == 1 and results[2] == 2
    assert isinstance(results[1], sqlite3.IntegrityError)
    assert await rows(db) == [1, 2]


async def test_one_that_raises_after_writing_is_rolled_back_alone(db: SqliteDatabase) -> None:
    said: list[str] = []
    db._connection().set_trace_callback(said.append)

    def writes_then_raises(conn: sqlite3.Connection) -> int:
        insert(2)(conn)
        raise ValueError("no")

    results = await asyncio.gather(
        db.transaction(insert(1)),
        db.transaction(writes_then_raises),
        db.transaction(insert(3)),
        return_exceptions=True,
    )
    assert results[0] == 1 and results[2] == 3
    assert isinstance(results[1], ValueError)
    assert await rows(db) == [1, 3]
    # First side by side; on the error, again with a savepoint each.
    assert said.count("SAVEPOINT batch") == 1 and said.count("ROLLBACK TO batch") == 1
    assert said.count("SAVEPOINT write") == 3


async def test_jobs_that_do_not_raise_take_no_savepoint_each(db: SqliteDatabase) -> None:
    said: list[str] = []
    db._connection().set_trace_callback(said.append)
    await asyncio.gather(*(db.transaction(insert(n)) for n in range(1, 11)))
    assert await rows(db) == list(range(1, 11))
    assert "SAVEPOINT write" not in said
    assert said.count("COMMIT") < 10


async def test_a_broken_commit_is_retried_one_by_one(db: SqliteDatabase) -> None:
    before = db.commits
    results = await asyncio.gather(
        db.transaction(insert(1)),
        db.transaction(orphan(2)),
        db.transaction(insert(3)),
        return_exceptions=True,
    )
    assert results[0] == 1 and results[2] == 3
    assert isinstance(results[1], sqlite3.IntegrityError), "only the bad one fails"
    assert await rows(db) == [1, 3]
    assert db.commits - before == 2, "the others committed alone after the shared COMMIT failed"


async def test_reads_queued_together_take_one_trip_and_see_what_was_committed(
    db: SqliteDatabase,
) -> None:
    await db.transaction(insert(1))
    trips = 0
    drain = db._drain

    def counted(loop: asyncio.AbstractEventLoop) -> None:
        nonlocal trips
        trips += 1
        drain(loop)

    db._drain = counted  # type: ignore[method-assign]
    found = await asyncio.gather(*(rows(db) for _ in range(10)), db.transaction(insert(2)))
    assert trips == 1, "ten reads and a write went to the thread together"
    assert found[:10] == [[1]] * 10, "the reads ran before the write queued beside them"
    assert found[10] == 2 and await rows(db) == [1, 2]


async def test_a_read_that_fails_fails_alone_and_a_cancelled_one_is_not_run(
    db: SqliteDatabase,
) -> None:
    ran: list[str] = []

    def bad(conn: sqlite3.Connection) -> None:
        ran.append("bad")
        conn.execute("SELECT * FROM nowhere")

    def cancelled(conn: sqlite3.Connection) -> None:
        ran.append("cancelled")

    doomed = asyncio.ensure_future(db.query(cancelled))
    others = [
        asyncio.ensure_future(job) for job in (db.query(bad), rows(db), db.transaction(insert(1)))
    ]
    await asyncio.sleep(0)  # all queued; the thread takes them after this
    doomed.cancel()
    results = await asyncio.gather(*others, return_exceptions=True)
    assert isinstance(results[0], sqlite3.OperationalError)
    assert results[1] == [] and results[2] == 1
    assert ran == ["bad"] and doomed.cancelled()

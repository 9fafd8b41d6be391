"""A quick job alone runs on the event loop's thread: no trip to the SQLite thread; group commit
kept; a write that would wait for another process's lock, and slow work, go to the thread, and
the loop never waits for a lock meanwhile."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from hotline.storage.sqlite.database import SqliteDatabase

SCHEMA = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, thread TEXT);"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[SqliteDatabase]:
    opened = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/loop.db")
    await opened.migrate(SCHEMA)
    yield opened
    await opened.close()


def note(row: int) -> Callable[[sqlite3.Connection], str]:
    """Inserts a row naming the thread that ran it, and returns that name."""

    def run(conn: sqlite3.Connection) -> str:
        name = threading.current_thread().name
        conn.execute("INSERT INTO notes VALUES (?, ?)", (row, name))
        return name

    return run


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0])


async def test_a_quick_job_alone_runs_on_the_loop(db: SqliteDatabase) -> None:
    trips = db.trips
    assert await db.transaction(note(1), quick=True) == threading.current_thread().name
    assert await db.query(count, quick=True) == 1
    assert db.trips == trips, "no hand-off to the SQLite thread"


async def test_quick_jobs_queued_together_share_a_commit(db: SqliteDatabase) -> None:
    commits = db.commits
    names = await asyncio.gather(*(db.transaction(note(n), quick=True) for n in range(20)))
    assert db.commits - commits == 1, "the 20 writes queued together shared one COMMIT"
    assert len(set(names)) == 1 and names[0] != threading.current_thread().name, "the thread"
    db.inline_jobs = 20
    names = await asyncio.gather(*(db.transaction(note(n), quick=True) for n in range(20, 40)))
    assert set(names) == {threading.current_thread().name}, "allowed 20: on the loop"
    assert db.commits - commits == 2, "sharing one COMMIT there too"


async def test_slow_work_goes_to_the_thread_and_what_queues_with_it_follows(
    db: SqliteDatabase,
) -> None:
    here = threading.current_thread().name
    slow, quick = await asyncio.gather(db.transaction(note(1)), db.transaction(note(2), quick=True))
    assert slow != here and quick == slow, "queued with slow work: on the thread, in order"
    assert await db.transaction(note(3), quick=True) == here, "the thread idle again: the loop"


async def test_a_write_the_file_lock_holds_up_waits_on_the_thread_not_the_loop(
    db: SqliteDatabase, tmp_path: Path
) -> None:
    other = sqlite3.connect(tmp_path / "loop.db", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process's write, held for a while
    try:
        trips = db.trips
        write = asyncio.ensure_future(db.transaction(note(1), quick=True))
        started = time.monotonic()
        await asyncio.sleep(0.3)  # the loop runs meanwhile: nothing on it waits for the lock
        # Well below the lock's 3 s wait: a loaded machine may be slow, a blocked loop is slower.
        assert time.monotonic() - started < 2.0
        assert not write.done()
        other.execute("COMMIT")
        assert await write != threading.current_thread().name, "waited for on the thread"
        assert db.trips > trips
    finally:
        if other.in_transaction:
            other.execute("ROLLBACK")
        other.close()
    assert await db.query(count, quick=True) == 1
    assert await db.transaction(note(2), quick=True) == threading.current_thread().name


async def test_the_wal_is_checkpointed_on_a_thread_of_its_own(db: SqliteDatabase) -> None:
    assert db.checkpoints is not None
    autocheckpoint = await db.query(lambda c: c.execute("PRAGMA wal_autocheckpoint").fetchone())
    assert autocheckpoint[0] == 0, "never inside a COMMIT on the loop's thread"
    for n in range(db.checkpoints.every):
        await db.transaction(note(n), quick=True)
    for _ in range(100):  # the checkpoint runs on its thread meanwhile
        if db.checkpoints.made:
            break
        await asyncio.sleep(0.05)
    assert db.checkpoints.made == 1
    assert db.checkpoints.last is not None
    _busy, wal_pages, checkpointed = db.checkpoints.last
    assert 0 < checkpointed <= wal_pages, (
        "pages copied into the file, not an attempt that did nothing"
    )
    assert await db.query(count, quick=True) == db.checkpoints.every

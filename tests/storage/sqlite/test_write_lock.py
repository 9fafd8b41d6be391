"""A file locked by another process is told within one shared wait, not one wait per write."""

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest

from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.write_lock import WriteLock, busy
from hotline.storage.trouble import Trouble, trouble_of


def insert(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO t VALUES (1)")


async def test_writes_queued_behind_a_locked_file_fail_together_then_recover(
    tmp_path: Path,
) -> None:
    path = tmp_path / "h.db"
    db = await SqliteDatabase.from_url(f"sqlite:///{path}")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        await db.migrate("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        started = time.monotonic()
        first = asyncio.ensure_future(db.transaction(insert))
        await asyncio.sleep(0.2)  # the first waits on the lock: the probe queues behind it
        probe = db.probe_write()
        outcomes: list[object] = await asyncio.gather(first, probe, return_exceptions=True)
        for _ in range(4):  # then writes one after another, each a batch of its own
            try:
                await db.transaction(insert)
            except sqlite3.OperationalError as exc:
                outcomes.append(exc)
        took = time.monotonic() - started
        assert len(outcomes) == 6
        assert all(trouble_of(e) is Trouble.LOCKED for e in outcomes), outcomes
        # One wait for them all: each waiting alone would take six times as long.
        assert took < 2 * db.write_lock.wait, took
        assert db.write_lock.locked
        with pytest.raises(sqlite3.OperationalError):
            await db.probe_write()  # still locked: fails at once
        other.execute("ROLLBACK")

        await db.transaction(insert)  # the lock is gone: the next write gets it
        assert not db.write_lock.locked
        count = await db.query(lambda c: c.execute("SELECT count(*) FROM t").fetchone()[0])
        assert count == 1
        timeout = await db.query(lambda c: c.execute("PRAGMA busy_timeout").fetchone()[0])
        assert timeout == db.write_lock.busy_timeout_ms  # the short try left it as it was
    finally:
        other.close()
        await db.close()


async def test_the_busy_timeout_is_set_when_it_changes_not_on_every_drain(
    tmp_path: Path,
) -> None:
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path / 'h.db'}")
    try:
        await db.migrate("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        said: list[str] = []
        db._connection().set_trace_callback(said.append)
        for _ in range(3):  # drains on the thread: its wait stays set between them
            await db.transaction(insert)
        for _ in range(3):  # drains on the loop: 0 once, then it stays
            await db.transaction(insert, quick=True)
        await db.transaction(insert)  # the thread again: its wait again
        pragmas = [sql for sql in said if sql.startswith("PRAGMA busy_timeout")]
        assert pragmas == [
            "PRAGMA busy_timeout=0",
            f"PRAGMA busy_timeout={db.write_lock.busy_timeout_ms}",
        ]
        timeout = await db.query(lambda c: c.execute("PRAGMA busy_timeout").fetchone()[0])
        assert timeout == db.write_lock.busy_timeout_ms
    finally:
        await db.close()


def test_an_extended_busy_code_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    reader = sqlite3.connect(path, isolation_level=None)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        reader.execute("PRAGMA journal_mode=WAL")
        reader.execute("CREATE TABLE t (x INTEGER)")
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM t").fetchone()  # a snapshot of the file
        writer.execute("INSERT INTO t VALUES (1)")  # another process writes past it
        with pytest.raises(sqlite3.OperationalError) as raised:
            insert(reader)  # the snapshot is stale: SQLITE_BUSY_SNAPSHOT, not plain BUSY
        reader.execute("ROLLBACK")
    finally:
        reader.close()
        writer.close()
    assert raised.value.sqlite_errorcode == sqlite3.SQLITE_BUSY_SNAPSHOT
    assert busy(raised.value)
    assert not busy(sqlite3.OperationalError("no such table: t"))


class Recovering(sqlite3.Connection):
    """A connection whose BEGIN IMMEDIATE meets another process recovering the WAL."""

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "BEGIN IMMEDIATE":
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = sqlite3.SQLITE_BUSY_RECOVERY
            raise error
        return super().execute(sql, *args)


def test_a_lock_busy_with_recovery_starts_a_locked_spell(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "h.db", isolation_level=None, factory=Recovering)
    lock = WriteLock()
    try:
        with pytest.raises(sqlite3.OperationalError):
            lock.begin(conn)
        assert lock.locked
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        assert timeout == round(lock.retry_wait * 1000)
    finally:
        conn.close()

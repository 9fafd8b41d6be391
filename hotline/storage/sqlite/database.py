"""One SQLite file in WAL mode, reached from asyncio through a single worker thread.

All statements of a process go through one connection on one thread, so a `transaction`
is atomic against the rest of the process and other processes wait on SQLite's own lock.

Group commit: transactions that queue up while the thread is busy share one BEGIN IMMEDIATE /
COMMIT; one that raises is rolled back alone (the batch runs again, a savepoint each: `jobs`). A
caller hears back only after the COMMIT that holds its writes. When the shared transaction itself
fails (a full disk ends it, COMMIT fails), each is run again alone, so one bad write fails only
itself. Reads queued meanwhile go to the thread with them (before the writes), and one call back to
the event loop answers the reads, one the writes: a trip to the thread and a wake-up of the loop
each cost about as much as a small statement.

A file locked by another process is waited for once, not once per queued write (`WriteLock`).

A quick job alone (`quick=True`: a turn's reads or its commit, a few rows by an index) runs on
the event loop's own thread: for one message at a time the hop to the thread and back cost more
CPU than its statements. Only when the thread is idle and nothing slow waits; a write that would
wait for another process's lock (`BEGIN IMMEDIATE` busy at once: the connection's busy timeout is
0 while the loop works on it) goes to the thread, which waits as before: the loop never waits for a
lock. Several jobs queued together (a busy server) go to the thread as before: there their
statements run beside the loop's Python (sqlite3 lets go of the interpreter's lock while a
statement runs), which served more messages a second under wrk than running them on the loop.
Slow work (an import, an export, a dashboard's scan, the readiness probe) stays on the thread.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

from hotline.storage.sqlite.checkpoints import Checkpoints
from hotline.storage.sqlite.jobs import (
    Job,
    Outcome,
    commit_alone,
    commit_together,
    read_all,
    settle,
)
from hotline.storage.sqlite.write_lock import WriteLock, busy

T = TypeVar("T")
INLINE_JOBS = 1  # a job alone: the hop would cost more than its statements


def sqlite_path(url: str) -> str:
    """`sqlite:///var/hotline.db` -> `var/hotline.db`; `sqlite:////abs.db` -> `/abs.db`."""
    parsed = urlparse(url)
    if parsed.scheme != "sqlite":
        raise ValueError(f"not a sqlite URL: {url!r}")
    path = url[len("sqlite://") :]
    if path.startswith("/"):
        path = path[1:]
    if not path:
        raise ValueError(f"sqlite URL without a file: {url!r}")
    return path


class SqliteDatabase:
    """A SQLite database shared by the stores of one process."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self._conn: sqlite3.Connection | None = None
        self._reads: list[Job] = []  # reads waiting for the thread
        self._writes: list[Job] = []  # transactions waiting for the thread
        self._writes_lock = threading.Lock()
        self.commits = 0  # COMMITs made: fewer than transactions when they were grouped
        self.transactions = 0
        self.trips = 0  # times the thread took the queued work (a hand-off each way)
        self.inline_drains = 0  # times the loop ran the queued work itself (no hand-off)
        self.write_lock = WriteLock()  # a locked file is told within seconds, not per write
        # A file's WAL is checkpointed on a thread of its own, never inside a COMMIT here.
        self.checkpoints = Checkpoints(path) if path != ":memory:" else None
        self.inline = True  # quick work on the loop's thread (False: everything on the thread)
        # Up to this many jobs queued: run here. More (a busy server) go to the thread, where
        # their statements run beside the loop's Python (sqlite3 lets go of the interpreter's
        # lock while a statement runs) and share a COMMIT as before.
        self.inline_jobs = INLINE_JOBS
        self._slow = 0  # queued jobs not marked quick: they take the queue to the thread
        self._in_thread = 0  # work handed to the thread and not finished: the loop waits its turn

    @classmethod
    async def from_url(cls, url: str) -> SqliteDatabase:
        db = cls(sqlite_path(url))
        await db._call(db._open)
        return db

    def _open(self) -> None:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        if self.checkpoints is not None:
            conn.execute("PRAGMA wal_autocheckpoint=0")
        # 0: a write on the loop's thread never waits; the thread sets its wait when it works.
        self.write_lock.not_waiting(conn)
        conn.execute("PRAGMA foreign_keys=ON")
        # A group commit runs in a savepoint (its jobs in one each when one raised, a turn's logs in
        # one more): a page an earlier job dirtied is copied to the statement journal before a later
        # one changes it, and past 64 KiB SQLite spilled that journal to a temporary file, written
        # and closed on every commit (a quarter of a turn's store CPU). In memory it stays in
        # memory: it lives only until the transaction ends. So do a sort's runs (ORDER BY without an
        # index, CREATE INDEX on an existing file): they no longer spill to a file past the cache,
        # the whole sort stays in memory (the statements here sort a LIMIT's rows or an index's keys
        # at most).
        conn.execute("PRAGMA temp_store=MEMORY")
        self._conn = conn

    async def _call(self, fn: Callable[[], T]) -> T:
        with self._writes_lock:
            self._in_thread += 1
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, partial(self._in_turn, fn))
        finally:
            with self._writes_lock:
                self._in_thread -= 1

    def _in_turn(self, fn: Callable[[], T]) -> T:
        """On the thread: `fn` with the connection's busy timeout set for waiting. It stays
        set until the loop's thread runs work of its own (never meanwhile: the loop waits for
        the thread's work), so a server whose drains all go to the thread sets it once."""
        conn = self._conn
        if conn is not None:
            self.write_lock.waiting(conn)
        return fn()

    async def query(self, fn: Callable[[sqlite3.Connection], T], quick: bool = False) -> T:
        """Run a read-only function against the connection. Reads queued in one event-loop
        iteration, or while the thread is busy, take one trip to the thread together.
        `quick`: a few rows by an index, which may run on the loop's own thread."""
        return await self._queue(self._reads, fn, quick)

    async def transaction(self, fn: Callable[[sqlite3.Connection], T], quick: bool = False) -> T:
        """Run `fn` inside BEGIN IMMEDIATE ... COMMIT (shared with the transactions queued
        beside it); its writes are rolled back if it raises. `quick` as for `query`."""
        return await self._queue(self._writes, fn, quick)

    async def _queue(
        self, queue: list[Job], fn: Callable[[sqlite3.Connection], T], quick: bool
    ) -> T:
        loop = asyncio.get_running_loop()
        job: asyncio.Future[T] = loop.create_future()
        with self._writes_lock:
            queue.append((fn, job))
            self._slow += not quick
            first = len(self._reads) + len(self._writes) == 1
        if first:  # the rest of this loop iteration's reads and writes join it
            loop.call_soon(self._start_drain, loop)
        return await job

    def _start_drain(self, loop: asyncio.AbstractEventLoop) -> None:
        with self._writes_lock:
            if not self._reads and not self._writes:
                return  # taken by a drain that was already on its way
            queued = len(self._reads) + len(self._writes)
            here = (
                self.inline
                and queued <= self.inline_jobs
                and not self._slow
                and not self._in_thread
            )
            if not here:
                self._in_thread += 1
        if here:
            self._drain_here()
        else:
            self._submit_drain(loop)

    def _submit_drain(self, loop: asyncio.AbstractEventLoop) -> None:
        """A drain on the thread (`_in_thread` counted already); if the executor is closed
        meanwhile nobody will run the queue, so its jobs fail with that error."""
        try:
            self._executor.submit(self._drain, loop)
        except RuntimeError as exc:
            with self._writes_lock:
                self._in_thread -= 1
                batch = self._reads + self._writes
                self._reads, self._writes, self._slow = [], [], 0
            settle([(job, None, exc) for _, job in batch])

    def _take(self) -> tuple[list[Job], list[Job]]:
        with self._writes_lock:
            reads, writes = self._reads, self._writes
            self._reads, self._writes, self._slow = [], [], 0
        return reads, [(fn, job) for fn, job in writes if not job.cancelled()]

    def _drain_here(self) -> None:
        """On the loop: the queued quick reads, then the writes in one transaction. What would
        have to wait for another process (a busy file) goes to the thread, which waits."""
        reads, writes = self._take()
        self.inline_drains += 1
        if self._conn is not None:  # a no-op unless the thread worked last
            self.write_lock.not_waiting(self._conn)
        outcomes: list[Outcome] = []
        busy_reads: list[Job] = []
        for outcome, read in zip(self._read(reads, keep_cancelled=True), reads, strict=True):
            if busy(outcome[2]):  # a WAL read rarely waits (another process's recovery)
                busy_reads.append(read)
            else:
                outcomes.append(outcome)
        busy_writes: list[Job] = []
        if writes:
            try:
                self.write_lock.try_begin(self._connection())
            except BaseException as exc:
                if busy(exc):
                    busy_writes = writes
                else:
                    outcomes += [(job, None, exc) for _, job in writes]
            else:
                done = self._commit_begun(writes)
                if done is None:  # the shared transaction failed: each alone, on the thread
                    busy_writes = writes
                else:
                    outcomes += done
        if busy_reads or busy_writes:
            self._hand_to_thread(busy_reads, busy_writes)
        settle(outcomes)

    def _commit_begun(self, writes: list[Job]) -> list[Outcome] | None:
        if len(writes) > 1:
            done = self._together(writes, begun=True)
            if done is not None:
                self.transactions += len(writes)
            return done
        fn, job = writes[0]
        self.transactions += 1
        try:
            return [(job, self._alone(fn, begun=True), None)]
        except BaseException as exc:
            return [(job, None, exc)]

    def _hand_to_thread(self, reads: list[Job], writes: list[Job]) -> None:
        """Work the loop could not do without waiting: first in line for the thread."""
        with self._writes_lock:
            self._reads[:0] = reads
            self._writes[:0] = writes
            self._slow += len(reads) + len(writes)  # what queues behind them follows them
            self._in_thread += 1
        self._submit_drain(asyncio.get_running_loop())

    def _drain(self, loop: asyncio.AbstractEventLoop) -> None:
        """On the thread: the queued reads, then the queued writes in one transaction; one
        call back to the loop answers the reads, one the writes (not one wake-up each)."""
        outcomes: list[Outcome] = []
        try:
            outcomes = self._in_turn(lambda: self._drain_on_thread(loop))
        finally:
            with self._writes_lock:  # done before the answers: what they start may run here
                self._in_thread -= 1
            self._answer(loop, outcomes)

    def _drain_on_thread(self, loop: asyncio.AbstractEventLoop) -> list[Outcome]:
        reads, writes = self._take()
        self.trips += 1
        outcomes = self._read(reads)
        if outcomes and writes:  # the readers need not wait for the writes' COMMIT
            self._answer(loop, outcomes)
            outcomes = []
        return outcomes + self._write(writes)

    def _read(self, reads: list[Job], keep_cancelled: bool = False) -> list[Outcome]:
        return read_all(self._connection, reads, keep_cancelled)

    def _write(self, writes: list[Job]) -> list[Outcome]:
        """The writes in one transaction, or each alone when there is one, or when the
        shared one failed as a whole."""
        self.transactions += len(writes)
        together = self._together(writes) if len(writes) > 1 else None
        if together is not None:
            return together
        outcomes: list[Outcome] = []
        for fn, job in writes:
            try:
                outcomes.append((job, self._alone(fn), None))
            except BaseException as exc:
                outcomes.append((job, None, exc))
        return outcomes

    def _answer(self, loop: asyncio.AbstractEventLoop, outcomes: list[Outcome]) -> None:
        try:
            loop.call_soon_threadsafe(settle, outcomes)
        except RuntimeError:  # the loop is closed: nobody awaits them any more
            pass

    def _alone(self, fn: Callable[[sqlite3.Connection], T], begun: bool = False) -> T:
        result = commit_alone(self._connection(), self.write_lock, fn, begun)
        self._committed()
        return result

    def _committed(self) -> None:
        self.commits += 1
        if self.checkpoints is not None:
            self.checkpoints.committed()

    def _together(self, batch: list[Job], begun: bool = False) -> list[Outcome] | None:
        try:
            conn = self._connection()
        except BaseException as exc:
            return [(job, None, exc) for _, job in batch]
        outcomes = commit_together(conn, self.write_lock, batch, begun)
        if outcomes is not None:
            self._committed()
        return outcomes

    async def rows(self, table: str, page: int = 1000) -> AsyncIterator[dict[str, Any]]:
        """Every row of a table in the order written, read a page at a time (an export)."""
        sql = f"SELECT rowid AS rowid_, * FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT ?"
        after, more = 0, True
        while more:
            rows = await self.query(partial(_fetch_all, sql, (after, page)))
            for row in rows:
                found = dict(row)
                after = found.pop("rowid_")
                yield found
            more = len(rows) == page

    async def replace_rows(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert rows, each replacing the one with its key, in one transaction (a restore)."""

        def run(conn: sqlite3.Connection) -> None:
            for row in rows:
                marks = ", ".join("?" * len(row))
                sql = f"INSERT OR REPLACE INTO {table} ({', '.join(row)}) VALUES ({marks})"
                conn.execute(sql, tuple(row.values()))

        await self.transaction(run)

    async def migrate(self, schema: str) -> None:
        """Create tables and indexes (idempotent DDL) for one store."""
        await self._call(lambda: self._connection().executescript(schema))

    async def probe_write(self) -> None:
        """Take the write lock and allocate a few pages, then roll back: raises when the file
        is locked by another process or full (a size limit included), changes nothing."""

        def run(conn: sqlite3.Connection) -> None:
            self.write_lock.begin(conn)
            try:
                conn.execute("CREATE TABLE IF NOT EXISTS store_probe (pad BLOB)")
                conn.execute("INSERT INTO store_probe VALUES (zeroblob(16384))")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")

        await self.query(run)

    async def ping(self) -> bool:
        if self._conn is None:
            return False
        try:
            await self.query(lambda c: c.execute("SELECT 1").fetchone())
        except sqlite3.Error:
            return False
        return True

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("database is closed")
        return self._conn

    async def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await self._call(conn.close)  # counted: the loop runs nothing on it meanwhile
        self._executor.shutdown(wait=False)
        if self.checkpoints is not None:
            self.checkpoints.close()


def _fetch_all(sql: str, args: Sequence[Any], conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(sql, args).fetchall()

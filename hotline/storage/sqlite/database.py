"""One SQLite file in WAL mode, reached from asyncio through a single worker thread.

All statements of a process go through one connection on one thread, so a `transaction`
is atomic against the rest of the process and other processes wait on SQLite's own lock.

Group commit: transactions that queue up while the thread is busy share one BEGIN IMMEDIATE /
COMMIT, each inside its own savepoint, so one that raises is rolled back alone. A caller hears
back only after the COMMIT that holds its writes. When the shared transaction itself fails (a
full disk ends it, COMMIT fails), each is run again alone, so one bad write fails only itself.
Reads queued meanwhile go to the thread with them (before the writes), and one call back to the
event loop answers the reads, one the writes: a trip to the thread and a wake-up of the loop
each cost about as much as a small statement.

A file locked by another process is waited for once, not once per queued write (`WriteLock`).
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

from hotline.storage.sqlite.write_lock import WriteLock

T = TypeVar("T")
Job = tuple[Callable[[sqlite3.Connection], Any], "asyncio.Future[Any]"]
Outcome = tuple["asyncio.Future[Any]", Any, BaseException | None]


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
        self.write_lock = WriteLock()  # a locked file is told within seconds, not per write

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
        conn.execute(f"PRAGMA busy_timeout={self.write_lock.busy_timeout_ms}")
        conn.execute("PRAGMA foreign_keys=ON")
        self._conn = conn

    async def _call(self, fn: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn)

    async def query(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run a read-only function against the connection. Reads queued in one event-loop
        iteration, or while the thread is busy, take one trip to the thread together."""
        return await self._queue(self._reads, fn)

    async def transaction(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` inside BEGIN IMMEDIATE ... COMMIT (shared with the transactions queued
        beside it); its writes are rolled back if it raises."""
        return await self._queue(self._writes, fn)

    async def _queue(self, queue: list[Job], fn: Callable[[sqlite3.Connection], T]) -> T:
        loop = asyncio.get_running_loop()
        job: asyncio.Future[T] = loop.create_future()
        with self._writes_lock:
            queue.append((fn, job))
            first = len(self._reads) + len(self._writes) == 1
        if first:  # the rest of this loop iteration's reads and writes join it
            loop.call_soon(self._start_drain, loop)
        return await job

    def _start_drain(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            self._executor.submit(self._drain, loop)
        except RuntimeError as exc:  # closed meanwhile: nobody will run them
            with self._writes_lock:
                batch = self._reads + self._writes
                self._reads, self._writes = [], []
            _settle([(job, None, exc) for _, job in batch])

    def _drain(self, loop: asyncio.AbstractEventLoop) -> None:
        """On the thread: the queued reads, then the queued writes in one transaction; one
        call back to the loop answers the reads, one the writes (not one wake-up each)."""
        with self._writes_lock:
            reads, writes = self._reads, self._writes
            self._reads, self._writes = [], []
        self.trips += 1
        # A job whose caller was cancelled before it ran is not run (it may be cancelled
        # while it runs: then it completes, as a started transaction always did).
        outcomes: list[Outcome] = []
        for fn, job in reads:
            if not job.cancelled():
                try:
                    outcomes.append((job, fn(self._connection()), None))
                except BaseException as exc:  # handed to the caller, who awaits it
                    outcomes.append((job, None, exc))
        if outcomes and writes:  # the readers need not wait for the writes' COMMIT
            self._answer(loop, outcomes)
            outcomes = []
        writes = [(fn, job) for fn, job in writes if not job.cancelled()]
        self.transactions += len(writes)
        together = self._together(writes) if len(writes) > 1 else None
        if together is not None:
            outcomes += together
        else:
            for fn, job in writes:
                try:
                    outcomes.append((job, self._alone(fn), None))
                except BaseException as exc:
                    outcomes.append((job, None, exc))
        self._answer(loop, outcomes)

    def _answer(self, loop: asyncio.AbstractEventLoop, outcomes: list[Outcome]) -> None:
        try:
            loop.call_soon_threadsafe(_settle, outcomes)
        except RuntimeError:  # the loop is closed: nobody awaits them any more
            pass

    def _alone(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        conn = self._connection()
        self.write_lock.begin(conn)
        try:
            result = fn(conn)
            conn.execute("COMMIT")  # may fail too (a deferred constraint), leaving it open
        except BaseException:
            if conn.in_transaction:  # SQLite ends it itself on some errors (a full disk)
                conn.execute("ROLLBACK")
            raise
        self.commits += 1
        return result

    def _together(self, batch: list[Job]) -> list[Outcome] | None:
        """One transaction for the batch, a savepoint each; None (nothing kept) when the
        transaction as a whole failed."""
        try:
            conn = self._connection()
            self.write_lock.begin(conn)
        except BaseException as exc:  # locked by another process: retrying each would wait again
            return [(job, None, exc) for _, job in batch]
        outcomes: list[Outcome] = []
        try:
            for fn, job in batch:
                conn.execute("SAVEPOINT write")
                try:
                    result = fn(conn)
                except Exception as exc:
                    if not conn.in_transaction:  # SQLite ended the whole transaction
                        return None
                    conn.execute("ROLLBACK TO write")
                    outcomes.append((job, None, exc))
                else:
                    outcomes.append((job, result, None))
                conn.execute("RELEASE write")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            return None
        self.commits += 1
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
            await asyncio.get_running_loop().run_in_executor(self._executor, conn.close)
        self._executor.shutdown(wait=False)


def _fetch_all(sql: str, args: Sequence[Any], conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(sql, args).fetchall()


def _settle(outcomes: list[Outcome]) -> None:
    """On the loop: answer each caller still waiting (a cancelled one is not)."""
    for job, result, error in outcomes:
        if job.done():
            continue
        if error is None:
            job.set_result(result)
        else:
            job.set_exception(error)

"""The statements of queued jobs, run by `SqliteDatabase` on whichever thread drains the queue:
reads one by one, writes alone or together in one transaction (a savepoint each only when one
raised: `commit_together`). A write job may run twice, so it writes through its connection
alone and leaves what the caller keeps in memory to the caller, after the COMMIT."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

from hotline.storage.sqlite.write_lock import WriteLock

T = TypeVar("T")
Job = tuple[Callable[[sqlite3.Connection], Any], "asyncio.Future[Any]"]
Outcome = tuple["asyncio.Future[Any]", Any, BaseException | None]


def read_all(
    connection: Callable[[], sqlite3.Connection], reads: list[Job], keep_cancelled: bool = False
) -> list[Outcome]:
    """Each read's outcome. A job whose caller was cancelled before it ran is not run (it may be
    cancelled while it runs: then it completes, as a started transaction always did);
    `keep_cancelled` gives it an empty outcome, so there is one a read."""
    outcomes: list[Outcome] = []
    for fn, job in reads:
        if job.cancelled():
            if keep_cancelled:  # `settle` passes it over
                outcomes.append((job, None, None))
        else:
            try:
                outcomes.append((job, fn(connection()), None))
            except BaseException as exc:  # handed to the caller, who awaits it
                outcomes.append((job, None, exc))
    return outcomes


def commit_alone(
    conn: sqlite3.Connection,
    lock: WriteLock,
    fn: Callable[[sqlite3.Connection], T],
    begun: bool = False,
) -> T:
    """`fn` in a transaction of its own (`begun`: its BEGIN IMMEDIATE is made)."""
    if not begun:
        lock.begin(conn)
    try:
        result = fn(conn)
        conn.execute("COMMIT")  # may fail too (a deferred constraint), leaving it open
    except BaseException:
        if conn.in_transaction:  # SQLite ends it itself on some errors (a full disk)
            conn.execute("ROLLBACK")
        raise
    return result


def commit_together(
    conn: sqlite3.Connection, lock: WriteLock, batch: list[Job], begun: bool = False
) -> list[Outcome] | None:
    """One transaction for the batch; None (nothing kept) when the transaction as a whole
    failed.

    The jobs run first side by side, without a savepoint each: a SAVEPOINT/RELEASE pair cost
    6.5 us of a turn's 80 us of statements, and a job nearly never raises. When one does, its
    writes cannot be told from the others', so the batch's are rolled back (to one savepoint
    around them all, which keeps the lock) and the jobs run again, a savepoint each, so that
    the one is rolled back alone. A job may thus run twice, as it may when the shared COMMIT
    fails and each runs again alone."""
    if not begun:
        try:
            lock.begin(conn)
        except BaseException as exc:  # locked by another process: retrying each would wait again
            return [(job, None, exc) for _, job in batch]
    try:
        conn.execute("SAVEPOINT batch")
        outcomes = _side_by_side(conn, batch)
        if outcomes is None:
            if not conn.in_transaction:  # SQLite ended the whole transaction
                return None
            conn.execute("ROLLBACK TO batch")
            outcomes = _each_in_savepoint(conn, batch)
        if outcomes is not None:
            conn.execute("COMMIT")  # ends the savepoints too
    except BaseException:
        outcomes = None
    if outcomes is None and conn.in_transaction:
        conn.execute("ROLLBACK")
    return outcomes


def _side_by_side(conn: sqlite3.Connection, batch: list[Job]) -> list[Outcome] | None:
    """Each job's outcome, or None as soon as one raises."""
    outcomes: list[Outcome] = []
    for fn, job in batch:
        try:
            outcomes.append((job, fn(conn), None))
        except Exception:  # run again in its savepoint, where it is told
            return None
    return outcomes


def _each_in_savepoint(conn: sqlite3.Connection, batch: list[Job]) -> list[Outcome] | None:
    """Each job in a savepoint of its own: one that raises is rolled back alone."""
    outcomes: list[Outcome] = []
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
    return outcomes


def settle(outcomes: list[Outcome]) -> None:
    """On the loop: answer each caller still waiting (a cancelled one is not)."""
    for job, result, error in outcomes:
        if job.done():
            continue
        if error is None:
            job.set_result(result)
        else:
            job.set_exception(error)

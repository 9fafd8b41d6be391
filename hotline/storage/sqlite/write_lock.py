"""How long a write waits for another process's lock on the SQLite file.

The writes of a process run one after another on one thread. If each waited out SQLite's busy
timeout, the writes queued behind a locked file would wait it out one after another (ten queued
writes, ten waits), and a citizen would hear of the trouble half a minute late. So the wait is
shared: the first write that waits out `wait` marks the store locked, and until a write gets the
lock again every write tries once, briefly, and fails at once with SQLite's own "database is
locked" (the same store trouble, told within seconds).
"""

from __future__ import annotations

import sqlite3

WAIT = 3.0  # seconds a write waits for another process's write lock (a second worker, an import)
RETRY_WAIT = 0.05  # while locked: long enough for another worker's short write, no longer


class WriteLock:
    """BEGIN IMMEDIATE with a wait shared by the writes queued behind a locked file."""

    def __init__(self, wait: float = WAIT, retry_wait: float = RETRY_WAIT) -> None:
        self.wait = wait
        self.retry_wait = retry_wait
        self.locked = False  # the last write waited out `wait`, and none got the lock since

    @property
    def busy_timeout_ms(self) -> int:
        """The connection's busy timeout outside a locked spell."""
        return round(self.wait * 1000)

    def begin(self, conn: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE on `conn`; raises SQLite's busy error after the shared wait.

        The connection's busy timeout changes twice a locked spell, not on every write: to
        `retry_wait` when the spell starts, back to `wait` when a write gets the lock again.
        Reads in WAL mode never wait for a writer, so the short timeout meanwhile spares them;
        only a schema change in the spell tries briefly too.
        """
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if busy(exc) and not self.locked:
                self.locked = True
                _busy_timeout(conn, round(self.retry_wait * 1000))
            raise
        if self.locked:
            self.locked = False
            _busy_timeout(conn, self.busy_timeout_ms)

    def try_begin(self, conn: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE without waiting (the connection's busy timeout is 0 outside
        `waiting`): raises SQLite's busy error at once when another process writes."""
        conn.execute("BEGIN IMMEDIATE")
        if self.locked:
            self.locked = False  # a write got the lock: the spell is over

    def waiting(self, conn: sqlite3.Connection) -> None:
        """The thread starts its work: its writes wait for the lock (briefly in a spell)."""
        _busy_timeout(conn, round(self.retry_wait * 1000) if self.locked else self.busy_timeout_ms)

    def not_waiting(self, conn: sqlite3.Connection) -> None:
        """The thread is done: statements on the loop's thread never wait."""
        _busy_timeout(conn, 0)


def busy(error: BaseException | None) -> bool:
    """SQLite's "database is locked": another process holds what this needs.

    `sqlite_errorcode` is the extended code: BUSY_RECOVERY (another process recovers the WAL)
    and BUSY_SNAPSHOT are busy too, so the primary code is its low byte."""
    code = getattr(error, "sqlite_errorcode", None)
    return (
        isinstance(error, sqlite3.OperationalError)
        and code is not None
        and code & 0xFF == sqlite3.SQLITE_BUSY
    )


def _busy_timeout(conn: sqlite3.Connection, ms: int) -> None:
    conn.execute(f"PRAGMA busy_timeout={int(ms)}")

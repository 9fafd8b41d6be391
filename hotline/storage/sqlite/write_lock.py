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
        # The busy timeout last set, and on which connection: a PRAGMA costs about as much as
        # a small statement, so it runs only when the value changes (not twice a drain).
        self._timeout: tuple[sqlite3.Connection, int] | None = None

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
                self.busy_timeout(conn, round(self.retry_wait * 1000))
            raise
        if self.locked:
            self.locked = False
            self.busy_timeout(conn, self.busy_timeout_ms)

    def try_begin(self, conn: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE without waiting (the connection's busy timeout is 0 after
        `not_waiting`): raises SQLite's busy error at once when another process writes."""
        conn.execute("BEGIN IMMEDIATE")
        if self.locked:
            self.locked = False  # a write got the lock: the spell is over

    def waiting(self, conn: sqlite3.Connection) -> None:
        """The thread starts its work: its writes wait for the lock (briefly in a spell)."""
        wait = round(self.retry_wait * 1000) if self.locked else self.busy_timeout_ms
        self.busy_timeout(conn, wait)

    def not_waiting(self, conn: sqlite3.Connection) -> None:
        """The loop's thread starts its work: its statements never wait."""
        self.busy_timeout(conn, 0)

    def busy_timeout(self, conn: sqlite3.Connection, ms: int) -> None:
        """Set `conn`'s busy timeout, unless it is set to `ms` already."""
        if self._timeout is not None and self._timeout[0] is conn and self._timeout[1] == ms:
            return
        conn.execute(f"PRAGMA busy_timeout={int(ms)}")
        self._timeout = (conn, ms)


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

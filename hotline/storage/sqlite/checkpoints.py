"""WAL checkpoints off the event loop.

SQLite checkpoints the WAL itself inside a COMMIT now and then (every 1,000 pages): it copies
the pages into the database file and syncs both, milliseconds or more on a slow disk. Since a
turn's commit runs on the event loop's thread, that would stall every request for as long. So
the store's connection checkpoints nothing itself, and every `EVERY` commits a checkpoint runs
on a thread of its own, through a connection of its own: a PASSIVE checkpoint waits for no
writer and no reader, and the writer goes on appending to the WAL meanwhile.
"""

from __future__ import annotations

import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

EVERY = 100  # commits between checkpoints: a few hundred pages of WAL, under SQLite's 1,000


class Checkpoints:
    """Counts commits and checkpoints the file now and then, on a thread of its own."""

    def __init__(self, path: str, every: int = EVERY) -> None:
        self.path = path
        self.every = every
        self.made = 0  # checkpoints run
        self.last: tuple[int, int, int] | None = None  # its (busy, WAL pages, pages checkpointed)
        self._since = 0
        self._running = False
        self._executor: ThreadPoolExecutor | None = None
        self._conn: sqlite3.Connection | None = None

    def committed(self) -> None:
        """A COMMIT was made (on whichever thread runs the store's statements)."""
        self._since += 1
        if self._since < self.every or self._running:
            return
        self._since, self._running = 0, True
        if self._executor is None:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="sqlite-checkpoint")
        try:
            self._executor.submit(self._checkpoint)
        except RuntimeError:  # closed meanwhile
            self._running = False

    def _checkpoint(self) -> None:
        try:
            if self._conn is None:
                self._conn = sqlite3.connect(self.path, isolation_level=None)
            self.last = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.made += 1
        except sqlite3.Error:  # the next one tries again; the WAL only grows meanwhile
            log.warning("WAL checkpoint of %s failed", self.path, exc_info=True)
        finally:
            self._running = False

    def close(self) -> None:
        """Stops the thread after what it runs now, and closes its connection there."""
        if self._executor is None:
            return
        executor, self._executor = self._executor, None
        executor.submit(self._close_connection)
        executor.shutdown(wait=False)

    def _close_connection(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

"""Store trouble in the hotline's words: what kind it is, how long to wait, and the one line an
operator reads when the hotline cannot start on its store (which store, and what to do)."""

from __future__ import annotations

import errno
import sqlite3
import sys
from enum import StrEnum


class Trouble(StrEnum):
    LOCKED = "locked"  # another process holds the write lock longer than we wait
    FULL = "full"  # the disk (or the database's size limit) is full
    CORRUPT = "corrupt"  # not a database, or a damaged one
    UNREADABLE = "unreadable"  # missing folder, permissions, read-only, I/O errors
    UNAVAILABLE = "unavailable"  # the database server does not answer


# What a client is told to wait before trying again (Retry-After, seconds).
RETRY_AFTER = {
    Trouble.LOCKED: 5,
    Trouble.FULL: 60,
    Trouble.CORRUPT: 300,
    Trouble.UNREADABLE: 300,
    Trouble.UNAVAILABLE: 10,
}

_SQLITE = {
    sqlite3.SQLITE_BUSY: Trouble.LOCKED,
    sqlite3.SQLITE_LOCKED: Trouble.LOCKED,
    sqlite3.SQLITE_FULL: Trouble.FULL,
    sqlite3.SQLITE_CORRUPT: Trouble.CORRUPT,
    sqlite3.SQLITE_NOTADB: Trouble.CORRUPT,
    sqlite3.SQLITE_CANTOPEN: Trouble.UNREADABLE,
    sqlite3.SQLITE_READONLY: Trouble.UNREADABLE,
    sqlite3.SQLITE_PERM: Trouble.UNREADABLE,
    sqlite3.SQLITE_AUTH: Trouble.UNREADABLE,
    sqlite3.SQLITE_IOERR: Trouble.UNREADABLE,
}
_MONGO_DISK_FULL = {14031}  # OutOfDiskSpace
UNREADABLE_ERRNOS = {
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ENOENT,
    errno.EIO,
    errno.ENOTDIR,
    errno.EISDIR,
    errno.EEXIST,  # the store's folder is a file
}


def trouble_of(exc: BaseException) -> Trouble | None:
    """The kind of store trouble an exception is, or None when it is something else."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            return _SQLITE.get(code & 0xFF)
        return Trouble.CORRUPT if isinstance(exc, sqlite3.DatabaseError) else None
    # No pymongo error exists unless pymongo was loaded (only the MongoDB back end loads it),
    # so a SQLite deployment never loads it here either.
    if "pymongo" in sys.modules:
        found = _mongo_trouble(exc)
        if found is not None:
            return found
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return Trouble.FULL
        if exc.errno in UNREADABLE_ERRNOS:
            return Trouble.UNREADABLE
    return None


def _mongo_trouble(exc: BaseException) -> Trouble | None:
    from pymongo.errors import ConnectionFailure, OperationFailure, PyMongoError

    if isinstance(exc, OperationFailure):
        return Trouble.FULL if exc.code in _MONGO_DISK_FULL else None
    if isinstance(exc, ConnectionFailure):
        return Trouble.UNAVAILABLE
    if isinstance(exc, PyMongoError) and exc.has_error_label("RetryableWriteError"):
        return Trouble.UNAVAILABLE
    return None


_FIX = {
    Trouble.LOCKED: "another process holds it locked; stop that process (another hotline, a"
    " backup, an open sqlite3 shell) or wait for it, then start again",
    Trouble.FULL: "the disk is full; free space on it, then start again",
    Trouble.CORRUPT: "it is not a readable database (damaged, or another kind of file); restore"
    " it from a backup, or move it aside to start on an empty store",
    Trouble.UNREADABLE: "it cannot be read or written; check that the file and its folder exist,"
    " are writable by this user and the disk works",
    Trouble.UNAVAILABLE: "the database server does not answer; check that it runs and that"
    " HOTLINE_STORE points to it",
}


def startup_error(exc: BaseException, store: str) -> str | None:
    """One line naming the store and the fix, or None for trouble that is not the store's."""
    found = trouble_of(exc)
    if found is None:
        return None
    return f"hotline: cannot start on the store {store}: {_FIX[found]} ({exc})"

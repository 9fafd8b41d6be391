"""Store trouble told apart: what each database error means for the operator and the client."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from pymongo.errors import OperationFailure, ServerSelectionTimeoutError

from hotline.storage.open import Trouble, startup_error, store_name, trouble_of


def sqlite_error(path: Path, sql: str) -> sqlite3.Error:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("no error")


def test_sqlite_errors_are_told_apart(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert trouble_of(sqlite_error(garbage, "SELECT * FROM sqlite_master")) == Trouble.CORRUPT
    assert trouble_of(sqlite_error(tmp_path / "x.db", "SELECT * FROM nowhere")) is None


@pytest.mark.parametrize(
    ("exc", "trouble"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), Trouble.FULL),
        (OSError(errno.EACCES, "Permission denied"), Trouble.UNREADABLE),
        (ServerSelectionTimeoutError("no servers"), Trouble.UNAVAILABLE),
        (OperationFailure("out of disk", code=14031), Trouble.FULL),
        (OperationFailure("bad query", code=2), None),
        (ValueError("not a store error"), None),
    ],
)
def test_other_errors(exc: BaseException, trouble: Trouble | None) -> None:
    assert trouble_of(exc) == trouble


def test_a_startup_error_names_the_store_without_its_password() -> None:
    name = store_name("mongodb://hotline:s3cret@db1:27017/hotline")
    assert name == "mongodb://db1:27017/hotline"
    line = startup_error(ServerSelectionTimeoutError("no servers"), name)
    assert line is not None and "s3cret" not in line and "db1:27017" in line
    assert "\n" not in line
    assert startup_error(ValueError("x"), name) is None

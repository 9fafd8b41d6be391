"""The SQLite file under every store: its URL, WAL mode, all-or-nothing transactions."""

import sqlite3
from pathlib import Path

import pytest

from hotline.storage.sqlite.database import SqliteDatabase, sqlite_path


def test_sqlite_urls() -> None:
    assert sqlite_path("sqlite:///var/hotline.db") == "var/hotline.db"
    assert sqlite_path("sqlite:////tmp/h.db") == "/tmp/h.db"
    with pytest.raises(ValueError):
        sqlite_path("mongodb://localhost")
    with pytest.raises(ValueError):
        sqlite_path("sqlite:///")


async def test_wal_mode_and_atomic_transactions(tmp_path: Path) -> None:
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/sub/dir/h.db")
    try:
        await db.migrate("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        mode = await db.query(lambda c: c.execute("PRAGMA journal_mode").fetchone()[0])
        assert mode == "wal"

        def half_then_fail(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT INTO t VALUES (1)")
            raise RuntimeError("crash in the middle")

        with pytest.raises(RuntimeError):
            await db.transaction(half_then_fail)
        count = await db.query(lambda c: c.execute("SELECT count(*) FROM t").fetchone()[0])
        assert count == 0, "a failed transaction leaves nothing half-written"
        assert await db.ping()
    finally:
        await db.close()
    assert not await db.ping()

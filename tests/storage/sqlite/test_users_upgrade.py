"""A SQLite file from before display names keeps working: the column is added in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hotline.handoff.users import User
from hotline.storage.open import open_storage

OLD_USERS = """
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    team TEXT,
    agency TEXT,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
INSERT INTO users VALUES ('lan', 'agent', 'agents', NULL, 'hash', 1, '2026-11-01T08:00:00+00:00');
"""


async def test_an_old_users_table_gains_display_names(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_USERS)
    conn.close()
    storage = await open_storage(f"sqlite:///{path}")
    try:
        users = await storage.users()
        old = await users.get("lan")
        assert old is not None and old.display_name is None and old.team == "agents"
        new = User.new("nv.binh", "agent", "h", created_at=old.created_at, display_name=" Bình ")
        await users.add(new)
        got = await users.get("nv.binh")
        assert got is not None and got.display_name == "Bình"
    finally:
        await storage.close()

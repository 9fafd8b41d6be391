"""The contact log's SQLite table: keyed by time, WITHOUT ROWID, and a file made before rebuilt."""

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.storage.shared.contact_log import CONTACTS, ContactLogOnShelf
from hotline.storage.sqlite.conversations import SqliteConversationStore
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.shelf import SqliteShelf

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)

# The table as the code before made it (a rowid, the text key's index and one on the time).
BEFORE = """
CREATE TABLE contacts (
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    at TEXT NOT NULL,
    conversation TEXT NOT NULL,
    intent TEXT,
    handled_by TEXT NOT NULL,
    PRIMARY KEY (channel, message_id)
);
CREATE INDEX contacts_at ON contacts (at);
"""
ROWS = [
    ("rest", "c1/m1", (NOW + timedelta(minutes=2)).isoformat(), "c1", "ask_faq", "bot"),
    ("zalo", "c2/m1", NOW.isoformat(), "c2", None, "agent"),
    ("rest", "c3/m7", NOW.isoformat(), "c3", "greet", "bot"),  # the same time as another
]


def old_file(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(BEFORE)
    conn.executemany("INSERT INTO contacts VALUES (?, ?, ?, ?, ?, ?)", ROWS)
    conn.commit()
    conn.close()


def table_and_indexes(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    found = conn.execute(
        "SELECT type, sql FROM sqlite_master WHERE tbl_name = 'contacts' AND sql IS NOT NULL"
    ).fetchall()
    conn.close()
    return found


async def test_a_file_made_before_keeps_every_contact_in_the_new_table(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_file(path)
    db = await SqliteDatabase.from_url(f"sqlite:///{path}")
    await SqliteConversationStore.open(db)
    rows = await db.query(lambda c: c.execute("SELECT * FROM contacts").fetchall())
    assert sorted(tuple(r) for r in rows) == sorted(ROWS)
    contacts = ContactLogOnShelf(await SqliteShelf.open(db, CONTACTS))
    found = await contacts.between(NOW, NOW + timedelta(hours=1))
    assert [(c.channel, c.conversation) for c in found] == [
        ("rest", "c3"),
        ("zalo", "c2"),
        ("rest", "c1"),
    ]
    await db.close()
    [(kind, sql)] = table_and_indexes(path)  # one B-tree: no index of its own
    assert kind == "table" and "WITHOUT ROWID" in sql
    # An older process on the file makes its index again; opened again: it goes, nothing lost.
    conn = sqlite3.connect(path)
    conn.execute("CREATE INDEX IF NOT EXISTS contacts_at ON contacts (at)")
    conn.close()
    db = await SqliteDatabase.from_url(f"sqlite:///{path}")
    await SqliteConversationStore.open(db)
    assert await db.query(lambda c: c.execute("SELECT count(*) FROM contacts").fetchone()[0]) == 3
    await db.close()
    assert table_and_indexes(path) == [(kind, sql)]


async def test_the_dashboards_range_reads_the_key(tmp_path: Path) -> None:
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/new.db")
    await SqliteShelf.open(db, CONTACTS)
    plan = await db.query(
        lambda c: c.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM contacts WHERE 1 = 1 AND at >= ? AND at < ?"
            " ORDER BY at",
            ("a", "b"),
        ).fetchall()
    )
    assert "PRIMARY KEY" in plan[0]["detail"], plan[0]["detail"]
    await db.close()


async def test_an_export_pages_through_every_contact(tmp_path: Path) -> None:
    db = await SqliteDatabase.from_url(f"sqlite:///{tmp_path}/new.db")
    shelf = await SqliteShelf.open(db, CONTACTS)
    contacts = ContactLogOnShelf(shelf)
    for n in range(5):
        key = ConversationKey("rest", f"citizen-{n % 2}")
        message = InboundMessage(key=key, message_id=f"m{n}", received_at=NOW)
        await contacts.record(message, "greet", "bot")
    pages = [row async for row in shelf._keyed_rows(page=2)]
    exported = [record async for record in shelf.export()]
    await db.close()
    assert len(pages) == len(exported) == 5
    assert len({r["message_id"] for r in exported}) == 5

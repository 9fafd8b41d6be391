"""What a platform channel remembers about each citizen it talks to, across restarts.

Zalo quotes the citizen's last message in a reply; Messenger must know when the citizen last
wrote (the 24-hour rule). Both are written when the webhook stores a message, so they hold
after a restart for the replies still waiting in the outbox.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from hotline.bot.messages import ConversationKey
from hotline.storage.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS platform_contacts (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    last_inbound_at TEXT,
    last_message_id TEXT,
    delivered_at TEXT,
    read_at TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, sender)
);
"""


@dataclass(frozen=True)
class Contact:
    key: ConversationKey
    # When the citizen last wrote, by the platform's clock (the 24-hour window's start).
    last_inbound_at: datetime | None = None
    last_message_id: str | None = None
    # Receipts: up to when the platform says our messages were delivered, and read.
    delivered_at: datetime | None = None
    read_at: datetime | None = None


class ContactBook:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> ContactBook:
        await db.migrate(SCHEMA)
        return cls(db)

    async def get(self, key: ConversationKey) -> Contact:
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM platform_contacts WHERE channel = ? AND sender = ?",
                (key.channel, key.sender),
            ).fetchone()
        )
        if row is None:
            return Contact(key)
        return Contact(
            key,
            _time(row["last_inbound_at"]),
            row["last_message_id"],
            _time(row["delivered_at"]),
            _time(row["read_at"]),
        )

    async def heard_from(self, key: ConversationKey, at: datetime, message_id: str | None) -> None:
        """The citizen wrote at `at`: the message a reply quotes, and when the window opened."""
        now = _iso(datetime.now(UTC))

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO platform_contacts (channel, sender, last_inbound_at,"
                " last_message_id, updated_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (channel, sender) DO UPDATE SET"
                " last_inbound_at = max(coalesce(last_inbound_at, ''), excluded.last_inbound_at),"
                " last_message_id = excluded.last_message_id,"
                " updated_at = excluded.updated_at",
                (key.channel, key.sender, _iso(at), message_id, now),
            )

        await self._db.transaction(run)

    async def receipt(self, key: ConversationKey, kind: str, at: datetime) -> None:
        """The platform says our messages up to `at` were delivered ("delivery") or read."""
        column = {"delivery": "delivered_at", "read": "read_at"}[kind]

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                f"INSERT INTO platform_contacts (channel, sender, {column}, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (channel, sender) DO UPDATE SET"
                f" {column} = max(coalesce({column}, ''), excluded.{column}),"
                " updated_at = excluded.updated_at",
                (key.channel, key.sender, _iso(at), _iso(datetime.now(UTC))),
            )

        await self._db.transaction(run)


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(at: datetime) -> str:
    """UTC ISO text, so that SQL's max() on the column compares times correctly."""
    return at.astimezone(UTC).isoformat(timespec="microseconds")

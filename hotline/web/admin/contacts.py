"""The contact log: each message citizens send, with its channel, time, parsed intent and who
handled it (the bot or an agent), for the dashboard. It keeps no identity: a conversation is
counted through a one-way digest of its key, never by who it is.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from hotline.bot.messages import InboundMessage
from hotline.storage.sqlite import SqliteDatabase

HandledBy = Literal["bot", "agent", "refused"]


@dataclass(frozen=True)
class Contact:
    """One inbound message as the dashboard counts it."""

    channel: str
    at: datetime
    conversation: str  # digest of the conversation key
    intent: str | None = None  # None when it was not parsed (an agent had it, or it was refused)
    handled_by: HandledBy = "bot"


class ContactLog(Protocol):
    """Where contacts are kept; a store with SQLite and MongoDB back ends."""

    async def record(self, message: InboundMessage, intent: str | None, handled_by: str) -> None:
        """Log a message once (a redelivery replaces its row)."""
        ...

    async def between(self, since: datetime, until: datetime) -> list[Contact]: ...

    async def close(self) -> None: ...


def conversation_digest(channel: str, sender: str) -> str:
    """The same for a contact and the tickets its conversation filed; says nothing of who."""
    return hashlib.sha256(f"{channel}:{sender}".encode()).hexdigest()[:24]


SCHEMA = """
CREATE TABLE IF NOT EXISTS contacts (
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    at TEXT NOT NULL,
    conversation TEXT NOT NULL,
    intent TEXT,
    handled_by TEXT NOT NULL,
    PRIMARY KEY (channel, message_id)
);
CREATE INDEX IF NOT EXISTS contacts_at ON contacts (at);
"""


class SqliteContactLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteContactLog:
        await db.migrate(SCHEMA)
        return cls(db)

    async def record(self, message: InboundMessage, intent: str | None, handled_by: str) -> None:
        key = message.key
        at = (message.received_at or datetime.now(UTC)).astimezone(UTC).isoformat()
        row = (key.channel, message.message_id, at, conversation_digest(key.channel, key.sender))

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT OR REPLACE INTO contacts"
                " (channel, message_id, at, conversation, intent, handled_by)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (*row, intent, handled_by),
            )

        await self._db.transaction(run)

    async def between(self, since: datetime, until: datetime) -> list[Contact]:
        def run(conn: sqlite3.Connection) -> list[Contact]:
            rows = conn.execute(
                "SELECT * FROM contacts WHERE at >= ? AND at < ? ORDER BY at",
                (since.astimezone(UTC).isoformat(), until.astimezone(UTC).isoformat()),
            )
            return [
                Contact(
                    r["channel"],
                    datetime.fromisoformat(r["at"]),
                    r["conversation"],
                    r["intent"],
                    r["handled_by"],
                )
                for r in rows
            ]

        return await self._db.query(run)

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""

"""Conversation leases in SQLite: a row per conversation with its holder and expiry."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from hotline.bot.messages import ConversationKey
from hotline.clock import utc_now
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.shelf import iso

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversation_leases (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    holder TEXT NOT NULL,
    until TEXT NOT NULL,
    PRIMARY KEY (channel, sender)
);
"""


class SqliteLeases:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteLeases:
        await db.migrate(SCHEMA)
        return cls(db)

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        row = (key.channel, key.sender, holder, iso(until), utc_now().isoformat())

        def run(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "INSERT INTO conversation_leases VALUES (?, ?, ?, ?)"
                " ON CONFLICT (channel, sender) DO UPDATE SET holder = excluded.holder,"
                " until = excluded.until WHERE conversation_leases.until < ?"
                " OR conversation_leases.holder = excluded.holder",
                row,
            )
            return cur.rowcount == 1

        return await self._db.transaction(run)

    async def give_back(self, key: ConversationKey, holder: str) -> None:
        await self._db.transaction(
            lambda c: c.execute(
                "DELETE FROM conversation_leases WHERE channel = ? AND sender = ? AND holder = ?",
                (key.channel, key.sender, holder),
            )
        )

"""Conversation leases: one worker at a time runs a conversation's turns, across processes.

The engine's asyncio lock orders turns inside one process. With several workers on one store,
a platform's redelivery or a citizen's next message can reach another worker while the first
is mid-turn; the lease (a row or document per conversation with a holder and an expiry) makes
the second wait. It then finds the turn done (the message has its replies) and answers with
those. A lease expires so that a worker that dies mid-turn holds nobody up for long.
"""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Protocol

from pymongo.errors import DuplicateKeyError

from hotline.bot.messages import ConversationKey
from hotline.storage.mongo import MongoDatabase
from hotline.storage.sqlite import SqliteDatabase

LEASE = timedelta(seconds=60)  # longer than any turn: the NLU and the store have timeouts
POLL_SECONDS = 0.05

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversation_leases (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    holder TEXT NOT NULL,
    until TEXT NOT NULL,
    PRIMARY KEY (channel, sender)
);
"""


class ConversationLeases(Protocol):
    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        """Take the lease if nobody holds it or its holder's time is up."""
        ...

    async def give_back(self, key: ConversationKey, holder: str) -> None: ...


class NoLeases:
    """One process alone: its in-process lock is enough."""

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        return True

    async def give_back(self, key: ConversationKey, holder: str) -> None:
        return None


class SqliteLeases:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteLeases:
        await db.migrate(SCHEMA)
        return cls(db)

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        now = datetime.now(UTC).isoformat()
        row = (key.channel, key.sender, holder, until.astimezone(UTC).isoformat(), now)

        def run(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "INSERT INTO conversation_leases VALUES (?, ?, ?, ?)"
                " ON CONFLICT (channel, sender) DO UPDATE SET holder = excluded.holder,"
                " until = excluded.until WHERE conversation_leases.until < ?",
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


class MongoLeases:
    def __init__(self, db: MongoDatabase) -> None:
        self._leases = db.collection("conversation_leases")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoLeases:
        return cls(db)

    async def take(self, key: ConversationKey, holder: str, until: datetime) -> bool:
        # Matches only an expired lease; with none at all the upsert inserts one, and a live
        # lease makes that insert collide on `_id`: exactly one worker wins.
        try:
            await self._leases.find_one_and_update(
                {"_id": str(key), "until": {"$lt": datetime.now(UTC)}},
                {"$set": {"holder": holder, "until": until}},
                upsert=True,
            )
        except DuplicateKeyError:
            return False
        return True

    async def give_back(self, key: ConversationKey, holder: str) -> None:
        await self._leases.delete_one({"_id": str(key), "holder": holder})


@asynccontextmanager
async def leased(leases: ConversationLeases, key: ConversationKey) -> AsyncIterator[None]:
    """Hold a conversation's lease for the block, waiting (polling) while another worker has it."""
    holder = uuid.uuid4().hex
    # Polling, not an Event: the holder may be another process.
    while not await leases.take(key, holder, datetime.now(UTC) + LEASE):  # noqa: ASYNC110
        await asyncio.sleep(POLL_SECONDS)
    try:
        yield
    finally:
        await leases.give_back(key, holder)

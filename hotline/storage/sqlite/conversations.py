"""Conversations, messages and the outbox in SQLite: a JSON document per row, with the
columns the queues read."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any

from hotline.bot.conversation import ConversationState, OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.clock import utc_now
from hotline.storage.portable import Record
from hotline.storage.shelf import Layout
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.shelf import SqliteShelf, iso

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    doc TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (channel, sender)
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    message_id TEXT,
    reply_to INTEGER REFERENCES messages (id),
    status TEXT NOT NULL,
    doc TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_platform_id
    ON messages (channel, message_id) WHERE direction = 'in';
CREATE INDEX IF NOT EXISTS messages_conversation ON messages (channel, sender, id);
CREATE INDEX IF NOT EXISTS messages_status ON messages (status, id);
CREATE TABLE IF NOT EXISTS outbox_claims (
    id INTEGER PRIMARY KEY REFERENCES messages (id),
    holder TEXT NOT NULL,
    until TEXT NOT NULL
);
"""

# Compare-and-set: a claim on a pending reply, taken when there is none, when it has expired or
# when it is the holder's own. One statement, so two processes cannot both win it.
CLAIM = """
INSERT INTO outbox_claims (id, holder, until)
SELECT id, ?, ? FROM messages WHERE id = ? AND direction = 'out' AND status = 'pending'
ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, until = excluded.until
WHERE outbox_claims.until <= ? OR outbox_claims.holder = excluded.holder
"""


def _now() -> str:
    return utc_now().isoformat()


def _inbound_doc(msg: InboundMessage) -> str:
    return json.dumps(msg.to_record(), ensure_ascii=False)


def _inbound(row: sqlite3.Row) -> InboundMessage:
    key = ConversationKey(row["channel"], row["sender"])
    return InboundMessage.from_record(key, row["message_id"], json.loads(row["doc"]))


def _outbox_item(row: sqlite3.Row) -> OutboxItem:
    key = ConversationKey(row["channel"], row["sender"])
    message = OutboundMessage.from_record(key, json.loads(row["doc"]))
    return OutboxItem(
        row["id"], message, datetime.fromisoformat(row["created_at"]), row["attempts"]
    )


def queue_replies(
    conn: sqlite3.Connection, replies: list[OutboundMessage], reply_to: int | None
) -> list[OutboxItem]:
    """Insert replies as pending outbox rows inside the caller's transaction."""
    items = []
    for reply in replies:
        created = _now()
        cur = conn.execute(
            "INSERT INTO messages (channel, sender, direction, reply_to, status, doc, created_at)"
            " VALUES (?, ?, 'out', ?, 'pending', ?, ?)",
            (
                reply.key.channel,
                reply.key.sender,
                reply_to,
                json.dumps(reply.to_record(), ensure_ascii=False),
                created,
            ),
        )
        items.append(OutboxItem(int(cur.lastrowid or 0), reply, datetime.fromisoformat(created)))
    return items


def _save_state(conn: sqlite3.Connection, state: ConversationState) -> None:
    conn.execute(
        "INSERT INTO conversations (channel, sender, doc, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (channel, sender) DO UPDATE SET doc = excluded.doc,"
        " updated_at = excluded.updated_at",
        (
            state.key.channel,
            state.key.sender,
            json.dumps(state.to_doc(), ensure_ascii=False),
            _now(),
        ),
    )


class SqliteConversationStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteConversationStore:
        await db.migrate(SCHEMA)
        return cls(db)

    async def record_inbound(self, message: InboundMessage) -> bool:
        def run(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "INSERT INTO messages (channel, sender, direction, message_id, status, doc,"
                " created_at) VALUES (?, ?, 'in', ?, 'received', ?, ?)"
                " ON CONFLICT DO NOTHING",
                (
                    message.key.channel,
                    message.key.sender,
                    message.message_id,
                    _inbound_doc(message),
                    _now(),
                ),
            )
            return cur.rowcount == 1

        return await self._db.transaction(run)

    async def load(self, key: ConversationKey) -> ConversationState:
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT doc FROM conversations WHERE channel = ? AND sender = ?",
                (key.channel, key.sender),
            ).fetchone()
        )
        return (
            ConversationState.from_doc(key, json.loads(row["doc"]))
            if row
            else ConversationState(key)
        )

    async def commit_turn(
        self,
        message: InboundMessage,
        state: ConversationState,
        replies: list[OutboundMessage],
    ) -> list[OutboxItem]:
        def run(conn: sqlite3.Connection) -> list[OutboxItem]:
            row = conn.execute(
                "SELECT id FROM messages WHERE direction = 'in' AND channel = ? AND message_id = ?",
                (message.key.channel, message.message_id),
            ).fetchone()
            if row is None:
                raise KeyError(f"inbound message {message.message_id} was never recorded")
            _save_state(conn, state)
            conn.execute("UPDATE messages SET status = 'processed' WHERE id = ?", (row["id"],))
            return queue_replies(conn, replies, row["id"])

        return await self._db.transaction(run)

    async def replies_to(self, message: InboundMessage) -> list[OutboxItem] | None:
        def run(conn: sqlite3.Connection) -> list[OutboxItem] | None:
            row = conn.execute(
                "SELECT id, status FROM messages WHERE direction = 'in' AND channel = ?"
                " AND message_id = ?",
                (message.key.channel, message.message_id),
            ).fetchone()
            if row is None or row["status"] != "processed":
                return None
            rows = conn.execute(
                "SELECT * FROM messages WHERE reply_to = ? ORDER BY id", (row["id"],)
            ).fetchall()
            return [_outbox_item(r) for r in rows]

        return await self._db.query(run)

    async def unprocessed(self, before: datetime | None = None) -> list[InboundMessage]:
        cutoff = iso(before) if before else "9999"
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM messages WHERE direction = 'in' AND status = 'received'"
                " AND created_at < ? ORDER BY id",
                (cutoff,),
            ).fetchall()
        )
        return [_inbound(r) for r in rows]

    async def claim(self, item_id: int, holder: str, until: datetime) -> bool:
        args = (holder, iso(until), item_id, _now())
        return await self._db.transaction(lambda c: c.execute(CLAIM, args).rowcount == 1)

    async def mark_delivered(self, ids: list[int]) -> None:
        if not ids:
            return
        marks = ",".join("?" * len(ids))

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(f"UPDATE messages SET status = 'delivered' WHERE id IN ({marks})", ids)
            conn.execute(f"DELETE FROM outbox_claims WHERE id IN ({marks})", ids)

        await self._db.transaction(run)

    async def save_state(self, state: ConversationState) -> None:
        await self._db.transaction(lambda conn: _save_state(conn, state))

    async def queue(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        return await self._db.transaction(lambda conn: queue_replies(conn, replies, None))

    async def mark_failed(self, item_id: int, error: str, retry_at: datetime | None) -> None:
        status = "pending" if retry_at else "failed"

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE messages SET attempts = attempts + 1, status = ?, last_error = ?,"
                " next_attempt_at = ? WHERE id = ? AND direction = 'out'",
                (status, error[:500], iso(retry_at) if retry_at else None, item_id),
            )
            conn.execute("DELETE FROM outbox_claims WHERE id = ?", (item_id,))

        await self._db.transaction(run)

    async def due(self, now: datetime, channels: list[str], limit: int = 100) -> list[OutboxItem]:
        if not channels:
            return []
        marks = ",".join("?" * len(channels))
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM messages WHERE status = 'pending' AND direction = 'out'"
                f" AND channel IN ({marks})"
                " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                " AND id NOT IN (SELECT id FROM outbox_claims WHERE until > ?)"
                " ORDER BY id LIMIT ?",
                (*channels, iso(now), _now(), limit),
            ).fetchall()
        )
        return [_outbox_item(r) for r in rows]

    async def pending(self, key: ConversationKey) -> list[OutboxItem]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM messages WHERE channel = ? AND sender = ? AND direction = 'out'"
                " AND status = 'pending' ORDER BY id",
                (key.channel, key.sender),
            ).fetchall()
        )
        return [_outbox_item(r) for r in rows]

    async def transcript(self, key: ConversationKey, limit: int = 200) -> list[dict[str, Any]]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM (SELECT * FROM messages WHERE channel = ? AND sender = ?"
                " ORDER BY id DESC LIMIT ?) ORDER BY id",
                (key.channel, key.sender, limit),
            ).fetchall()
        )
        return [
            {"direction": r["direction"], "at": r["created_at"], **json.loads(r["doc"])}
            for r in rows
        ]

    async def ping(self) -> bool:
        return await self._db.ping()

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    parts = ("conversations", "messages")

    def export(self, part: str) -> AsyncIterator[Record]:
        return SqliteShelf(self._db, PORTABLE[part]).export()

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if part == "messages":
            # A reply held by a MongoDB turn that broke off is pending here, as copies always were.
            records = [{**r, "status": "pending"} if r["status"] == "held" else r for r in records]
        await SqliteShelf(self._db, PORTABLE[part]).restore(records)


# The tables as flat records (a message's own record nested), for export and restore.
PORTABLE = {
    "conversations": Layout(
        "conversations",
        SCHEMA,
        key=("channel", "sender"),
        times=frozenset({"updated_at"}),
        documents=frozenset({"state"}),
        sqlite_columns={"state": "doc"},
    ),
    "messages": Layout(
        "messages",
        SCHEMA,
        key=("id",),
        times=frozenset({"created_at", "next_attempt_at"}),
        documents=frozenset({"record"}),
        sqlite_columns={"record": "doc"},
    ),
}

"""The outbox in SQLite: replies a turn queued, claimed, delivered or failed by the courier,
or handed over with a REST answer. Part of the conversation store (conversations.py)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from hotline.bot.conversation import OutboxItem
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.clock import utc_now
from hotline.handoff.crypto import Cipher
from hotline.storage.sealed import opened_record, sealed_json
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.shelf import iso

# Compare-and-set: a claim on a pending reply, taken when there is none, when it has expired or
# when it is the holder's own. One statement, so two processes cannot both win it.
CLAIM = """
INSERT INTO outbox_claims (id, holder, until)
SELECT id, ?, ? FROM messages WHERE id = ? AND direction = 'out' AND status = 'pending'
ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, until = excluded.until
WHERE outbox_claims.until <= ? OR outbox_claims.holder = excluded.holder
"""


# What waits for one conversation: the partial index messages_waiting answers it.
WAITING = "channel = ? AND sender = ? AND direction = 'out' AND status = 'pending'"


def now_iso() -> str:
    return utc_now().isoformat()


def _fetch(sql: str, args: Sequence[Any]) -> Callable[[sqlite3.Connection], list[sqlite3.Row]]:
    return lambda conn: conn.execute(sql, args).fetchall()


def opened_row(row: sqlite3.Row, cipher: Cipher | None) -> dict[str, Any]:
    return opened_record(json.loads(row["doc"]), cipher)


def outbox_item(row: sqlite3.Row, cipher: Cipher | None) -> OutboxItem:
    key = ConversationKey(row["channel"], row["sender"])
    message = OutboundMessage.from_record(key, opened_row(row, cipher))
    return OutboxItem(
        row["id"], message, datetime.fromisoformat(row["created_at"]), row["attempts"]
    )


def queue_replies(
    conn: sqlite3.Connection,
    replies: list[OutboundMessage],
    reply_to: int | None,
    cipher: Cipher | None = None,
    status: str = "pending",
    moment: datetime | None = None,
) -> list[OutboxItem]:
    """Insert replies as pending outbox rows inside the caller's transaction (`delivered`:
    handed over by the caller's answer, as the REST channel's are), created at `moment` (the
    turn's one clock reading; now when not given)."""
    items = []
    at = moment or utc_now()
    created = at.isoformat()
    for reply in replies:
        cur = conn.execute(
            "INSERT INTO messages (channel, sender, direction, reply_to, status, doc, created_at)"
            " VALUES (?, ?, 'out', ?, ?, ?, ?)",
            (
                reply.key.channel,
                reply.key.sender,
                reply_to,
                status,
                sealed_json(reply.to_record(), cipher),
                created,
            ),
        )
        items.append(OutboxItem(int(cur.lastrowid or 0), reply, at))
    return items


def _delivered(conn: sqlite3.Connection, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        part = ids[start : start + 500]
        marks = ",".join("?" * len(part))
        conn.execute(f"UPDATE messages SET status = 'delivered' WHERE id IN ({marks})", part)
        conn.execute(f"DELETE FROM outbox_claims WHERE id IN ({marks})", part)


class SqliteOutbox:
    """The courier's side of the conversation store."""

    _db: SqliteDatabase
    _cipher: Cipher | None

    async def claim(self, item_id: int, holder: str, until: datetime) -> bool:
        args = (holder, iso(until), item_id, now_iso())
        return await self._db.transaction(
            lambda c: c.execute(CLAIM, args).rowcount == 1, quick=True
        )

    async def mark_delivered(self, ids: list[int]) -> None:
        if not ids:
            return
        await self._db.transaction(lambda conn: _delivered(conn, ids), quick=len(ids) <= 50)

    async def outbox_status(self, ids: list[int]) -> dict[int, tuple[str, str | None]]:
        found: dict[int, tuple[str, str | None]] = {}
        for start in range(0, len(ids), 500):  # SQLite's limit on parameters
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            sql = (
                "SELECT id, status, last_error FROM messages"
                f" WHERE direction = 'out' AND id IN ({marks})"
            )
            rows = await self._db.query(_fetch(sql, part))
            found.update((r["id"], (r["status"], r["last_error"])) for r in rows)
        return found

    async def queue(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        return await self._db.transaction(
            lambda conn: queue_replies(conn, replies, None, self._cipher)
        )

    async def mark_failed(self, item_id: int, error: str, retry_at: datetime | None) -> None:
        status = "pending" if retry_at else "failed"

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE messages SET attempts = attempts + 1, status = ?, last_error = ?,"
                " next_attempt_at = ? WHERE id = ? AND direction = 'out'",
                (status, error[:500], iso(retry_at) if retry_at else None, item_id),
            )
            conn.execute("DELETE FROM outbox_claims WHERE id = ?", (item_id,))

        await self._db.transaction(run, quick=True)

    async def due(self, now: datetime, channels: list[str], limit: int = 100) -> list[OutboxItem]:
        if not channels:
            return []
        marks = ",".join("?" * len(channels))
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM messages INDEXED BY messages_outbox"
                " WHERE status = 'pending' AND direction = 'out'"
                f" AND channel IN ({marks})"
                " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
                " AND id NOT IN (SELECT id FROM outbox_claims WHERE until > ?)"
                " ORDER BY id LIMIT ?",
                (*channels, iso(now), now_iso(), limit),
            ).fetchall()
        )
        return [outbox_item(r, self._cipher) for r in rows]

    def _pending(self, conn: sqlite3.Connection, key: ConversationKey) -> list[OutboxItem]:
        rows = conn.execute(
            f"SELECT * FROM messages WHERE {WAITING} ORDER BY id",
            (key.channel, key.sender),
        ).fetchall()
        return [outbox_item(r, self._cipher) for r in rows]

    async def pending(self, key: ConversationKey) -> list[OutboxItem]:
        return await self._db.query(lambda conn: self._pending(conn, key), quick=True)

    def _take_pending(self, conn: sqlite3.Connection, key: ConversationKey) -> list[OutboxItem]:
        """The conversation's pending replies, marked delivered, oldest first."""
        rows = conn.execute(
            f"UPDATE messages SET status = 'delivered' WHERE {WAITING} RETURNING *",
            (key.channel, key.sender),
        ).fetchall()
        taken = sorted((outbox_item(r, self._cipher) for r in rows), key=lambda i: i.id)
        for start in range(0, len(taken), 500):  # SQLite's limit on parameters
            part = [i.id for i in taken[start : start + 500]]
            conn.execute(
                f"DELETE FROM outbox_claims WHERE id IN ({','.join('?' * len(part))})", part
            )
        return taken

    async def take_pending(self, key: ConversationKey) -> list[OutboxItem]:
        return await self._db.transaction(lambda conn: self._take_pending(conn, key), quick=True)

"""A conversation's past in SQLite: its transcript, and whether a sender wrote before (one
indexed look, with nothing read back or decrypted). Part of the conversation store."""

from __future__ import annotations

from typing import Any

from hotline.bot.messages import ConversationKey
from hotline.handoff.crypto import Cipher
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.outbox import opened_row


class SqliteConversationHistory:
    """What a conversation said so far."""

    _db: SqliteDatabase
    _cipher: Cipher | None

    async def said_before(self, key: ConversationKey, message_id: str) -> bool:
        # The unique index on (channel, sender, message_id) of inbound messages answers it.
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE channel = ? AND sender = ?"
                " AND direction = 'in' AND message_id != ?)",
                (key.channel, key.sender, message_id),
            ).fetchone(),
            quick=True,
        )
        return bool(row[0])

    async def transcript(self, key: ConversationKey, limit: int = 200) -> list[dict[str, Any]]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM (SELECT * FROM messages WHERE channel = ? AND sender = ?"
                " ORDER BY id DESC LIMIT ?) ORDER BY id",
                (key.channel, key.sender, limit),
            ).fetchall()
        )
        return [
            {"direction": r["direction"], "at": r["created_at"], **opened_row(r, self._cipher)}
            for r in rows
        ]

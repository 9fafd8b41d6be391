"""Whether a sender wrote before: one indexed look, with nothing read back or decrypted."""

from __future__ import annotations

from hotline.bot.messages import ConversationKey
from hotline.storage.sqlite.database import SqliteDatabase


class SqliteSenderHistory:
    """Part of the conversation store (its module is near the size limit)."""

    _db: SqliteDatabase

    async def said_before(self, key: ConversationKey, message_id: str) -> bool:
        # The unique index on (channel, sender, message_id) of inbound messages answers it.
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE channel = ? AND sender = ?"
                " AND direction = 'in' AND message_id != ?)",
                (key.channel, key.sender, message_id),
            ).fetchone()
        )
        return bool(row[0])

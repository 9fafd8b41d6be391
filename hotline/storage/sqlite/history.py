"""A conversation's past in SQLite: its transcript, and whether a sender wrote before (one
indexed look, with nothing read back or decrypted). Part of the conversation store."""

from __future__ import annotations

import sqlite3
from typing import Any

from hotline.bot.messages import ConversationKey
from hotline.handoff.crypto import Cipher
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.outbox import opened_row

# The answer a turn's own write found, kept until its REST answer asks (once): at most this many.
TOLD_AT_MOST = 1024
# Named: left to itself SQLite took messages_conversation, which holds every row of the
# conversation, and read each row before its first message (a REST app's notices: 1,000 of them,
# 113 us; this index holds only what the sender wrote and answers from itself: 1.8 us).
SAID_BEFORE = (
    "SELECT EXISTS (SELECT 1 FROM messages INDEXED BY messages_sender_message_id"
    " WHERE channel = ? AND sender = ? AND direction = 'in' AND message_id != ?)"
)


def said_before_in(conn: sqlite3.Connection, key: ConversationKey, message_id: str) -> bool:
    row = conn.execute(SAID_BEFORE, (key.channel, key.sender, message_id)).fetchone()
    return bool(row[0])


class SqliteConversationHistory:
    """What a conversation said so far."""

    _db: SqliteDatabase
    _cipher: Cipher | None
    # (channel, sender, message id) -> whether the sender wrote before, as the turn's commit
    # found it: inside its write transaction, so what any worker committed before is seen and
    # what commits after sees this message. Set only once that commit is made.
    _told: dict[tuple[str, str, str], bool]

    def _tell(self, key: ConversationKey, message_id: str, said: bool) -> None:
        if len(self._told) >= TOLD_AT_MOST:  # answers never asked for: the oldest go
            del self._told[next(iter(self._told))]
        self._told[(key.channel, key.sender, message_id)] = said

    async def said_before(self, key: ConversationKey, message_id: str) -> bool:
        told = self._told.pop((key.channel, key.sender, message_id), None)
        if told is not None:  # the turn's commit found it: no statement of its own
            return told
        return await self._db.query(lambda c: said_before_in(c, key, message_id), quick=True)

    async def transcript(self, key: ConversationKey, limit: int = 200) -> list[dict[str, Any]]:
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM (SELECT * FROM messages WHERE channel = ? AND sender = ?"
                " ORDER BY id DESC LIMIT ?) ORDER BY id",
                (key.channel, key.sender, limit),
            ).fetchall()
        )
        return [
            {
                "direction": r["direction"],
                "at": r["created_at"],
                "id": r["id"],
                "reply_to": r["reply_to"],
                **opened_row(r, self._cipher),
            }
            for r in rows
        ]

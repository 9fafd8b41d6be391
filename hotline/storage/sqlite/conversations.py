"""Conversations, messages and the outbox in SQLite: a JSON document per row, with the
columns the queues read. A turn's reads and its commit are here; the courier's side of the
outbox is in outbox.py, a conversation's past (transcript, earlier messages) in history.py,
the tables and their upgrades in conversation_tables.py."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import datetime

from hotline.bot.contact_log import Contact
from hotline.bot.conversation import ConversationState, OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.clock import utc_now
from hotline.faq.unanswered import AskedQuestion
from hotline.handoff.crypto import Cipher
from hotline.storage.portable import Record
from hotline.storage.sealed import opened_state, sealed_json, sealed_state
from hotline.storage.shared.contact_log import CONTACTS
from hotline.storage.shared.questions import FAQ_QUESTIONS
from hotline.storage.sqlite.conversation_tables import PORTABLE, SCHEMA, upgrades
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.history import SAID_BEFORE, SqliteConversationHistory
from hotline.storage.sqlite.outbox import (
    WAITING,
    SqliteOutbox,
    now_iso,
    opened_row,
    outbox_item,
    queue_replies,
)
from hotline.storage.sqlite.shelf import SqliteShelf, iso, prepare

log = logging.getLogger(__name__)


# In a turn's write that hands its replies over: whether the sender wrote before, and whether
# replies wait for the conversation (each answered by an index of its own).
HANDING_OVER = f"SELECT ({SAID_BEFORE}), EXISTS (SELECT 1 FROM messages WHERE {WAITING})"
# The replies a turn stored for one message (its row's id), oldest first: messages_reply_to
# answers it (`reply_to = ?` implies the index's `reply_to IS NOT NULL`).
REPLIES = "SELECT * FROM messages WHERE reply_to = ? ORDER BY id"
# A turn's first read in one statement (one look at the file, not two: about 5 us against 8.5 a
# new sender): the message's own row if it was stored before, and the conversation's state (its
# doc, never NULL). Each part by its index (messages_sender_message_id, the primary key).
BEGIN_TURN = (
    "SELECT id, status, NULL AS doc FROM messages WHERE direction = 'in' AND channel = ?"
    " AND sender = ? AND message_id = ?"
    " UNION ALL SELECT NULL, NULL, doc FROM conversations WHERE channel = ? AND sender = ?"
)


def _inbound_doc(msg: InboundMessage, cipher: Cipher | None) -> str:
    return sealed_json(msg.to_record(), cipher)


def _id(item: OutboxItem) -> int:
    return item.id


def _inbound(row: sqlite3.Row, cipher: Cipher | None) -> InboundMessage:
    key = ConversationKey(row["channel"], row["sender"])
    return InboundMessage.from_record(key, row["message_id"], opened_row(row, cipher))


def _save_state(
    conn: sqlite3.Connection,
    state: ConversationState,
    cipher: Cipher | None = None,
    stamp: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO conversations (channel, sender, doc, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (channel, sender) DO UPDATE SET doc = excluded.doc,"
        " updated_at = excluded.updated_at",
        (
            state.key.channel,
            state.key.sender,
            json.dumps(sealed_state(state.to_doc(), cipher), ensure_ascii=False),
            stamp or now_iso(),
        ),
    )


class SqliteConversationStore(SqliteOutbox, SqliteConversationHistory):
    """`cipher` seals what citizens wrote and the dialogs' slots; None keeps them readable
    (tests of other parts, and copies, which move documents as stored)."""

    def __init__(self, db: SqliteDatabase, cipher: Cipher | None = None) -> None:
        self._db = db
        self._cipher = cipher
        self._contacts = SqliteShelf(db, CONTACTS)  # written inside the turn's transaction
        self._questions = SqliteShelf(db, FAQ_QUESTIONS)  # so is the question log
        self._told = {}

    @classmethod
    async def open(
        cls, db: SqliteDatabase, cipher: Cipher | None = None
    ) -> SqliteConversationStore:
        await db.migrate(await db.query(upgrades) + SCHEMA)
        await prepare(db, CONTACTS)  # a file made before: its contacts rebuilt WITHOUT ROWID
        await db.migrate(FAQ_QUESTIONS.sqlite_schema)
        return cls(db, cipher)

    def _insert_inbound(
        self,
        conn: sqlite3.Connection,
        message: InboundMessage,
        status: str = "received",
        stamp: str | None = None,
    ) -> int | None:
        """The new row's id, or None when the message was stored before."""
        cur = conn.execute(
            "INSERT INTO messages (channel, sender, direction, message_id, status, doc,"
            " created_at) VALUES (?, ?, 'in', ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (
                message.key.channel,
                message.key.sender,
                message.message_id,
                status,
                _inbound_doc(message, self._cipher),
                stamp or now_iso(),
            ),
        )
        return cur.lastrowid if cur.rowcount == 1 else None

    async def record_inbound(self, message: InboundMessage) -> bool:
        return await self._db.transaction(
            lambda conn: self._insert_inbound(conn, message) is not None, quick=True
        )

    def _state(self, conn: sqlite3.Connection, key: ConversationKey) -> ConversationState:
        row = conn.execute(
            "SELECT doc FROM conversations WHERE channel = ? AND sender = ?",
            (key.channel, key.sender),
        ).fetchone()
        return ConversationState(key) if row is None else self._opened(key, row["doc"])

    def _opened(self, key: ConversationKey, doc: str) -> ConversationState:
        return ConversationState.from_doc(key, opened_state(json.loads(doc), self._cipher))

    def _begun(
        self, conn: sqlite3.Connection, message: InboundMessage
    ) -> tuple[list[OutboxItem] | None, ConversationState]:
        key = message.key
        asked = (key.channel, key.sender, message.message_id, key.channel, key.sender)
        earlier, state = None, None
        for row in conn.execute(BEGIN_TURN, asked).fetchall():
            if row["doc"] is not None:
                state = self._opened(key, row["doc"])
            elif row["status"] == "processed":  # stored and answered before: its replies
                replies = conn.execute(REPLIES, (row["id"],)).fetchall()
                earlier = [outbox_item(r, self._cipher) for r in replies]
        return earlier, ConversationState(key) if state is None else state

    async def load(self, key: ConversationKey) -> ConversationState:
        return await self._db.query(lambda conn: self._state(conn, key), quick=True)

    async def begin(
        self, message: InboundMessage
    ) -> tuple[list[OutboxItem] | None, ConversationState]:
        earlier, state = await self._db.query(lambda conn: self._begun(conn, message), quick=True)
        if earlier is not None:
            # A redelivery: what the first turn's write found, if never asked for (its answer
            # broke off), may be stale now that later messages exist. Its statement answers.
            self._told.pop((message.key.channel, message.key.sender, message.message_id), None)
        return earlier, state

    async def commit_turn(
        self,
        message: InboundMessage,
        state: ConversationState | None,
        replies: list[OutboundMessage],
        contact: Contact | None = None,
        hand_over: bool = False,
        questions: Sequence[AskedQuestion] = (),
    ) -> list[OutboxItem]:
        # One clock reading a turn (2-3 us each): the message's row, the state's and the replies'.
        moment = utc_now()
        stamp = moment.isoformat()

        def run(conn: sqlite3.Connection) -> tuple[list[OutboxItem], bool]:
            # A turn that stores its message itself stores it processed: no mark to make.
            stored = self._insert_inbound(conn, message, "processed", stamp)
            if stored is None:  # a webhook stored it first
                stored = conn.execute(
                    "UPDATE messages SET status = 'processed' WHERE direction = 'in'"
                    " AND channel = ? AND sender = ? AND message_id = ? RETURNING id",
                    (message.key.channel, message.key.sender, message.message_id),
                ).fetchall()[0][0]
            if state is not None:
                _save_state(conn, state, self._cipher, stamp)
            # Handed over: stored delivered at once, with what waited (one write, not two).
            status = "delivered" if hand_over else "pending"
            items = queue_replies(conn, replies, stored, self._cipher, status, moment)
            if contact is not None or questions:
                self._log_turn(conn, message, contact, questions)
            if hand_over:
                # The REST answer asks next whether the sender wrote before: asked here, in
                # the write transaction, it costs no wake-up of its own; and the same statement
                # asks whether anything waits, so the common turn (nothing) makes no UPDATE.
                key = message.key
                asked = (key.channel, key.sender, message.message_id, key.channel, key.sender)
                said, waits = conn.execute(HANDING_OVER, asked).fetchone()
                if waits:
                    items = sorted([*self._take_pending(conn, key), *items], key=_id)
                return items, bool(said)
            return items, False

        items, said = await self._db.transaction(run, quick=True)
        if hand_over:  # committed: the answer holds
            self._tell(message.key, message.message_id, said)
        return items

    def _log_turn(
        self,
        conn: sqlite3.Connection,
        message: InboundMessage,
        contact: Contact | None,
        questions: Sequence[AskedQuestion],
    ) -> None:
        # Each log apart: the dashboard's count and the admins' question log must never cost a
        # citizen the answer, nor one another their rows. A log of one statement needs no
        # savepoint for that: a statement that fails is undone alone by SQLite (its conflict
        # resolution is ABORT), the transaction goes on. Several rows go in a savepoint, together.
        if contact is not None:
            record = contact.to_record()
            self._logged(conn, lambda: self._contacts.put_in(conn, record), "the contact", message)
        if questions:
            records = [question.to_record() for question in questions]

            def add() -> None:
                for record in records:
                    self._questions.add_in(conn, record)

            self._logged(conn, add, "the FAQ questions", message, statements=len(records))

    @staticmethod
    def _logged(
        conn: sqlite3.Connection,
        write: Callable[[], None],
        what: str,
        message: InboundMessage,
        statements: int = 1,
    ) -> None:
        if statements > 1:
            conn.execute("SAVEPOINT turn_log")
        try:
            write()
        except sqlite3.Error:
            log.exception("could not log %s of %s", what, message.message_id)
            if not conn.in_transaction:
                raise  # SQLite ended the whole transaction: the turn itself failed
            if statements > 1:
                conn.execute("ROLLBACK TO turn_log")
        if statements > 1:
            conn.execute("RELEASE turn_log")

    def _replies_to(
        self, conn: sqlite3.Connection, message: InboundMessage
    ) -> list[OutboxItem] | None:
        row = conn.execute(
            "SELECT id, status FROM messages WHERE direction = 'in' AND channel = ?"
            " AND sender = ? AND message_id = ?",
            (message.key.channel, message.key.sender, message.message_id),
        ).fetchone()
        if row is None or row["status"] != "processed":
            return None
        rows = conn.execute(REPLIES, (row["id"],)).fetchall()
        return [outbox_item(r, self._cipher) for r in rows]

    async def replies_to(self, message: InboundMessage) -> list[OutboxItem] | None:
        return await self._db.query(lambda conn: self._replies_to(conn, message), quick=True)

    async def unprocessed(self, before: datetime | None = None) -> list[InboundMessage]:
        cutoff = iso(before) if before else "9999"
        rows = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM messages WHERE direction = 'in' AND status = 'received'"
                " AND created_at < ? ORDER BY id",
                (cutoff,),
            ).fetchall()
        )
        return [_inbound(r, self._cipher) for r in rows]

    async def save_state(self, state: ConversationState) -> None:
        await self._db.transaction(lambda conn: _save_state(conn, state, self._cipher), quick=True)

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

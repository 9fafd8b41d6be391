"""Conversations, messages and the outbox in MongoDB: a turn's reads and its commit here, the
courier's side of the outbox in outbox.py, a conversation's past in history.py.

`conversations` holds one document per (channel, sender) with the dialog state; `messages`
holds both directions, with integer ids from a counter so outbox ids look the same on both
back ends. The unique index on (channel, sender, message_id) of inbound messages is what makes
a platform's redelivery, to any worker, a duplicate, while two senders may use the same id.

A turn's writes run in a transaction on a replica set. Elsewhere they run in an order that a
crash cannot turn into a duplicate reply: the replies go in `held` (never sent), then the state,
then the inbound message is marked processed with the ids of its replies, then the replies are
released. A crash before the mark leaves held replies nobody sends, and `recover` redoes the turn.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from pymongo import ASCENDING, IndexModel, ReplaceOne, UpdateOne
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from hotline.bot.contact_log import Contact
from hotline.bot.conversation import ConversationState, OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.clock import utc_now
from hotline.faq.unanswered import AskedQuestion
from hotline.handoff.crypto import Cipher
from hotline.storage.mongo.database import Document, MongoDatabase
from hotline.storage.mongo.history import MongoConversationHistory
from hotline.storage.mongo.outbox import MongoOutbox, bson_now, outbox_item
from hotline.storage.mongo.shelf import MongoShelf
from hotline.storage.portable import Record
from hotline.storage.sealed import opened_record, opened_state, sealed_record, sealed_state
from hotline.storage.shared.contact_log import CONTACTS
from hotline.storage.shared.questions import FAQ_QUESTIONS

log = logging.getLogger(__name__)

INDEXES = {
    "conversations": [IndexModel([("channel", ASCENDING), ("sender", ASCENDING)], unique=True)],
    "messages": [
        IndexModel(
            [("channel", ASCENDING), ("sender", ASCENDING), ("message_id", ASCENDING)],
            unique=True,
            partialFilterExpression={"direction": "in"},
            name="sender_message_id",
        ),
        IndexModel([("channel", ASCENDING), ("sender", ASCENDING), ("_id", ASCENDING)]),
        IndexModel([("status", ASCENDING), ("_id", ASCENDING)]),
        IndexModel([("status", ASCENDING), ("channel", ASCENDING), ("_id", ASCENDING)]),
        IndexModel([("reply_to", ASCENDING)]),
    ],
}
RETIRED_INDEX = "platform_message_id"


def _inbound_doc(msg: InboundMessage, now: datetime, cipher: Cipher | None) -> Document:
    return {
        "channel": msg.key.channel,
        "sender": msg.key.sender,
        "direction": "in",
        "message_id": msg.message_id,
        "status": "received",
        "created_at": now,
        **sealed_record(msg.to_record(), cipher),
    }


def _inbound(doc: Document, cipher: Cipher | None) -> InboundMessage:
    key = ConversationKey(doc["channel"], doc["sender"])
    return InboundMessage.from_record(key, doc["message_id"], opened_record(doc, cipher))


def _in_key(message: InboundMessage) -> Document:
    return {
        "direction": "in",
        "channel": message.key.channel,
        "sender": message.key.sender,
        "message_id": message.message_id,
    }


class MongoConversationStore(MongoOutbox, MongoConversationHistory):
    """`cipher` seals what citizens wrote and the dialogs' slots; None keeps them readable
    (tests of other parts, and copies, which move documents as stored)."""

    def __init__(self, db: MongoDatabase, cipher: Cipher | None = None) -> None:
        self._db = db
        self._cipher = cipher
        self._conversations = db.collection("conversations")
        self._messages = db.collection("messages")
        self._contacts = MongoShelf(db, CONTACTS)
        self._questions = MongoShelf(db, FAQ_QUESTIONS)

    @classmethod
    async def open(cls, db: MongoDatabase, cipher: Cipher | None = None) -> MongoConversationStore:
        for name, indexes in INDEXES.items():
            await db.ensure_indexes(name, indexes)
        # Databases made before keyed dedup on (channel, message_id) alone: that index goes.
        await db.drop_index_if_present("messages", RETIRED_INDEX)
        return cls(db, cipher)

    async def record_inbound(self, message: InboundMessage) -> bool:
        now = bson_now()
        (id_,) = await self._db.next_ids("messages")
        try:
            await self._messages.insert_one(
                {"_id": id_, **_inbound_doc(message, now, self._cipher)}
            )
        except DuplicateKeyError:
            return False
        return True

    async def load(self, key: ConversationKey) -> ConversationState:
        doc = await self._conversations.find_one({"channel": key.channel, "sender": key.sender})
        if not doc:
            return ConversationState(key)
        return ConversationState.from_doc(key, opened_state(doc["state"], self._cipher))

    async def _save_state(
        self, state: ConversationState, session: AsyncClientSession | None = None
    ) -> None:
        await self._conversations.update_one(
            {"channel": state.key.channel, "sender": state.key.sender},
            {
                "$set": {
                    "state": sealed_state(state.to_doc(), self._cipher),
                    "updated_at": utc_now(),
                }
            },
            upsert=True,
            session=session,
        )

    async def commit_turn(
        self,
        message: InboundMessage,
        state: ConversationState | None,
        replies: list[OutboundMessage],
        contact: Contact | None = None,
        hand_over: bool = False,
        questions: Sequence[AskedQuestion] = (),
    ) -> list[OutboxItem]:
        inbound = await self._messages.find_one(_in_key(message), {"_id": 1})
        if inbound is None:  # a turn that stores its message itself; stored first, so a
            await self.record_inbound(message)  # crash before the mark leaves it to recover
            inbound = await self._messages.find_one(_in_key(message), {"_id": 1})
        if inbound is None:
            raise KeyError(f"inbound message {message.message_id} could not be stored")

        async def run(session: AsyncClientSession | None) -> list[OutboxItem]:
            items = await self._insert_replies(replies, inbound["_id"], "held", session)
            if state is not None:
                await self._save_state(state, session)
            ids = [item.id for item in items]
            await self._messages.update_one(
                {"_id": inbound["_id"]},
                {"$set": {"status": "processed", "replies": ids}},
                session=session,
            )
            await self._messages.update_many(
                {"_id": {"$in": ids}}, {"$set": {"status": "pending"}}, session=session
            )
            return items

        items = await self._db.transaction(run)
        if contact is not None:
            try:
                await self._contacts.put(contact.to_record())
            except Exception:  # the dashboard's count must never cost a citizen the answer
                log.exception("could not log the contact %s", contact.message_id)
        if questions:
            try:
                await self._questions.add_many([q.to_record() for q in questions])
            except Exception:  # the admins' question log, likewise
                log.exception("could not log the FAQ questions of %s", message.message_id)
        if hand_over:  # after the turn's transaction, as the channel would take them
            return await self.take_pending(message.key)
        return items

    async def replies_to(self, message: InboundMessage) -> list[OutboxItem] | None:
        inbound = await self._messages.find_one(_in_key(message), {"status": 1, "replies": 1})
        if inbound is None or inbound["status"] != "processed":
            return None
        ids = inbound.get("replies", [])
        docs = await self._messages.find({"_id": {"$in": ids}}).sort("_id", ASCENDING).to_list()
        return [outbox_item(d, self._cipher) for d in docs]

    async def unprocessed(self, before: datetime | None = None) -> list[InboundMessage]:
        query: Document = {"direction": "in", "status": "received"}
        if before is not None:
            query["created_at"] = {"$lt": before}
        cursor = self._messages.find(query).sort("_id", 1)
        return [_inbound(d, self._cipher) for d in await cursor.to_list()]

    async def save_state(self, state: ConversationState) -> None:
        await self._save_state(state)

    async def begin(
        self, message: InboundMessage
    ) -> tuple[list[OutboxItem] | None, ConversationState]:
        return await self.replies_to(message), await self.load(message.key)

    async def ping(self) -> bool:
        return await self._db.ping()

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    parts = ("conversations", "messages")

    async def export(self, part: str) -> AsyncIterator[Record]:
        if part == "conversations":
            async for doc in self._conversations.find({}, {"_id": 0}).sort("_id", ASCENDING):
                yield doc
            return
        async for doc in self._messages.find().sort("_id", ASCENDING):
            meta = {k: doc.get(k) for k in META}
            record = {k: v for k, v in doc.items() if k not in META and k not in OWN}
            yield {**meta, "id": doc["_id"], "attempts": doc.get("attempts", 0), "record": record}

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        if not records:
            return
        if part == "conversations":
            states = [
                ReplaceOne({"channel": r["channel"], "sender": r["sender"]}, r, upsert=True)
                for r in records
            ]
            await self._conversations.bulk_write(states, ordered=False)
            return
        docs = [_message_doc(r) for r in records]
        await self._messages.bulk_write(
            [ReplaceOne({"_id": d["_id"]}, d, upsert=True) for d in docs], ordered=False
        )
        # An inbound message lists its replies (SQLite finds them by `reply_to`); it comes
        # before them in id order, so it is in place (replaced without its list) by now.
        replies: dict[int, list[int]] = {}
        for d in docs:
            if d["direction"] == "out" and d.get("reply_to") is not None:
                replies.setdefault(d["reply_to"], []).append(d["_id"])
        links = [
            UpdateOne({"_id": to}, {"$addToSet": {"replies": {"$each": ids}}})
            for to, ids in replies.items()
        ]
        if links:
            await self._messages.bulk_write(links, ordered=False)
        await self._db.count_past("messages", max(d["_id"] for d in docs))


# A message's fields beside its own record (`to_record`), as exported on both back ends.
META = tuple(
    "channel sender direction message_id reply_to status created_at next_attempt_at"
    " last_error".split()
)
OWN = ("_id", "attempts", "replies", "claimed_by", "claimed_until")  # the store's bookkeeping


def _message_doc(record: Record) -> Document:
    doc = {k: record[k] for k in ("channel", "sender", "direction", "status", "created_at")}
    doc.update(_id=record["id"], attempts=record["attempts"], **record["record"])
    if record["direction"] == "in":
        return {**doc, "message_id": record["message_id"]}
    doc.update(reply_to=record["reply_to"], next_attempt_at=record["next_attempt_at"])
    return {**doc, "last_error": record["last_error"]} if record["last_error"] else doc

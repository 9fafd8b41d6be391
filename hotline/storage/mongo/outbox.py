"""The outbox in MongoDB: replies a turn queued, claimed, delivered or failed by the courier,
or handed over with a REST answer. Part of the conversation store (conversations.py)."""

from __future__ import annotations

import asyncio
from datetime import datetime

from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

from hotline.bot.conversation import OutboxItem
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.clock import utc_now
from hotline.handoff.crypto import Cipher
from hotline.storage.mongo.database import Document, MongoDatabase
from hotline.storage.sealed import opened_record, sealed_record

UNCLAIMED = {"claimed_by": "", "claimed_until": ""}


def bson_now() -> datetime:
    """Now, to the millisecond that BSON keeps: an item reads back as it was handed out."""
    now = utc_now()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def outbox_item(doc: Document, cipher: Cipher | None) -> OutboxItem:
    key = ConversationKey(doc["channel"], doc["sender"])
    message = OutboundMessage.from_record(key, opened_record(doc, cipher))
    return OutboxItem(doc["_id"], message, doc["created_at"], doc.get("attempts", 0))


class MongoOutbox:
    """The courier's side of the conversation store."""

    _db: MongoDatabase
    _cipher: Cipher | None
    _messages: AsyncCollection[Document]

    async def _insert_replies(
        self,
        replies: list[OutboundMessage],
        reply_to: int | None,
        status: str,
        session: AsyncClientSession | None = None,
    ) -> list[OutboxItem]:
        if not replies:
            return []
        ids = await self._db.next_ids("messages", len(replies))
        now = bson_now()
        docs = [
            {
                "_id": id_,
                "channel": reply.key.channel,
                "sender": reply.key.sender,
                "direction": "out",
                "reply_to": reply_to,
                "status": status,
                "created_at": now,
                "attempts": 0,
                "next_attempt_at": None,
                **sealed_record(reply.to_record(), self._cipher),
            }
            for id_, reply in zip(ids, replies, strict=True)
        ]
        await self._messages.insert_many(docs, session=session)
        return [outbox_item(d, self._cipher) for d in docs]

    async def claim(self, item_id: int, holder: str, until: datetime) -> bool:
        # One document, one atomic update: two workers cannot both match a free claim.
        found = await self._messages.find_one_and_update(
            {
                "_id": item_id,
                "direction": "out",
                "status": "pending",
                "$or": [
                    {"claimed_until": None},
                    {"claimed_until": {"$lte": utc_now()}},
                    {"claimed_by": holder},
                ],
            },
            {"$set": {"claimed_by": holder, "claimed_until": until}},
            {"_id": 1},
        )
        return found is not None

    async def mark_delivered(self, ids: list[int]) -> None:
        if ids:
            await self._messages.update_many(
                {"_id": {"$in": ids}},
                {"$set": {"status": "delivered"}, "$unset": UNCLAIMED},
            )

    async def outbox_status(self, ids: list[int]) -> dict[int, tuple[str, str | None]]:
        cursor = self._messages.find(
            {"_id": {"$in": ids}, "direction": "out"}, {"status": 1, "last_error": 1}
        )
        return {d["_id"]: (d["status"], d.get("last_error")) for d in await cursor.to_list()}

    async def queue(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        return await self._insert_replies(replies, None, "pending")

    async def mark_failed(self, item_id: int, error: str, retry_at: datetime | None) -> None:
        await self._messages.update_one(
            {"_id": item_id, "direction": "out"},
            {
                "$inc": {"attempts": 1},
                "$set": {
                    "status": "pending" if retry_at else "failed",
                    "last_error": error[:500],
                    "next_attempt_at": retry_at,
                },
                "$unset": UNCLAIMED,
            },
        )

    async def due(self, now: datetime, channels: list[str], limit: int = 100) -> list[OutboxItem]:
        if not channels:
            return []
        cursor = (
            self._messages.find(
                {
                    "status": "pending",
                    "direction": "out",
                    "channel": {"$in": channels},
                    "$and": [
                        {"$or": [{"next_attempt_at": None}, {"next_attempt_at": {"$lte": now}}]},
                        {
                            "$or": [
                                {"claimed_until": None},
                                {"claimed_until": {"$lte": utc_now()}},
                            ]
                        },
                    ],
                }
            )
            .sort("_id", ASCENDING)
            .limit(limit)
        )
        return [outbox_item(d, self._cipher) for d in await cursor.to_list()]

    async def take_pending(self, key: ConversationKey) -> list[OutboxItem]:
        items = await self.pending(key)
        if not items:
            return []
        # Each reply taken by an update of its own that still finds it pending: of two takers
        # at once (a REST answer, a long poll on another worker), one matches, the other is
        # left without it, as SQLite's one UPDATE ... RETURNING does.
        taken = await asyncio.gather(
            *(
                self._messages.update_one(
                    {"_id": i.id, "status": "pending"},
                    {"$set": {"status": "delivered"}, "$unset": UNCLAIMED},
                )
                for i in items
            )
        )
        return [i for i, result in zip(items, taken, strict=True) if result.matched_count]

    async def pending(self, key: ConversationKey) -> list[OutboxItem]:
        cursor = self._messages.find(
            {"channel": key.channel, "sender": key.sender, "direction": "out", "status": "pending"}
        ).sort("_id", ASCENDING)
        return [outbox_item(d, self._cipher) for d in await cursor.to_list()]

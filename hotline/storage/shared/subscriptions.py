"""Subscriptions to notices: a record per conversation and area followed."""

from __future__ import annotations

from hotline.bot.messages import ConversationKey
from hotline.bot.subscriptions import Area, Subscription
from hotline.clock import utc_now
from hotline.storage.portable import Record
from hotline.storage.shelf import Layout, OnShelf

SUBSCRIPTIONS = Layout(
    "notice_subscriptions",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS notice_subscriptions (
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    area TEXT NOT NULL,
    district TEXT,
    ward TEXT,
    since TEXT NOT NULL,
    PRIMARY KEY (channel, sender, area)
);
""",
    key=("channel", "sender", "area"),
    times=frozenset({"since"}),
    mongo_joint="|",
)


def _subscription(record: Record) -> Subscription:
    key = ConversationKey(record["channel"], record["sender"])
    return Subscription(key, Area(record.get("district"), record.get("ward")), record["since"])


class SubscriptionBookOnShelf(OnShelf):
    async def follow(self, key: ConversationKey, area: Area) -> bool:
        record: Record = {**key.fields(), "area": area.code}
        record.update(district=area.district, ward=area.ward, since=utc_now())
        return await self._shelf.add(record) is not None

    async def of(self, key: ConversationKey) -> list[Subscription]:
        found = await self._shelf.find(**key.fields())
        return sorted(map(_subscription, found), key=lambda s: s.since)

    async def stop(self, key: ConversationKey) -> int:
        found = await self._shelf.find(**key.fields())
        await self._shelf.delete(**key.fields())
        return len(found)

    async def everyone(self) -> list[Subscription]:
        return [_subscription(r) for r in await self._shelf.find()]

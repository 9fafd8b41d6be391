"""Notices, their deliveries and the claims on them, each on its own shelf."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime

from hotline.bot.messages import ConversationKey
from hotline.bot.notices import Delivery, Notice, Stage
from hotline.clock import utc_now
from hotline.storage.portable import Record
from hotline.storage.shelf import ASCENDING, Layout, MongoIndex, OnShelf, Shelf

NOTICES = Layout(
    "notices",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    text TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    districts TEXT NOT NULL,
    wards TEXT NOT NULL,
    channels TEXT NOT NULL,
    planned INTEGER NOT NULL DEFAULT 0,
    finished INTEGER NOT NULL DEFAULT 0
);
""",
    mongo_indexes=(MongoIndex((("finished", ASCENDING),)),),
    key=("id",),
    sequence="id",
    times=frozenset({"created_at"}),
    documents=frozenset({"districts", "wards", "channels"}),
)
DELIVERIES = Layout(
    "notice_deliveries",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS notice_deliveries (
    id TEXT PRIMARY KEY,
    notice INTEGER NOT NULL,
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT,
    outbox_id INTEGER,
    planned_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notice_deliveries_stage ON notice_deliveries (notice, stage);
""",
    mongo_indexes=(MongoIndex((("notice", ASCENDING), ("stage", ASCENDING))),),
    key=("id",),  # one field, so a row's stage can be updated: "notice|channel:sender"
    times=frozenset({"planned_at"}),
)
# Claims: a key that only one insert can take, the same on both back ends.
CLAIMS = Layout(
    "notice_claims",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS notice_claims (
    notice INTEGER NOT NULL,
    channel TEXT NOT NULL,
    sender TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (notice, channel, sender)
);
""",
    key=("notice", "channel", "sender"),
    times=frozenset({"claimed_at"}),
    mongo_joint="|",
)


# Rows planned in one write: few writes, none holding the store long from citizens' turns.
PLAN_WRITE = 500


def _row_id(notice_id: int, key: ConversationKey) -> str:
    return f"{notice_id}|{key}"


def _notice(record: Record) -> Notice:
    return Notice(
        id=int(record["id"]),
        text=record["text"],
        author=record["author"],
        created_at=record["created_at"],
        districts=tuple(record["districts"]),
        wards=tuple(record["wards"]),
        channels=tuple(record["channels"]),
        planned=bool(record.get("planned")),
        finished=bool(record.get("finished")),
    )


def _delivery(record: Record) -> Delivery:
    return Delivery(
        notice=int(record["notice"]),
        key=ConversationKey(record["channel"], record["sender"]),
        stage=Stage(record["stage"]),
        reason=record.get("reason"),
        outbox_id=record.get("outbox_id"),
        planned_at=record.get("planned_at"),
    )


class NoticeBoardOnShelf(OnShelf):
    async def publish(
        self,
        text: str,
        author: str,
        districts: tuple[str, ...],
        wards: tuple[str, ...],
        channels: tuple[str, ...],
    ) -> Notice:
        now = utc_now()  # to the millisecond, as MongoDB keeps times
        now = now.replace(microsecond=now.microsecond // 1000 * 1000)
        record: Record = {"text": text, "author": author, "created_at": now}
        record.update(districts=list(districts), wards=list(wards), channels=list(channels))
        added = await self._shelf.add({**record, "planned": 0, "finished": 0})
        assert added is not None  # no key of its own: never taken
        return _notice(added)

    async def get(self, notice_id: int) -> Notice | None:
        found = await self._shelf.get(notice_id)
        return None if found is None else _notice(found)

    async def latest(self, limit: int = 50) -> list[Notice]:
        return [_notice(r) for r in await self._shelf.find(newest_first=True, limit=limit)]

    async def unfinished(self) -> list[Notice]:
        return [_notice(r) for r in await self._shelf.find(finished=0)]

    async def mark(self, notice_id: int, *, planned: bool = False, finished: bool = False) -> None:
        values = {"planned": 1} if planned else {}
        values.update({"finished": 1} if finished else {})
        if values:
            await self._shelf.update([notice_id], **values)


class DeliveryLogOnShelves:
    def __init__(self, deliveries: Shelf, claims: Shelf) -> None:
        self._deliveries = deliveries
        self._claims = claims

    async def plan(self, deliveries: list[Delivery]) -> int:
        now, records = utc_now(), []
        for d in deliveries:
            record: Record = {"id": _row_id(d.notice, d.key), "notice": d.notice}
            record.update(channel=d.key.channel, sender=d.key.sender)
            record.update(stage=d.stage.value, reason=d.reason, planned_at=now)
            records.append(record)
        added = 0
        for start in range(0, len(records), PLAN_WRITE):
            added += len(await self._deliveries.add_many(records[start : start + PLAN_WRITE]))
        return added

    async def of(self, notice_id: int, stage: Stage | None = None) -> list[Delivery]:
        if stage is None:
            found = await self._deliveries.find(notice=notice_id)
        else:
            found = await self._deliveries.find(notice=notice_id, stage=stage.value)
        return [_delivery(r) for r in found]

    async def claim(self, notice_id: int, key: ConversationKey) -> bool:
        return bool(await self.claim_many(notice_id, [key]))

    async def claim_many(
        self, notice_id: int, keys: Sequence[ConversationKey]
    ) -> list[ConversationKey]:
        now = utc_now()
        records = [{"notice": notice_id, **key.fields(), "claimed_at": now} for key in keys]
        won = await self._claims.add_many(records)
        return [ConversationKey(r["channel"], r["sender"]) for r in won]

    async def claimed_at(self, notice_id: int, key: ConversationKey) -> datetime | None:
        found = await self._claims.get(notice_id, key.channel, key.sender)
        return None if found is None else found["claimed_at"]

    async def queued(self, notice_id: int, key: ConversationKey, outbox_id: int | None) -> None:
        await self.queued_many(notice_id, {key: outbox_id})

    async def queued_many(
        self, notice_id: int, outbox_ids: Mapping[ConversationKey, int | None]
    ) -> None:
        await self._deliveries.update_each(
            {
                _row_id(notice_id, key): {"stage": Stage.QUEUED.value, "outbox_id": outbox_id}
                for key, outbox_id in outbox_ids.items()
            }
        )

    @property
    def parts(self) -> tuple[str, ...]:
        return (DELIVERIES.name, CLAIMS.name)

    def export(self, part: str) -> AsyncIterator[Record]:
        return (self._deliveries if part == DELIVERIES.name else self._claims).export()

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        await (self._deliveries if part == DELIVERIES.name else self._claims).restore(records)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

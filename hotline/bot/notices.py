"""Notices: what the province tells its subscribers, kept for the public page, and each
subscriber's delivery of each notice.

A notice's deliveries are written, one row per subscriber it concerns, before anything is sent
(`plan`); a row is then claimed once (`claim`, which only one caller can win, across restarts and
workers) before its message is put in the outbox, and marked with the outbox item it became
(`queued`). So a restart resends nothing it queued and loses nothing it planned. A broadcast
claims and marks a batch of rows at a time (`claim_many`, `queued_many`): one write each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from hotline.bot.messages import ConversationKey


@dataclass(frozen=True)
class Notice:
    id: int
    text: str
    author: str
    created_at: datetime
    districts: tuple[str, ...] = ()
    wards: tuple[str, ...] = ()  # "district/ward"
    channels: tuple[str, ...] = ()  # empty: every channel
    planned: bool = False  # every subscriber's delivery row is written
    finished: bool = False  # every row that could go is in the outbox


class Stage(StrEnum):
    WAITING = "waiting"  # planned, not yet in the outbox
    QUEUED = "queued"  # in the outbox (`outbox_id`); the courier or the channel sends it
    SKIPPED = "skipped"  # never sent: the platform's rules forbid it (`reason`)


@dataclass(frozen=True)
class Delivery:
    notice: int
    key: ConversationKey
    stage: Stage
    reason: str | None = None
    outbox_id: int | None = None
    planned_at: datetime | None = field(default=None, compare=False)


class NoticeBoard(Protocol):
    async def publish(
        self,
        text: str,
        author: str,
        districts: tuple[str, ...],
        wards: tuple[str, ...],
        channels: tuple[str, ...],
    ) -> Notice: ...

    async def get(self, notice_id: int) -> Notice | None: ...

    async def latest(self, limit: int = 50) -> list[Notice]:
        """Newest first."""
        ...

    async def unfinished(self) -> list[Notice]:
        """Notices a broadcast has not finished (the last run stopped in the middle)."""
        ...

    async def mark(
        self, notice_id: int, *, planned: bool = False, finished: bool = False
    ) -> None: ...


class DeliveryLog(Protocol):
    async def plan(self, deliveries: list[Delivery]) -> int:
        """Write rows not yet written (a row's key is notice and conversation); how many new."""
        ...

    async def of(self, notice_id: int, stage: Stage | None = None) -> list[Delivery]: ...

    async def claim(self, notice_id: int, key: ConversationKey) -> bool:
        """True for the one caller, ever, that may queue this delivery."""
        ...

    async def claim_many(
        self, notice_id: int, keys: Sequence[ConversationKey]
    ) -> list[ConversationKey]:
        """`claim` for several rows in one write: those this caller won, in order."""
        ...

    async def claimed_at(self, notice_id: int, key: ConversationKey) -> datetime | None:
        """When this delivery was claimed; None when it never was."""
        ...

    async def queued(self, notice_id: int, key: ConversationKey, outbox_id: int | None) -> None:
        """The delivery is in the outbox as `outbox_id` (None: sent by a run that stopped)."""
        ...

    async def queued_many(
        self, notice_id: int, outbox_ids: Mapping[ConversationKey, int | None]
    ) -> None:
        """`queued` for several rows in one write."""
        ...

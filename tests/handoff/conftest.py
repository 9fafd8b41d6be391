"""Handoff fixtures: the storage on a real SQLite file, a ticket desk with a cipher, a clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hotline.handoff.crypto import Cipher
from hotline.handoff.desk import TicketDesk
from hotline.handoff.lifecycle import Lifecycle
from hotline.handoff.routing import Routing
from hotline.handoff.tickets import Reporter, TicketDraft
from hotline.storage.sqlite.backend import SqliteStorage

START = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)  # 08:00 in Bình Dương


@dataclass
class Clock:
    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/handoff.db"


@pytest.fixture
def key() -> str:
    return Cipher.new_key()


@pytest.fixture
async def storage(db_url: str) -> AsyncIterator[SqliteStorage]:
    async with await SqliteStorage.from_url(db_url) as opened:
        yield opened


@pytest.fixture
async def desk(storage: SqliteStorage, clock: Clock, key: str) -> TicketDesk:
    tickets = await storage.tickets(Cipher(key))
    routing = Routing(await storage.routing())
    return TicketDesk(tickets, clock=clock, routing=routing)


@pytest.fixture
def lifecycle(desk: TicketDesk, clock: Clock) -> Lifecycle:
    return Lifecycle(desk.store, clock)


def draft(
    category: str = "violation",
    source: str = "rest:m1",
    ward: str | None = "Phú Cường",
    district: str | None = "Thủ Dầu Một",
    **changes: Any,
) -> TicketDraft:
    base = TicketDraft(
        category=category,
        description="quán karaoke vẫn mở cửa, tụ tập đông người",
        channel="rest",
        sender="citizen-8841",
        source_key=source,
        district=district,
        ward=ward,
        reporter=Reporter(name="Nguyễn Văn Tố", phone="0912345678"),
    )
    return replace(base, **changes)

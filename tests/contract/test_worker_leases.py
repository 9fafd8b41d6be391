"""Leases held under a worker's id: the holder renews its own, and a worker restarted under the
same id takes its leases back at once instead of waiting for them to expire."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.bot.messages import ConversationKey
from hotline.storage.base import Storage

KEY = ConversationKey("telegram", "citizen-1")


def later(seconds: float = 60) -> datetime:
    return datetime.now(UTC) + timedelta(seconds=seconds)


async def test_a_restarted_worker_takes_its_own_lease_back_at_once(storage: Storage) -> None:
    leases = await storage.leases()
    assert await leases.take(KEY, "host:8080", later())  # then the process is killed
    assert not await leases.take(KEY, "host:8081", later()), "another worker waits"
    assert await leases.take(KEY, "host:8080", later()), "the same worker, restarted"
    await leases.give_back(KEY, "host:8080")
    assert await leases.take(KEY, "host:8081", later())


async def test_a_renewed_lease_keeps_others_out(storage: Storage) -> None:
    leases = await storage.leases()
    assert await leases.take(KEY, "a", later(0.5))
    assert await leases.take(KEY, "a", later(60)), "renewed"
    assert not await leases.take(KEY, "b", later())

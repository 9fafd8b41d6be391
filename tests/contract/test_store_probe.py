"""The readiness probe writes as a turn would, on both back ends, and changes nothing."""

from __future__ import annotations

from hotline.storage.base import Storage


async def test_the_write_probe_succeeds_on_a_healthy_store(storage: Storage) -> None:
    for _ in range(3):
        await storage.probe_write()
    assert await storage.ping()

"""The FaqStore contract: versions, unchanged puts, deletes and the revision counter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hotline.faq.entries import FaqEntry
from hotline.faq.history import FaqVersion
from hotline.faq.store import FaqStore
from hotline.storage.base import Storage


def entry(id: str, topic: str = "cach_ly", status: str = "published") -> FaqEntry:
    return FaqEntry(
        id=id,
        questions=("Cách ly bao nhiêu ngày?",),
        answer="7 ngày (Công văn 123/UBND).",
        topic=topic,
        status=status,  # type: ignore[arg-type]
    )


async def test_put_versions_and_revision(faq_store: FaqStore) -> None:
    assert await faq_store.revision() == 0
    first = await faq_store.put(entry("q1"))
    assert first.version == 1 and first.updated_at
    assert await faq_store.put(entry("q1")) == first  # unchanged: not a write
    assert await faq_store.revision() == 1
    second = await faq_store.put(replace(entry("q1"), answer="5 ngày."))
    assert second.version == 2
    assert await faq_store.get("q1") == second
    assert await faq_store.revision() == 2


async def test_put_many_is_put_for_each_entry(faq_store: FaqStore) -> None:
    first = await faq_store.put(entry("q1"))
    stored = await faq_store.put_many(
        [entry("q1"), replace(entry("q2"), answer="5 ngày."), entry("q3")]
    )
    assert stored[0] == first  # unchanged: kept as is
    assert [(e.id, e.version) for e in stored] == [("q1", 1), ("q2", 1), ("q3", 1)]
    assert [await faq_store.get(e.id) for e in stored] == stored
    revision = await faq_store.revision()
    assert revision > 1
    assert await faq_store.put_many(stored) == stored
    assert await faq_store.revision() == revision  # nothing changed: no new revision
    again = await faq_store.put_many([replace(entry("q3"), answer="10 ngày.")])
    assert again[0].version == 2 and await faq_store.revision() > revision


async def test_list_orders_and_filters(faq_store: FaqStore) -> None:
    await faq_store.put(entry("b", topic="xet_nghiem"))
    await faq_store.put(entry("a", topic="xet_nghiem", status="draft"))
    await faq_store.put(entry("c", topic="cach_ly"))
    assert [e.id for e in await faq_store.list()] == ["c", "a", "b"]
    assert [e.id for e in await faq_store.list("draft")] == ["a"]
    with pytest.raises(ValueError):
        await faq_store.list("gone")


async def test_delete(faq_store: FaqStore) -> None:
    await faq_store.put(entry("q1"))
    assert await faq_store.delete("q1")
    assert not await faq_store.delete("q1")
    assert await faq_store.get("q1") is None
    assert await faq_store.revision() == 2


async def test_history_keeps_versions_in_save_order(storage: Storage) -> None:
    history = await storage.faq_history()
    first = replace(entry("q1"), version=1)
    second = replace(entry("q1"), answer="5 ngày.", version=2)
    await history.record(FaqVersion(first, "an", "2026-11-28T01:00:00.000+00:00", "created"))
    await history.record(FaqVersion(second, "an", "2026-11-28T00:59:00.000+00:00", "edited"))
    await history.record(FaqVersion(entry("q2"), "an", "2026-11-28T01:01:00.000+00:00", "created"))
    assert [(v.entry.version, v.action) for v in await history.versions("q1")] == [
        (1, "created"),
        (2, "edited"),
    ]

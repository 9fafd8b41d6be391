"""The SQLite FAQ store: versions, revisions, JSON documents with indexed columns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from hotline.faq.entries import FaqEntry
from hotline.faq.store import FaqStore
from hotline.storage.sqlite import faq as faq_module
from hotline.storage.sqlite.database import SqliteDatabase
from hotline.storage.sqlite.faq import SqliteFaqStore
from tests.faq.samples import entry


@pytest.fixture
async def store(db: SqliteDatabase) -> SqliteFaqStore:
    return await SqliteFaqStore.open(db)


def ticking_clock() -> Callable[[], str]:
    """A clock that moves one minute per reading, so every write has its own stamp."""
    minutes: Iterator[int] = iter(range(10_000))

    def now() -> str:
        n = next(minutes)
        return f"2021-08-01T{10 + n // 60:02d}:{n % 60:02d}:00+00:00"

    return now


async def test_put_inserts_at_version_one(store: SqliteFaqStore) -> None:
    stored = await store.put(entry(version=7))
    assert stored.version == 1
    assert stored.updated_at is not None
    assert await store.get(stored.id) == stored
    assert await store.get("khong-co") is None


async def test_update_bumps_version_and_time(db: SqliteDatabase) -> None:
    store = await SqliteFaqStore.open(db, clock=ticking_clock())
    first = await store.put(entry())
    second = await store.put(entry(answer="Theo Quyết định 261/QĐ-BYT, F0 cách ly 7 ngày."))
    assert second.version == 2
    assert second.updated_at is not None and first.updated_at is not None
    assert second.updated_at > first.updated_at
    assert (await store.get(first.id)) == second


async def test_an_unchanged_put_is_not_a_write(store: SqliteFaqStore) -> None:
    first = await store.put(entry())
    before = await store.revision()
    again = await store.put(entry())
    assert again == first
    assert await store.revision() == before


async def test_list_filters_by_status_in_topic_order(store: SqliteFaqStore) -> None:
    await store.put(entry("xet-nghiem-o-dau", topic="xet_nghiem"))
    await store.put(entry("cach-ly-f1", status="draft"))
    await store.put(entry("cach-ly-f0"))
    assert [e.id for e in await store.list()] == ["cach-ly-f0", "cach-ly-f1", "xet-nghiem-o-dau"]
    assert [e.id for e in await store.list("published")] == ["cach-ly-f0", "xet-nghiem-o-dau"]
    assert [e.id for e in await store.list("draft")] == ["cach-ly-f1"]
    with pytest.raises(ValueError):
        await store.list("archived")


async def test_delete(store: SqliteFaqStore) -> None:
    await store.put(entry())
    assert await store.delete("cach-ly-f0-bao-lau") is True
    assert await store.get("cach-ly-f0-bao-lau") is None
    assert await store.delete("cach-ly-f0-bao-lau") is False


async def test_revision_changes_on_every_write_only(store: SqliteFaqStore) -> None:
    seen = [await store.revision()]
    await store.put(entry())
    seen.append(await store.revision())
    await store.put(entry(status="draft"))
    seen.append(await store.revision())
    await store.list()
    await store.get("cach-ly-f0-bao-lau")
    await store.delete("khong-co")
    seen.append(await store.revision())
    await store.delete("cach-ly-f0-bao-lau")
    seen.append(await store.revision())
    assert seen == [seen[0], seen[0] + 1, seen[0] + 2, seen[0] + 2, seen[0] + 3]


async def test_two_stores_on_one_file_see_each_others_writes(
    db: SqliteDatabase, db_url: str
) -> None:
    mine = await SqliteFaqStore.open(db)
    other_db = await SqliteDatabase.from_url(db_url)
    try:
        theirs: FaqStore = await SqliteFaqStore.open(other_db)
        revision = await mine.revision()
        await theirs.put(entry(answer="Sửa từ tiến trình khác."))
        assert await mine.revision() != revision
        seen = await mine.get("cach-ly-f0-bao-lau")
        assert seen is not None and seen.answer == "Sửa từ tiến trình khác."
        await mine.delete("cach-ly-f0-bao-lau")
        assert await theirs.get("cach-ly-f0-bao-lau") is None
    finally:
        await other_db.close()


async def test_entries_are_json_documents_with_indexed_columns(
    store: SqliteFaqStore, db: SqliteDatabase
) -> None:
    stored = await store.put(entry(answer='Gọi 1022, nhắn Zalo "Tổng đài 1022".'))
    row = await db.query(
        lambda c: c.execute("SELECT topic, status, version, doc FROM faq_entries").fetchone()
    )
    assert (row["topic"], row["status"], row["version"]) == ("cach_ly", "published", 1)
    assert json.loads(row["doc"]) == stored.to_dict()
    assert "Tổng đài" in row["doc"]


async def test_opening_twice_keeps_the_content(store: SqliteFaqStore, db: SqliteDatabase) -> None:
    await store.put(entry())
    again = await SqliteFaqStore.open(db)
    assert [e.id for e in await again.list()] == ["cach-ly-f0-bao-lau"]


async def test_a_closed_store_refuses_work(store: SqliteFaqStore) -> None:
    await store.close()
    with pytest.raises(RuntimeError):
        await store.list()


MANY = 64  # an import's size, worked out before its transaction like any batch


def _many(count: int, answer: str = "Dạ, {n} ngày.") -> list[FaqEntry]:
    return [
        replace(entry(f"nhap-{n:03d}", topic="nhap"), answer=answer.format(n=n))
        for n in range(count)
    ]


async def test_a_large_import_stores_what_one_put_at_a_time_would(db: SqliteDatabase) -> None:
    store = await SqliteFaqStore.open(db, clock=lambda: "2021-08-01T10:00:00+00:00")
    first = await store.put_many(_many(MANY + 10))
    assert [(e.id, e.version) for e in first] == [(f"nhap-{n:03d}", 1) for n in range(74)]
    revision = await store.revision()
    # Half changed, half the same: versions move only where the content did.
    edited = _many(MANY + 10, "Dạ, {n} ngày.")[:37] + _many(MANY + 10, "Dạ, {n} tuần.")[37:]
    second = await store.put_many(edited)
    assert [e.version for e in second] == [1] * 37 + [2] * 37
    assert second[:37] == first[:37]
    assert await store.revision() == revision + 1
    assert [await store.get(e.id) for e in second] == second


async def test_an_entry_changed_while_an_import_is_worked_out_is_not_lost(
    db: SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = await SqliteFaqStore.open(db)
    await store.put_many(_many(MANY))
    planned = faq_module._plan
    calls: list[int] = []

    def plan_then_edit(*args: Any) -> Any:
        worked_out = planned(*args)
        if calls:
            return worked_out  # worked out again, inside the transaction
        calls.append(1)
        # Another admin saves entry 0 after the import read the versions, before it writes.
        with sqlite3.connect(db.path) as other:
            other.execute(
                "UPDATE faq_entries SET version = 6, doc = json_set(doc, '$.version', 6,"
                " '$.answer', 'Dạ, khác.') WHERE id = 'nhap-000'"
            )
        return worked_out

    monkeypatch.setattr(faq_module, "_plan", plan_then_edit)
    stored = await store.put_many(_many(MANY, "Dạ, {n} tuần."))
    assert stored[0].version == 7  # worked out again inside the transaction: over version 6
    assert [e.version for e in stored[1:]] == [2] * (MANY - 1)
    assert await store.get("nhap-000") == stored[0]


async def test_an_id_put_twice_in_one_batch_is_stored_as_two_puts(db: SqliteDatabase) -> None:
    store = await SqliteFaqStore.open(db)
    first, second = _many(1), _many(1, "Dạ, {n} tuần.")
    stored = await store.put_many([*first, *second, *second])
    assert [(e.version, e.answer) for e in stored] == [
        (1, "Dạ, 0 ngày."),
        (2, "Dạ, 0 tuần."),
        (2, "Dạ, 0 tuần."),
    ]
    assert await store.get("nhap-000") == stored[1]

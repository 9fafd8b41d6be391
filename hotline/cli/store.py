"""`hotline store migrate --from URL --to URL`: copy every store's data between back ends.

Each kind of record is read from the source in one neutral shape (the MongoDB document, `_id`
included) and written to the target with an upsert by its key, so running the copy again
changes nothing and a copy broken off half-way can simply be run again. The stores are opened
on both sides first, so every table, collection and index exists before data arrives; the
counters that hand out integer ids on MongoDB are moved past the highest id copied.

Reporters' contact details stay sealed as they are: the target needs the same HOTLINE_SECRET_KEY.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from pymongo import ReplaceOne

from hotline.storage import stores
from hotline.storage.channel_stores import open_contact_book, open_token_store
from hotline.storage.kinds import KINDS, Kind, Row
from hotline.storage.mongo import Document, MongoDatabase
from hotline.storage.open import Database, open_database


async def _open_every_store(db: Database) -> None:
    """Create the target's tables, collections and indexes (and seed nothing that matters)."""
    for opener in (
        stores.open_conversations,
        stores.open_leases,
        stores.open_tickets,
        stores.open_faq,
        stores.open_faq_history,
        stores.open_users,
        stores.open_audit,
        stores.open_routing,
        stores.open_alerts,
        stores.open_questions,
        stores.open_contacts,
        stores.open_rule_documents,
        open_contact_book,
        open_token_store,
    ):
        await opener(db)  # type: ignore[operator]


async def _read(db: Database, kind: Kind) -> list[Document]:
    if isinstance(db, MongoDatabase):
        return await db.collection(kind.collection).find().sort("_id", 1).to_list()

    def run(conn: sqlite3.Connection) -> list[Row]:
        known = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (kind.table,)
        ).fetchone()
        if not known:
            return []
        return [dict(r) for r in conn.execute(f"SELECT * FROM {kind.table} ORDER BY rowid")]

    return [kind.to_doc(r) for r in await db.query(run)]


async def _write(db: Database, kind: Kind, docs: list[Document]) -> None:
    if isinstance(db, MongoDatabase):
        await _write_mongo(db, kind, docs)
        return
    rows = [kind.to_row(d) for d in docs]

    def run(conn: sqlite3.Connection) -> None:
        for row in rows:
            cols = ", ".join(row)
            marks = ", ".join("?" * len(row))
            conn.execute(
                f"INSERT OR REPLACE INTO {kind.table} ({cols}) VALUES ({marks})",
                tuple(row.values()),
            )

    await db.transaction(run)


async def _write_mongo(db: MongoDatabase, kind: Kind, docs: list[Document]) -> None:
    if kind.table == "messages":
        _link_replies(docs)
    collection = db.collection(kind.collection)
    for start in range(0, len(docs), 500):
        batch = docs[start : start + 500]
        requests = [
            ReplaceOne({k: d[k] for k in kind.keys}, _without_object_id(d, kind), upsert=True)
            for d in batch
        ]
        await collection.bulk_write(requests, ordered=False)
    if kind.counter and docs:
        top = max(int(d["_id"] if "_id" in kind.keys else d["seq"]) for d in docs)
        await db.collection("counters").update_one(
            {"_id": kind.counter}, {"$max": {"value": top}}, upsert=True
        )


def _without_object_id(doc: Document, kind: Kind) -> Document:
    """Documents keyed by other fields keep the target's own `_id`."""
    if "_id" in kind.keys:
        return doc
    return {k: v for k, v in doc.items() if k != "_id"}


def _link_replies(docs: list[Document]) -> None:
    """MongoDB's inbound messages list their replies (SQLite finds them by `reply_to`)."""
    replies: dict[int, list[int]] = {}
    for doc in docs:
        if doc["direction"] == "out" and doc.get("reply_to") is not None:
            replies.setdefault(doc["reply_to"], []).append(doc["_id"])
    for doc in docs:
        if doc["direction"] == "in" and doc["status"] == "processed":
            doc["replies"] = sorted(replies.get(doc["_id"], []))


async def _copy_routing_and_revision(source: Database, target: Database) -> None:
    rules = await stores.open_routing(source)
    await (await stores.open_routing(target)).replace_rules(await rules.rules())
    revision = await (await stores.open_faq(source)).revision()
    if isinstance(target, MongoDatabase):
        await target.collection("faq_meta").update_one(
            {"_id": "revision"}, {"$max": {"value": revision}}, upsert=True
        )
    else:
        await target.transaction(
            lambda c: c.execute("UPDATE faq_revision SET value = max(value, ?)", (revision,))
        )


async def migrate(source_url: str, target_url: str, say: Callable[[str], None]) -> int:
    """Copy everything from one store URL to another; returns how many records were copied."""
    if source_url == target_url:
        raise ValueError("--from and --to name the same store")
    source = await open_database(source_url)
    try:
        target = await open_database(target_url)
        try:
            await _open_every_store(target)
            copied = 0
            for kind in KINDS:
                docs = await _read(source, kind)
                await _write(target, kind, docs)
                copied += len(docs)
                say(f"{kind.table}: {len(docs)} copied")
            await _copy_routing_and_revision(source, target)
            say("routing rules and FAQ revision copied")
            return copied
        finally:
            await target.close()
    finally:
        await source.close()

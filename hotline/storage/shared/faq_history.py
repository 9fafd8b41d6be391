"""FAQ version history: one record per saved version, in the order saved."""

from __future__ import annotations

from hotline.faq.history import FaqVersion
from hotline.storage.shelf import ASCENDING, Layout, MongoIndex, OnShelf

FAQ_VERSIONS = Layout(
    "faq_versions",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS faq_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS faq_versions_entry ON faq_versions (entry_id, seq);
""",
    mongo_indexes=(MongoIndex((("entry_id", ASCENDING), ("seq", ASCENDING))),),
    sequence="seq",  # save order, whatever the clocks say
    documents=frozenset({"entry"}),
    sqlite_columns={"entry": "doc"},
)


class FaqHistoryOnShelf(OnShelf):
    async def record(self, version: FaqVersion) -> None:
        await self._shelf.add(version.to_record())

    async def versions(self, entry_id: str) -> list[FaqVersion]:
        return [FaqVersion.from_record(r) for r in await self._shelf.find(entry_id=entry_id)]

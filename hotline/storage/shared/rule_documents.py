"""Admin-edited rule documents: one record per name, replaced whole on save."""

from __future__ import annotations

from typing import Any

from hotline.clock import utc_now
from hotline.storage.shelf import Layout, OnShelf

RULE_DOCUMENTS = Layout(
    "rule_documents",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS rule_documents (
    name TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
""",
    key=("name",),
    times=frozenset({"updated_at"}),
    documents=frozenset({"doc"}),
)


class RuleDocumentsOnShelf(OnShelf):
    async def get(self, name: str) -> Any | None:
        record = await self._shelf.get(name)
        return None if record is None else record["doc"]

    async def put(self, name: str, doc: Any, author: str) -> None:
        # One replace: a worker reading meanwhile sees the old rules or the new, never a mix.
        await self._shelf.put(
            {"name": name, "doc": doc, "updated_by": author, "updated_at": utc_now()}
        )

"""The platforms' newest token pairs (Zalo's refresh tokens work once), shared by every worker."""

from __future__ import annotations

from typing import Any

from hotline.clock import utc_now
from hotline.storage.shelf import Layout, OnShelf

PLATFORM_TOKENS = Layout(
    "platform_tokens",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS platform_tokens (
    platform TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
""",
    key=("platform",),
    times=frozenset({"updated_at"}),
    documents=frozenset({"pair"}),
    sqlite_columns={"pair": "doc"},
)


class PlatformTokensOnShelf(OnShelf):
    async def load(self, platform: str) -> dict[str, Any] | None:
        record = await self._shelf.get(platform)
        return None if record is None else dict(record["pair"])

    async def save(self, platform: str, pair: dict[str, Any]) -> None:
        await self._shelf.put({"platform": platform, "pair": pair, "updated_at": utc_now()})

"""Citizens' opinions: 👍/👎 on FAQ answers and the survey after a ticket is resolved."""

from __future__ import annotations

from datetime import datetime

from hotline.bot.opinions import Opinion
from hotline.storage.shelf import ASCENDING, Layout, MongoIndex, OnShelf

OPINIONS = Layout(
    "opinions",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS opinions (
    subject TEXT NOT NULL,
    about TEXT NOT NULL,
    by TEXT NOT NULL,
    verdict TEXT NOT NULL,
    channel TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (subject, about, by)
);
CREATE INDEX IF NOT EXISTS opinions_at ON opinions (at);
""",
    mongo_indexes=(MongoIndex((("at", ASCENDING),)),),
    key=("subject", "about", "by"),
    times=frozenset({"at"}),
)


class OpinionLogOnShelf(OnShelf):
    async def record(self, opinion: Opinion) -> bool:
        return await self._shelf.add(opinion.to_record()) is not None

    async def between(self, since: datetime, until: datetime) -> list[Opinion]:
        return [Opinion.from_record(r) for r in await self._shelf.between("at", since, until)]

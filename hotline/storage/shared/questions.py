"""Asked FAQ questions: one record each, unanswered ones with their text, numbered in order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hotline.faq.unanswered import AskedQuestion
from hotline.storage.shelf import ASCENDING, DESCENDING, Layout, MongoIndex, OnShelf

FAQ_QUESTIONS = Layout(
    "faq_questions",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS faq_questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    at TEXT NOT NULL,
    answered TEXT,
    score REAL NOT NULL,
    text TEXT,
    resolved_by TEXT
);
CREATE INDEX IF NOT EXISTS faq_questions_at ON faq_questions (at);
-- The admins' inbox (`open_unanswered`) reads only questions no entry answered and nobody
-- resolved: only those enter its index, so an answered question (most of them, logged with
-- the citizen's turn) writes one B-tree less. It replaces faq_questions_open (answered,
-- resolved_by, id), which held every question; files made before lose that one in place.
DROP INDEX IF EXISTS faq_questions_open;
CREATE INDEX IF NOT EXISTS faq_questions_unanswered ON faq_questions (id)
    WHERE answered IS NULL AND resolved_by IS NULL;
""",
    mongo_indexes=(
        MongoIndex((("at", ASCENDING), ("_id", ASCENDING))),
        MongoIndex((("answered", ASCENDING), ("resolved_by", ASCENDING), ("_id", DESCENDING))),
    ),
    key=("id",),
    sequence="id",  # integer ids on both back ends, as the admin pages expect
    times=frozenset({"at"}),
)


class QuestionLogOnShelf(OnShelf):
    async def record(self, question: AskedQuestion) -> None:
        await self._shelf.add(question.to_record())

    async def between(self, since: datetime, until: datetime) -> list[AskedQuestion]:
        return [AskedQuestion.from_record(r) for r in await self._shelf.between("at", since, until)]

    async def open_unanswered(self, limit: int = 5000) -> list[AskedQuestion]:
        found = await self._shelf.find(
            answered=None, resolved_by=None, newest_first=True, limit=limit
        )
        return [AskedQuestion.from_record(r) for r in found]

    async def resolve(self, ids: Sequence[int], entry_id: str) -> None:
        await self._shelf.update(list(ids), resolved_by=entry_id)

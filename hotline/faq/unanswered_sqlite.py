"""Asked FAQ questions in SQLite: one row each, unanswered ones with their text."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

from hotline.faq.unanswered import AskedQuestion
from hotline.storage.sqlite import SqliteDatabase

SCHEMA = """
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
CREATE INDEX IF NOT EXISTS faq_questions_open ON faq_questions (answered, resolved_by, id);
"""


class SqliteQuestionLog:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteQuestionLog:
        await db.migrate(SCHEMA)
        return cls(db)

    async def record(self, question: AskedQuestion) -> None:
        # Times are stored in UTC so that text order is time order.
        text = question.text if question.unanswered else None
        row = (question.channel, _stamp(question.at), question.answered, question.score, text)

        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO faq_questions (channel, at, answered, score, text)"
                " VALUES (?, ?, ?, ?, ?)",
                row,
            )

        await self._db.transaction(run)

    async def between(self, since: datetime, until: datetime) -> list[AskedQuestion]:
        def run(conn: sqlite3.Connection) -> list[AskedQuestion]:
            rows = conn.execute(
                "SELECT * FROM faq_questions WHERE at >= ? AND at < ? ORDER BY at, id",
                (_stamp(since), _stamp(until)),
            )
            return [_question(r) for r in rows]

        return await self._db.query(run)

    async def open_unanswered(self, limit: int = 5000) -> list[AskedQuestion]:
        def run(conn: sqlite3.Connection) -> list[AskedQuestion]:
            rows = conn.execute(
                "SELECT * FROM faq_questions WHERE answered IS NULL AND resolved_by IS NULL"
                " ORDER BY id DESC LIMIT ?",
                (limit,),
            )
            return [_question(r) for r in rows]

        return await self._db.query(run)

    async def resolve(self, ids: Sequence[int], entry_id: str) -> None:
        def run(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "UPDATE faq_questions SET resolved_by = ? WHERE id = ?",
                [(entry_id, i) for i in ids],
            )

        await self._db.transaction(run)

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("question times must carry a time zone")
    return moment.astimezone(UTC).isoformat()


def _question(row: sqlite3.Row) -> AskedQuestion:
    return AskedQuestion(
        channel=row["channel"],
        at=datetime.fromisoformat(row["at"]),
        answered=row["answered"],
        score=float(row["score"]),
        text=row["text"],
        id=int(row["id"]),
        resolved_by=row["resolved_by"],
    )

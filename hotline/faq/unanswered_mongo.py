"""Asked FAQ questions in MongoDB: one document each, unanswered ones with their text."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from pymongo import ASCENDING, DESCENDING, IndexModel

from hotline.faq.unanswered import AskedQuestion
from hotline.storage.mongo import Document, MongoDatabase

INDEXES = [
    IndexModel([("at", ASCENDING), ("_id", ASCENDING)]),
    IndexModel([("answered", ASCENDING), ("resolved_by", ASCENDING), ("_id", DESCENDING)]),
]


class MongoQuestionLog:
    def __init__(self, db: MongoDatabase) -> None:
        self._db = db
        self._questions = db.collection("faq_questions")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoQuestionLog:
        await db.ensure_indexes("faq_questions", INDEXES)
        return cls(db)

    async def record(self, question: AskedQuestion) -> None:
        if question.at.tzinfo is None:
            raise ValueError("question times must carry a time zone")
        (id_,) = await self._db.next_ids("faq_questions")  # integer ids, as the console expects
        await self._questions.insert_one(
            {
                "_id": id_,
                "channel": question.channel,
                "at": question.at,
                "answered": question.answered,
                "score": question.score,
                "text": question.text if question.unanswered else None,
                "resolved_by": None,
            }
        )

    async def between(self, since: datetime, until: datetime) -> list[AskedQuestion]:
        cursor = self._questions.find({"at": {"$gte": since, "$lt": until}})
        return [_question(d) for d in await cursor.sort([("at", 1), ("_id", 1)]).to_list()]

    async def open_unanswered(self, limit: int = 5000) -> list[AskedQuestion]:
        cursor = self._questions.find({"answered": None, "resolved_by": None})
        return [_question(d) for d in await cursor.sort("_id", DESCENDING).limit(limit).to_list()]

    async def resolve(self, ids: Sequence[int], entry_id: str) -> None:
        await self._questions.update_many(
            {"_id": {"$in": list(ids)}}, {"$set": {"resolved_by": entry_id}}
        )

    async def close(self) -> None:
        """The database belongs to the app, which closes it."""


def _question(doc: Document) -> AskedQuestion:
    return AskedQuestion(
        channel=doc["channel"],
        at=doc["at"],
        answered=doc["answered"],
        score=float(doc["score"]),
        text=doc["text"],
        id=int(doc["_id"]),
        resolved_by=doc["resolved_by"],
    )

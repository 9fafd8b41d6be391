"""The log of deadline alerts already sent, in MongoDB: one document per (ticket, kind)."""

from __future__ import annotations

from datetime import datetime

from pymongo.errors import DuplicateKeyError

from hotline.storage.mongo import MongoDatabase


class MongoAlertLog:
    def __init__(self, db: MongoDatabase) -> None:
        self._alerts = db.collection("deadline_alerts")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoAlertLog:
        return cls(db)

    async def claim(self, code: str, kind: str, at: datetime) -> bool:
        """True for the one worker that gets to send this alert; the `_id` makes it unique."""
        try:
            await self._alerts.insert_one(
                {"_id": f"{code}/{kind}", "code": code, "kind": kind, "at": at}
            )
        except DuplicateKeyError:
            return False
        return True

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

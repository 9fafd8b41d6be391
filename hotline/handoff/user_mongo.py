"""Users, tokens, sessions and failed logins in MongoDB.

`users` is keyed by name; tokens and sessions are keyed by their digests, so a lookup is one
`_id` read. Sessions carry a TTL index on `expires_at` so MongoDB drops them on its own.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pymongo import ASCENDING, IndexModel
from pymongo.errors import DuplicateKeyError

from hotline.handoff.users import Session, User, UserExists
from hotline.storage.mongo import Document, MongoDatabase

INDEXES = {
    "user_tokens": [IndexModel([("name", ASCENDING)])],
    "user_sessions": [IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0)],
    "login_failures": [IndexModel([("name", ASCENDING), ("at", ASCENDING)])],
}


def _user(doc: Document | None) -> User | None:
    if doc is None:
        return None
    return User(
        name=doc["_id"],
        role=doc["role"],
        password_hash=doc["password_hash"],
        team=doc.get("team"),
        agency=doc.get("agency"),
        active=bool(doc.get("active", True)),
        created_at=doc["created_at"],
    )


class MongoUserStore:
    def __init__(self, db: MongoDatabase) -> None:
        self._users = db.collection("users")
        self._tokens = db.collection("user_tokens")
        self._sessions = db.collection("user_sessions")
        self._failures = db.collection("login_failures")

    @classmethod
    async def open(cls, db: MongoDatabase) -> MongoUserStore:
        for name, indexes in INDEXES.items():
            await db.ensure_indexes(name, indexes)
        return cls(db)

    async def add(self, user: User) -> None:
        doc = {
            "_id": user.name,
            "role": user.role,
            "team": user.team,
            "agency": user.agency,
            "password_hash": user.password_hash,
            "active": user.active,
            "created_at": user.created_at or datetime.now(UTC),
        }
        try:
            await self._users.insert_one(doc)
        except DuplicateKeyError as exc:
            raise UserExists(user.name) from exc

    async def get(self, name: str) -> User | None:
        return _user(await self._users.find_one({"_id": name}))

    async def list(self) -> list[User]:
        docs = await self._users.find().sort("_id", ASCENDING).to_list()
        return [u for d in docs if (u := _user(d))]

    async def set_password(self, name: str, password_hash: str) -> None:
        await self._users.update_one({"_id": name}, {"$set": {"password_hash": password_hash}})

    async def add_token(self, name: str, token_digest: str, at: datetime) -> None:
        await self._tokens.insert_one({"_id": token_digest, "name": name, "created_at": at})

    async def user_for_token(self, token_digest: str) -> User | None:
        token = await self._tokens.find_one({"_id": token_digest})
        if token is None:
            return None
        user = await self.get(token["name"])
        return user if user and user.active else None

    async def add_session(self, session: Session) -> None:
        await self._sessions.insert_one(
            {
                "_id": session.digest,
                "name": session.user,
                "csrf": session.csrf,
                "created_at": session.created_at,
                "expires_at": session.expires_at,
            }
        )

    async def session(self, session_digest: str, now: datetime) -> Session | None:
        # The TTL monitor runs once a minute: the expiry check here is what counts.
        doc = await self._sessions.find_one({"_id": session_digest, "expires_at": {"$gt": now}})
        if doc is None:
            return None
        return Session(
            digest=doc["_id"],
            user=doc["name"],
            csrf=doc["csrf"],
            created_at=doc["created_at"],
            expires_at=doc["expires_at"],
        )

    async def end_session(self, session_digest: str) -> None:
        await self._sessions.delete_one({"_id": session_digest})

    async def record_failure(self, name: str, at: datetime) -> None:
        await self._failures.insert_one({"name": name, "at": at})

    async def failures_since(self, name: str, since: datetime) -> int:
        return await self._failures.count_documents({"name": name, "at": {"$gte": since}})

    async def clear_failures(self, name: str) -> None:
        await self._failures.delete_many({"name": name})

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

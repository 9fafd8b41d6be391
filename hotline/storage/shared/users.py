"""Users, bearer tokens, console sessions and failed logins: a shelf each.

Tokens and sessions are kept by their digests, so a lookup is one read by key. On MongoDB a TTL
index drops expired sessions; the expiry check here is what counts (the TTL monitor runs once
a minute, and SQLite has none).
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from hotline.clock import utc_now
from hotline.handoff.users import Session, User, UserExists
from hotline.storage.portable import Record
from hotline.storage.shelf import ASCENDING, Layout, MongoIndex, Shelf

USERS = Layout(
    "users",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    team TEXT,
    agency TEXT,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
""",
    key=("name",),
    times=frozenset({"created_at"}),
    sqlite_added={"display_name": "TEXT"},
)
USER_TOKENS = Layout(
    "user_tokens",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS user_tokens (
    digest TEXT PRIMARY KEY,
    name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
""",
    mongo_indexes=(MongoIndex((("name", ASCENDING),)),),
    key=("digest",),
    times=frozenset({"created_at"}),
)
USER_SESSIONS = Layout(
    "user_sessions",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS user_sessions (
    digest TEXT PRIMARY KEY,
    name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
""",
    mongo_indexes=(MongoIndex((("expires_at", ASCENDING),), expire_after_seconds=0),),
    key=("digest",),
    times=frozenset({"created_at", "expires_at"}),
)
LOGIN_FAILURES = Layout(
    "login_failures",
    sqlite_schema="""
CREATE TABLE IF NOT EXISTS login_failures (
    name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_name ON login_failures (name, at);
""",
    mongo_indexes=(MongoIndex((("name", ASCENDING), ("at", ASCENDING))),),
    times=frozenset({"at"}),
)
LAYOUTS = (USERS, USER_TOKENS, USER_SESSIONS, LOGIN_FAILURES)


class UserStoreOnShelves:
    """`shelves` in the order of LAYOUTS."""

    def __init__(self, shelves: Sequence[Shelf]) -> None:
        self._users, self._tokens, self._sessions, self._failures = shelves
        # Failed logins count for minutes: a copy leaves them behind.
        self._portable = {s.layout.name: s for s in (self._users, self._tokens, self._sessions)}

    async def add(self, user: User) -> None:
        record = user.to_record()
        record["created_at"] = user.created_at or utc_now()
        if await self._users.add(record) is None:
            raise UserExists(user.name)

    async def get(self, name: str) -> User | None:
        record = await self._users.get(name)
        return None if record is None else User.from_record(record)

    async def list(self) -> list[User]:
        return [User.from_record(r) for r in await self._users.find()]

    async def set_password(self, name: str, password_hash: str) -> None:
        await self._users.update([name], password_hash=password_hash)

    async def add_token(self, name: str, token_digest: str, at: datetime) -> None:
        await self._tokens.add({"digest": token_digest, "name": name, "created_at": at})

    async def user_for_token(self, token_digest: str) -> User | None:
        token = await self._tokens.get(token_digest)
        user = None if token is None else await self.get(token["name"])
        return user if user and user.active else None

    async def token(self, token_digest: str) -> tuple[str, datetime] | None:
        record = await self._tokens.get(token_digest)
        return None if record is None else (record["name"], record["created_at"])

    async def tokens_of(self, name: str) -> builtins.list[tuple[str, datetime]]:
        found = [(r["digest"], r["created_at"]) for r in await self._tokens.find(name=name)]
        return sorted(found, key=lambda t: t[1])

    async def revoke_tokens(self, name: str, token_digest: str | None = None) -> None:
        if token_digest is None:
            await self._tokens.delete(name=name)
        else:
            await self._tokens.delete(name=name, digest=token_digest)

    async def end_sessions(self, name: str) -> None:
        await self._sessions.delete(name=name)

    async def update(
        self, name: str, *, role: str | None = None, active: bool | None = None
    ) -> None:
        changes: dict[str, object] = {}
        if role is not None:
            changes["role"] = role
        if active is not None:
            changes["active"] = active
        if changes:
            await self._users.update([name], **changes)

    async def add_session(self, session: Session) -> None:
        await self._sessions.add(session.to_record())

    async def session(self, session_digest: str, now: datetime) -> Session | None:
        record = await self._sessions.get(session_digest)
        if record is None or record["expires_at"] <= now:
            return None
        return Session.from_record(record)

    async def end_session(self, session_digest: str) -> None:
        await self._sessions.delete(digest=session_digest)

    async def record_failure(self, name: str, at: datetime) -> None:
        await self._failures.add({"name": name, "at": at})

    async def failures_since(self, name: str, since: datetime) -> int:
        return len(await self._failures.between("at", since, name=name))

    async def clear_failures(self, name: str) -> None:
        await self._failures.delete(name=name)

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self._portable)

    def export(self, part: str) -> AsyncIterator[Record]:
        return self._portable[part].export()

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        await self._portable[part].restore(records)

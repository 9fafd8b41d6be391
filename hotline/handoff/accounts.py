"""Accounts: adding users, bearer tokens, logins with lockout, and console sessions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from hotline.clock import utc_now
from hotline.handoff.passwords import DUMMY_HASH, hash_password, needs_rehash, verify_password
from hotline.handoff.user_store import UserStore
from hotline.handoff.users import Session, User, digest, new_secret

Clock = Callable[[], datetime]
TOKEN_PREFIX = "hl_"


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int = 5  # failed logins within `window` before the account is locked
    window: timedelta = timedelta(minutes=15)
    session_length: timedelta = timedelta(hours=12)


@dataclass(frozen=True)
class Login:
    """The outcome of a login: a session for `user`, or why not ("bad" or "locked")."""

    user: User | None = None
    session_id: str | None = None
    session: Session | None = None
    refused: str | None = None


class Accounts:
    def __init__(
        self, store: UserStore, policy: LoginPolicy | None = None, clock: Clock = utc_now
    ) -> None:
        self.store = store
        self.policy = policy or LoginPolicy()
        self.clock = clock

    async def add_user(
        self,
        name: str,
        role: str,
        password: str,
        team: str | None = None,
        agency: str | None = None,
        display_name: str | None = None,
    ) -> User:
        """A new user; ValueError for a bad name, role or password, UserExists if taken."""
        password_hash = await asyncio.to_thread(hash_password, password)
        user = User.new(name, role, password_hash, team, agency, self.clock(), display_name)
        await self.store.add(user)
        return user

    async def issue_token(self, name: str) -> str:
        """A new bearer token for the user; only its digest is kept, so show it once."""
        if await self.store.get(name) is None:
            raise KeyError(name)
        token = new_secret(TOKEN_PREFIX)
        await self.store.add_token(name, digest(token), self.clock())
        return token

    async def user_for_token(self, token: str) -> User | None:
        return await self.store.user_for_token(digest(token))

    async def log_in(self, name: str, password: str) -> Login:
        """Check a password; after `max_failures` misses the account waits out the window."""
        now = self.clock()
        since = now - self.policy.window
        if await self.store.failures_since(name, since) >= self.policy.max_failures:
            return Login(refused="locked")
        user = await self.store.get(name)
        # An unknown name costs a hash check too, so timing does not tell who exists.
        stored = user.password_hash if user and user.active else DUMMY_HASH
        ok = await asyncio.to_thread(verify_password, stored, password)
        if not ok or user is None or not user.active:
            await self.store.record_failure(name, now)
            failures = await self.store.failures_since(name, since)
            return Login(refused="locked" if failures >= self.policy.max_failures else "bad")
        await self.store.clear_failures(name)
        if needs_rehash(user.password_hash):
            await self.store.set_password(name, await asyncio.to_thread(hash_password, password))
        session_id = new_secret()
        session = Session(
            digest=digest(session_id),
            user=user.name,
            csrf=new_secret(),
            created_at=now,
            expires_at=now + self.policy.session_length,
        )
        await self.store.add_session(session)
        return Login(user=user, session_id=session_id, session=session)

    async def session(self, session_id: str) -> tuple[Session, User] | None:
        """The live session behind a cookie and its active user, or None."""
        session = await self.store.session(digest(session_id), self.clock())
        if session is None:
            return None
        user = await self.store.get(session.user)
        if user is None or not user.active:
            return None
        return session, user

    async def log_out(self, session_id: str) -> None:
        await self.store.end_session(digest(session_id))

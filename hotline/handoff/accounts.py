"""Accounts: adding users, bearer tokens, logins with lockout, and console sessions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from hotline.clock import utc_now
from hotline.handoff.passwords import dummy_hash, hash_password, needs_rehash, verify_password
from hotline.handoff.user_store import UserStore
from hotline.handoff.users import Role, Session, User, digest, new_secret

Clock = Callable[[], datetime]
TOKEN_PREFIX = "hl_"


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int = 5  # failed logins within `window` before the account is locked
    window: timedelta = timedelta(minutes=15)
    # Failed logins from one address within `window`, whatever the names, before it must wait.
    max_failures_per_address: int = 20
    token_lifetime: timedelta = timedelta(days=90)  # a bearer token works this long after issue
    session_length: timedelta = timedelta(hours=12)


TOKEN_ID_CHARS = 12


@dataclass(frozen=True)
class IssuedToken:
    """A bearer token as an admin sees it: never the token itself."""

    id: str
    issued_at: datetime
    expires_at: datetime
    expired: bool


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
        """The active user behind a token that is neither expired nor revoked."""
        found = await self.store.token(digest(token))
        if found is None or found[1] + self.policy.token_lifetime <= self.clock():
            return None
        return await self.store.user_for_token(digest(token))

    async def tokens(self, name: str) -> list[IssuedToken]:
        """A user's bearer tokens, by an id that is not the token (the start of its digest)."""
        now, life = self.clock(), self.policy.token_lifetime
        return [
            IssuedToken(d[:TOKEN_ID_CHARS], at, at + life, at + life <= now)
            for d, at in await self.store.tokens_of(name)
        ]

    async def revoke(self, name: str, token_id: str | None = None) -> int:
        """Revoke one token (by its id from `tokens`) or all of a user's; how many went."""
        mine = await self.store.tokens_of(name)
        gone = [d for d, _ in mine if token_id is None or d[:TOKEN_ID_CHARS] == token_id]
        if token_id is None:
            await self.store.revoke_tokens(name)
        for found in gone if token_id is not None else ():
            await self.store.revoke_tokens(name, found)
        return len(gone)

    async def cut_off(self, name: str) -> None:
        """End every session and token of a user: after a password, role or status change."""
        await self.store.end_sessions(name)
        await self.store.revoke_tokens(name)

    async def change_password(self, name: str, password: str) -> None:
        """A new password (checked like a new user's); the old sessions and tokens end."""
        if await self.store.get(name) is None:
            raise KeyError(name)
        await self.store.set_password(name, await asyncio.to_thread(hash_password, password))
        await self.cut_off(name)

    async def change_role(self, name: str, role: str) -> None:
        if await self.store.get(name) is None:
            raise KeyError(name)
        await self.store.update(name, role=Role(role).value)
        await self.cut_off(name)

    async def set_active(self, name: str, active: bool) -> None:
        """Deactivate (no login, no token, no session) or reactivate a user."""
        if await self.store.get(name) is None:
            raise KeyError(name)
        await self.store.update(name, active=active)
        await self.cut_off(name)

    async def log_in(self, name: str, password: str, address: str = "") -> Login:
        """Check a password. Misses are counted per account *and address*: after `max_failures`
        the account waits out the window from that address only, so a stranger cannot lock a
        known admin out from everywhere; and an address that misses `max_failures_per_address`
        times, whatever the names, waits too (guessing across accounts)."""
        now = self.clock()
        since = now - self.policy.window
        key, from_address = f"{name}\x1f{address}", f"\x1f{address}"
        if (
            await self.store.failures_since(key, since) >= self.policy.max_failures
            or await self.store.failures_since(from_address, since)
            >= self.policy.max_failures_per_address
        ):
            return Login(refused="locked")
        user = await self.store.get(name)
        # An unknown name costs a hash check too, so timing does not tell who exists.
        stored = user.password_hash if user and user.active else dummy_hash()
        ok = await asyncio.to_thread(verify_password, stored, password)
        if not ok or user is None or not user.active:
            await self.store.record_failure(key, now)
            await self.store.record_failure(from_address, now)
            failures = await self.store.failures_since(key, since)
            return Login(refused="locked" if failures >= self.policy.max_failures else "bad")
        await self.store.clear_failures(key)
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

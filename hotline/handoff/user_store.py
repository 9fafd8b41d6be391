"""The user store interface: users, bearer tokens, console sessions and failed logins."""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Protocol

from hotline.handoff.users import Session, User


class UserStore(Protocol):
    async def add(self, user: User) -> None:
        """Store a new user; UserExists if the name is taken."""
        ...

    async def get(self, name: str) -> User | None: ...

    async def list(self) -> list[User]: ...

    async def set_password(self, name: str, password_hash: str) -> None: ...

    async def add_token(self, name: str, token_digest: str, at: datetime) -> None: ...

    async def user_for_token(self, token_digest: str) -> User | None:
        """The active user a bearer token belongs to, or None."""
        ...

    async def token(self, token_digest: str) -> tuple[str, datetime] | None:
        """Whose token this is and when it was issued; None for no such token."""
        ...

    async def tokens_of(self, name: str) -> builtins.list[tuple[str, datetime]]:
        """A user's tokens: (digest, issued at), oldest first."""
        ...

    async def revoke_tokens(self, name: str, token_digest: str | None = None) -> None:
        """Drop one of a user's tokens, or all of them."""
        ...

    async def end_sessions(self, name: str) -> None:
        """End every console session of a user."""
        ...

    async def update(
        self, name: str, *, role: str | None = None, active: bool | None = None
    ) -> None:
        """Change a user's role or whether they may log in; other fields stay."""
        ...

    async def add_session(self, session: Session) -> None: ...

    async def session(self, session_digest: str, now: datetime) -> Session | None:
        """A session that has not expired, or None."""
        ...

    async def end_session(self, session_digest: str) -> None: ...

    async def record_failure(self, name: str, at: datetime) -> None: ...

    async def failures_since(self, name: str, since: datetime) -> int: ...

    async def clear_failures(self, name: str) -> None: ...

    async def close(self) -> None: ...

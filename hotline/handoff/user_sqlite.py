"""Users, tokens, sessions and failed logins in SQLite."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from hotline.handoff.users import Session, User, UserExists
from hotline.storage.sqlite import SqliteDatabase

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    team TEXT,
    agency TEXT,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_tokens (
    digest TEXT PRIMARY KEY,
    name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS user_sessions (
    digest TEXT PRIMARY KEY,
    name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_failures (
    name TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_name ON login_failures (name, at);
"""


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _user(row: sqlite3.Row | None) -> User | None:
    if row is None:
        return None
    return User(
        name=row["name"],
        role=row["role"],
        password_hash=row["password_hash"],
        team=row["team"],
        agency=row["agency"],
        active=bool(row["active"]),
        created_at=datetime.fromisoformat(row["created_at"]),
    )


class SqliteUserStore:
    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> SqliteUserStore:
        await db.migrate(SCHEMA)
        return cls(db)

    async def add(self, user: User) -> None:
        created = _utc(user.created_at or datetime.now(UTC))
        row = (user.name, user.role, user.team, user.agency, user.password_hash, created)

        def run(conn: sqlite3.Connection) -> None:
            try:
                conn.execute(
                    "INSERT INTO users (name, role, team, agency, password_hash, created_at)"
                    " VALUES (?,?,?,?,?,?)",
                    row,
                )
            except sqlite3.IntegrityError as exc:
                raise UserExists(user.name) from exc

        await self._db.transaction(run)

    async def get(self, name: str) -> User | None:
        return await self._db.query(
            lambda c: _user(c.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone())
        )

    async def list(self) -> list[User]:
        rows = await self._db.query(
            lambda c: c.execute("SELECT * FROM users ORDER BY name").fetchall()
        )
        return [u for r in rows if (u := _user(r))]

    async def set_password(self, name: str, password_hash: str) -> None:
        await self._db.transaction(
            lambda c: c.execute(
                "UPDATE users SET password_hash = ? WHERE name = ?", (password_hash, name)
            )
        )

    async def add_token(self, name: str, token_digest: str, at: datetime) -> None:
        await self._db.transaction(
            lambda c: c.execute(
                "INSERT INTO user_tokens VALUES (?,?,?)", (token_digest, name, _utc(at))
            )
        )

    async def user_for_token(self, token_digest: str) -> User | None:
        return await self._db.query(
            lambda c: _user(
                c.execute(
                    "SELECT users.* FROM user_tokens JOIN users USING (name)"
                    " WHERE digest = ? AND active = 1",
                    (token_digest,),
                ).fetchone()
            )
        )

    async def add_session(self, session: Session) -> None:
        row = (
            session.digest,
            session.user,
            session.csrf,
            _utc(session.created_at),
            _utc(session.expires_at),
        )
        await self._db.transaction(
            lambda c: c.execute("INSERT INTO user_sessions VALUES (?,?,?,?,?)", row)
        )

    async def session(self, session_digest: str, now: datetime) -> Session | None:
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT * FROM user_sessions WHERE digest = ? AND expires_at > ?",
                (session_digest, _utc(now)),
            ).fetchone()
        )
        if row is None:
            return None
        return Session(
            digest=row["digest"],
            user=row["name"],
            csrf=row["csrf"],
            created_at=datetime.fromisoformat(row["created_at"]),
            expires_at=datetime.fromisoformat(row["expires_at"]),
        )

    async def end_session(self, session_digest: str) -> None:
        await self._db.transaction(
            lambda c: c.execute("DELETE FROM user_sessions WHERE digest = ?", (session_digest,))
        )

    async def record_failure(self, name: str, at: datetime) -> None:
        await self._db.transaction(
            lambda c: c.execute("INSERT INTO login_failures VALUES (?, ?)", (name, _utc(at)))
        )

    async def failures_since(self, name: str, since: datetime) -> int:
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT count(*) FROM login_failures WHERE name = ? AND at >= ?",
                (name, _utc(since)),
            ).fetchone()
        )
        return int(row[0])

    async def clear_failures(self, name: str) -> None:
        await self._db.transaction(
            lambda c: c.execute("DELETE FROM login_failures WHERE name = ?", (name,))
        )

    async def close(self) -> None:
        """The database is shared and closed by its owner."""

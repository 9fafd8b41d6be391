"""The Zalo OA access token, refreshed when Zalo says it expired, kept across restarts.

An OA access token lasts about 25 hours. Zalo's OAuth server trades the refresh token for a
new pair (POST {oauth}/v4/oa/access_token, the app secret in the `secret_key` header) and each
refresh token works once, so the new pair is written to the store before it is used: a restart
must not fall back to the spent refresh token from the configuration. A pair configured later
by an admin (a refresh token the store has not seen) wins over the stored one.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import aiohttp

from hotline.channels.delivery import DeliveryFailed
from hotline.storage.sqlite import SqliteDatabase

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS platform_tokens (
    platform TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""
PLATFORM = "zalo"
# When the OAuth server itself fails, try the send again after this long.
REFRESH_RETRY_SECONDS = 60.0


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    # The configured refresh token this pair descends from: a new one in the configuration wins.
    seed: str
    expires_at: str | None = None


class TokenKeeper(Protocol):
    """Where the newest token pair is kept: TokenStore (SQLite) or MongoTokenStore."""

    async def load(self) -> TokenPair | None: ...

    async def save(self, pair: TokenPair) -> None: ...


class TokenStore:
    """The newest Zalo token pair in the hotline's SQLite file."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db

    @classmethod
    async def open(cls, db: SqliteDatabase) -> TokenStore:
        await db.migrate(SCHEMA)
        return cls(db)

    async def load(self) -> TokenPair | None:
        row = await self._db.query(
            lambda c: c.execute(
                "SELECT doc FROM platform_tokens WHERE platform = ?", (PLATFORM,)
            ).fetchone()
        )
        return TokenPair(**json.loads(row["doc"])) if row else None

    async def save(self, pair: TokenPair) -> None:
        def run(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO platform_tokens (platform, doc, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (platform) DO UPDATE SET doc = excluded.doc,"
                " updated_at = excluded.updated_at",
                (PLATFORM, json.dumps(asdict(pair)), datetime.now(UTC).isoformat()),
            )

        await self._db.transaction(run)


class ZaloTokens:
    """Hands out the current access token and refreshes it, one refresh at a time."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        oauth_url: str,
        app_id: str,
        app_secret: str,
        configured: TokenPair,
        store: TokenKeeper | None = None,
    ) -> None:
        self._session = session
        self._oauth_url = oauth_url.rstrip("/")
        self._app_id = app_id
        self._app_secret = app_secret
        self._pair = configured
        self._store = store
        self._lock = asyncio.Lock()
        self._loaded = store is None

    async def access_token(self) -> str:
        await self._load()
        return self._pair.access_token

    @property
    def refresh_token(self) -> str:
        return self._pair.refresh_token

    async def refresh(self, rejected: str) -> str:
        """A new access token after Zalo refused `rejected`; one refresh for concurrent sends."""
        async with self._lock:
            await self._load()
            if self._pair.access_token != rejected:
                return self._pair.access_token  # another send refreshed it meanwhile
            answer = await self._ask_for_new_pair()
            pair = TokenPair(
                access_token=answer["access_token"],
                refresh_token=answer["refresh_token"],
                seed=self._pair.seed,
                expires_at=_expiry(answer.get("expires_in")),
            )
            if self._store is not None:
                await self._store.save(pair)  # before use: the old refresh token is spent
            self._pair = pair
            log.info("refreshed the Zalo OA access token (valid until %s)", pair.expires_at)
            return pair.access_token

    async def _load(self) -> None:
        if self._loaded or self._store is None:
            return
        stored = await self._store.load()
        if stored is not None and stored.seed == self._pair.seed:
            self._pair = stored
        self._loaded = True

    async def _ask_for_new_pair(self) -> dict[str, Any]:
        form = {
            "app_id": self._app_id,
            "refresh_token": self._pair.refresh_token,
            "grant_type": "refresh_token",
        }
        url = f"{self._oauth_url}/v4/oa/access_token"
        try:
            async with self._session.post(
                url, data=form, headers={"secret_key": self._app_secret}
            ) as resp:
                if resp.status >= 500 or resp.status == 429:
                    raise DeliveryFailed(
                        f"Zalo OAuth answered HTTP {resp.status}", REFRESH_RETRY_SECONDS
                    )
                answer = await resp.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise DeliveryFailed(
                f"Zalo OAuth unreachable: {error!r}", REFRESH_RETRY_SECONDS
            ) from error
        if (
            not isinstance(answer, dict)
            or not isinstance(answer.get("access_token"), str)
            or not isinstance(answer.get("refresh_token"), str)
        ):
            why = answer.get("error_description") if isinstance(answer, dict) else answer
            # Not permanent: the replies wait until an admin configures a new token pair.
            raise DeliveryFailed(
                f"Zalo refused to refresh the access token ({why}); set a new"
                " HOTLINE_ZALO_ACCESS_TOKEN and HOTLINE_ZALO_REFRESH_TOKEN",
                retry_after=15 * 60,
            )
        return answer


def _expiry(expires_in: Any) -> str | None:
    try:
        seconds = int(expires_in)
    except (TypeError, ValueError):
        return None
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat()

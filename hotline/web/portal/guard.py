"""The portal's abuse limits: a CSRF token for the form and a report quota per client.

CSRF: the browser holds a random id in a SameSite cookie; each form carries a nonce and an HMAC
of (id, nonce). A page on another site can make the browser post, but cannot read the token, so
its post fails. The nonce also names the submission: a double click files one ticket.

Quota: a token bucket per client IP (5 reports per 10 minutes by default), shared by the form
and the JSON API; a lookup bucket keeps code guessing slow (codes have 40+ random bits anyway).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

from hotline.bot.ratelimit import TokenBucket

COOKIE = "hl_portal"
_NONCE_CHARS = 24


class Csrf:
    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    @staticmethod
    def new_browser_id() -> str:
        return secrets.token_urlsafe(18)

    @staticmethod
    def new_nonce() -> str:
        return secrets.token_urlsafe(18)[:_NONCE_CHARS]

    def token(self, browser_id: str, nonce: str) -> str:
        message = f"{browser_id}\n{nonce}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def valid(self, browser_id: str | None, nonce: str, token: str) -> bool:
        if not browser_id or not nonce or len(nonce) > 64:
            return False
        return hmac.compare_digest(self.token(browser_id, nonce), token)


class ClientQuota:
    """At most `burst` actions per client, refilled evenly over `window` seconds."""

    def __init__(
        self, burst: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = burst
        self.rate = burst / window
        self._clock = clock
        self._buckets: dict[str, TokenBucket] = {}

    def retry_after(self, client: str) -> float:
        """Seconds until this client may act again; 0 when it may now. Books nothing."""
        bucket = self._buckets.get(client)
        return bucket.wait(self._clock()) if bucket is not None else 0.0

    def take(self, client: str) -> bool:
        """Book one action; False (and nothing booked) when the client is over its quota."""
        now = self._clock()
        bucket = self._buckets.get(client)
        if bucket is None:
            if len(self._buckets) >= 50_000:
                self._forget_idle(now)
            bucket = self._buckets[client] = TokenBucket(self.rate, self.burst, now)
        if bucket.wait(now) > 0:
            return False
        bucket.reserve(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for client in [c for c, b in self._buckets.items() if b.idle(now)]:
            del self._buckets[client]

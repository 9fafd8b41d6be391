"""Sending limits: token buckets for a platform overall and for each chat on it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RateLimit:
    """The sending rate a platform documents: messages a second overall and per chat.

    `burst` is how many may go at once after a quiet spell; platforms tolerate short bursts
    (Telegram says so outright) but answer 429 when the average is over the limit.
    """

    per_second: float
    burst: int = 1
    per_chat_per_second: float | None = None
    per_chat_burst: int = 1


# Telegram Bot API FAQ: about 30 messages a second overall, 1 a second in one chat.
TELEGRAM = RateLimit(per_second=30, burst=30, per_chat_per_second=1, per_chat_burst=3)
# Viber documents no figure per chat; its REST API answers status 12 ("rate limit") beyond
# a few hundred requests a second per bot. Stay well under it.
VIBER = RateLimit(per_second=50, burst=50)
# Zalo publishes no per-second figure; beyond its per-minute quota it answers error -32.
ZALO = RateLimit(per_second=20, burst=20)
# Meta's Send API takes a few hundred text messages a second per page; stay well under it.
MESSENGER = RateLimit(per_second=100, burst=50)
UNLIMITED = RateLimit(per_second=1e9, burst=1_000_000)


class TokenBucket:
    """`rate` tokens a second, at most `burst` saved up; `reserve` books one token."""

    def __init__(self, rate: float, burst: int, now: float) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("a bucket needs a positive rate and a burst of at least 1")
        self.rate = rate
        self.burst = burst
        self._tokens = float(burst)
        self._stamp = now

    def _refill(self, now: float) -> None:
        if now > self._stamp:
            self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
            self._stamp = now

    def wait(self, now: float) -> float:
        """Seconds until a token is free (0 when one is free now); books nothing."""
        self._refill(now)
        return 0.0 if self._tokens >= 1 else (1 - self._tokens) / self.rate

    def reserve(self, now: float) -> float:
        """Book a token and return how long to wait before using it (may go into debt)."""
        self._refill(now)
        self._tokens -= 1
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate

    def idle(self, now: float) -> bool:
        """Full again: forgetting the bucket changes nothing."""
        self._refill(now)
        return self._tokens >= self.burst


class RateLimiter:
    """One platform's limits: an overall bucket and one bucket per chat, created on demand."""

    def __init__(
        self,
        limit: RateLimit,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limit = limit
        self._clock = clock
        self._sleep = sleep
        self._overall = TokenBucket(limit.per_second, limit.burst, clock())
        self._chats: dict[str, TokenBucket] = {}

    def reserve(self, chat: str) -> float:
        """Book a send to `chat` and return the seconds to wait before it may go."""
        now = self._clock()
        waits = [self._overall.reserve(now)]
        if self.limit.per_chat_per_second is not None:
            bucket = self._chats.get(chat)
            if bucket is None:
                bucket = TokenBucket(self.limit.per_chat_per_second, self.limit.per_chat_burst, now)
                self._chats[chat] = bucket
            waits.append(bucket.reserve(now))
        if len(self._chats) > 10_000:
            self._forget_idle(now)
        return max(waits)

    async def acquire(self, chat: str) -> None:
        """Wait until a send to `chat` is within the limits."""
        delay = self.reserve(chat)
        if delay > 0:
            await self._sleep(delay)

    def _forget_idle(self, now: float) -> None:
        for chat in [c for c, b in self._chats.items() if b.idle(now)]:
            del self._chats[chat]

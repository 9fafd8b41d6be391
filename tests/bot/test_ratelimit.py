"""Token buckets with a clock the test turns."""

from __future__ import annotations

import pytest

from hotline.bot.ratelimit import TELEGRAM, RateLimit, RateLimiter, TokenBucket


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_then_the_rate() -> None:
    bucket = TokenBucket(rate=2.0, burst=3, now=0.0)
    assert [bucket.reserve(0.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.reserve(0.0) == pytest.approx(0.5)
    assert bucket.reserve(0.0) == pytest.approx(1.0), "bookings queue up"
    assert bucket.wait(1.0) == pytest.approx(0.5), "the debt is paid off first"
    assert bucket.wait(1.5) == 0.0


def test_a_bucket_refills_but_never_beyond_its_burst() -> None:
    bucket = TokenBucket(rate=1.0, burst=2, now=0.0)
    bucket.reserve(0.0)
    bucket.reserve(0.0)
    assert bucket.wait(0.5) == pytest.approx(0.5)
    assert bucket.idle(100.0)
    assert [bucket.reserve(100.0) for _ in range(3)] == [0.0, 0.0, pytest.approx(1.0)]


def test_telegram_one_chat_gets_one_a_second_after_a_short_burst() -> None:
    clock = Clock()
    limiter = RateLimiter(TELEGRAM, clock=clock)
    waits = [limiter.reserve("chat-1") for _ in range(5)]
    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3] == pytest.approx(1.0) and waits[4] == pytest.approx(2.0)
    assert limiter.reserve("chat-2") == 0.0, "another chat is not held up"


def test_telegram_overall_is_thirty_a_second() -> None:
    clock = Clock()
    limiter = RateLimiter(TELEGRAM, clock=clock)
    waits = [limiter.reserve(f"chat-{i}") for i in range(31)]
    assert max(waits[:30]) == 0.0
    assert waits[30] == pytest.approx(1 / 30)
    clock.now += 1.0
    assert limiter.reserve("chat-99") == 0.0


async def test_acquire_sleeps_for_the_wait() -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    limiter = RateLimiter(RateLimit(per_second=10, burst=1), clock=Clock(), sleep=sleep)
    await limiter.acquire("a")
    await limiter.acquire("a")
    assert slept == [pytest.approx(0.1)]


def test_a_bucket_needs_a_positive_rate() -> None:
    with pytest.raises(ValueError):
        TokenBucket(rate=0, burst=1, now=0.0)

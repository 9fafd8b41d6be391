"""The courier: sends the stored replies of the platforms' channels, in order, within limits.

Every reply is in the outbox before anyone sends it. The courier takes what is due, one worker per
conversation so its replies keep their order, waits for the platform's rate limit, calls the
channel's `send` and records the outcome: delivered; failed for now (retried later with
exponential backoff and jitter, or after the platform's retry_after); or failed for good, and when
the citizen is gone (blocked the bot, unsubscribed) the conversation is marked so nothing more is
tried until they write again. The store's statuses make this survive a restart: what was pending
goes out after it, once.

With several workers on one store each reply is claimed (compare-and-set, with an expiry) before it
is sent, so only one worker sends it; a worker that finds a reply claimed leaves the conversation
to the claimant. Only a crash between the send and the mark can send a reply twice: the claim
expires and another worker sends it again.
"""

from __future__ import annotations

import asyncio
import logging
import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from prometheus_client import Counter

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.messages import ConversationKey
from hotline.bot.ratelimit import RateLimiter
from hotline.bot.waits import every_pass
from hotline.channels.base import Channel
from hotline.channels.delivery import DeliveryFailed, RecipientGone
from hotline.channels.intake import mark_unreachable
from hotline.clock import utc_now

log = logging.getLogger(__name__)

# done: delivered or given up; wait: retry later, later replies wait too; gone: stop this chat.
Outcome = Literal["done", "wait", "gone"]
CLAIM = timedelta(seconds=60)  # longer than a send: the session's timeouts end it sooner
SENDS = Counter("hotline_sends_total", "Platform send attempts by outcome", ["channel", "outcome"])


@dataclass(frozen=True)
class Backoff:
    """Delay before attempt n+1: base * factor**n, capped, plus up to `jitter` of it at random."""

    base: float = 1.0
    factor: float = 2.0
    cap: float = 600.0
    jitter: float = 0.25
    max_attempts: int = 12  # about an hour and a half of trying with the defaults

    def delay(self, attempts: int, retry_after: float | None, rand: float) -> float:
        """`attempts` made so far (>= 1), the platform's retry_after, a random number in [0, 1)."""
        wait = min(self.cap, self.base * self.factor ** (attempts - 1))
        wait += wait * self.jitter * rand
        return max(wait, retry_after or 0.0)


class Courier:
    def __init__(
        self,
        conversations: ConversationStore,
        channels: Mapping[str, Channel],
        *,
        woken: asyncio.Event | None = None,
        backoff: Backoff = Backoff(),
        poll_seconds: float = 1.0,
        max_parallel: int = 32,
        clock: Callable[[], datetime] = utc_now,
        rand: Callable[[], float] = random.random,
        limiters: Mapping[str, RateLimiter] | None = None,
        worker: str | None = None,
    ) -> None:
        self.conversations = conversations
        self.worker = worker or uuid.uuid4().hex  # the holder of this courier's claims
        self.channels = dict(channels)
        self.backoff = backoff
        self.poll_seconds = poll_seconds
        self._clock = clock
        self._rand = rand
        self._limiters = dict(limiters or {})
        for name, channel in self.channels.items():
            self._limiters.setdefault(name, RateLimiter(channel.limit))
        self._slots = asyncio.Semaphore(max_parallel)
        self._woken = woken if woken is not None else asyncio.Event()  # set: look at once
        self._workers: dict[ConversationKey, asyncio.Task[None]] = {}
        self._queued: dict[ConversationKey, set[int]] = {}

    def add(self, channel: Channel) -> None:
        """A channel opened late (its platform was unreachable at start): send for it too."""
        self.channels[channel.name] = channel
        self._limiters.setdefault(channel.name, RateLimiter(channel.limit))
        self.wake()

    def wake(self) -> None:
        """Look for due replies now rather than at the next poll."""
        self._woken.set()

    async def run(self) -> None:
        """Send what is due, then sleep until woken or the poll interval passes; forever."""
        try:
            await every_pass(self.dispatch, self._woken, self.poll_seconds, "courier")
        finally:
            await self.stop()

    async def dispatch(self) -> int:
        """Hand due replies to one worker per conversation; how many workers were started."""
        due = await self.conversations.due(self._clock(), list(self.channels))
        started = 0
        for item in due:
            key = item.message.key
            self._queued.setdefault(key, set()).add(item.id)
            if key not in self._workers:
                self._workers[key] = asyncio.create_task(self._work(key))
                started += 1
        return started

    async def send_due(self) -> None:
        """One full pass, waiting for its workers: what tests and tools call."""
        await self.dispatch()
        while self._workers:
            await asyncio.gather(*self._workers.values())

    async def stop(self) -> None:
        workers = list(self._workers.values())
        for task in workers:
            task.cancel()
        await asyncio.gather(*workers, return_exceptions=True)

    async def _work(self, key: ConversationKey) -> None:
        try:
            while ids := self._queued.pop(key, None):
                await self._drain(key, ids)
        except Exception:
            log.exception("courier worker for %s failed", key)
        finally:
            self._workers.pop(key, None)
            self._queued.pop(key, None)

    async def _drain(self, key: ConversationKey, due_ids: set[int]) -> None:
        """Send this conversation's due replies oldest first; stop at one that must wait."""
        pending = await self.conversations.pending(key)
        if not pending:
            return
        unreachable = (await self.conversations.load(key)).unreachable
        for item in pending:
            if unreachable:
                await self._give_up(item, f"conversation unreachable: {unreachable}")
                continue
            if item.id not in due_ids:
                return  # an earlier reply waits for its retry; later ones wait behind it
            outcome = await self._attempt(item)
            if outcome == "wait":
                return
            if outcome == "gone":
                unreachable = "recipient gone"

    async def _attempt(self, item: OutboxItem) -> Outcome:
        """Send one reply and record what happened."""
        name = item.message.key.channel
        channel = self.channels[name]
        await self._limiters[name].acquire(item.message.key.sender)
        if not await self.conversations.claim(item.id, self.worker, utc_now() + CLAIM):
            SENDS.labels(name, "claimed_elsewhere").inc()
            return "wait"  # another worker sends it; this conversation's later replies too
        try:
            async with self._slots:
                sent = await channel.send(item)
            if not sent:
                raise DeliveryFailed("channel could not send now", retry_after=0.0)
        except RecipientGone as gone:
            SENDS.labels(name, "gone").inc()
            log.info("%s is unreachable: %s", item.message.key, gone.reason)
            await self._give_up(item, gone.reason)
            await mark_unreachable(self.conversations, item.message.key, gone.reason)
            return "gone"
        except DeliveryFailed as failed:
            if failed.permanent:
                SENDS.labels(name, "refused").inc()
                log.warning("%s refused reply %d: %s", name, item.id, failed.reason)
                await self._give_up(item, failed.reason)
                return "done"
            return await self._retry(item, failed.reason, failed.retry_after)
        except Exception as exc:  # a bug or an unexpected SDK error: retry, bounded
            log.exception("sending reply %d on %s failed unexpectedly", item.id, name)
            return await self._retry(item, repr(exc), None)
        SENDS.labels(name, "delivered").inc()
        await self.conversations.mark_delivered([item.id])
        return "done"

    async def _retry(self, item: OutboxItem, reason: str, retry_after: float | None) -> Outcome:
        attempts = item.attempts + 1
        name = item.message.key.channel
        if attempts >= self.backoff.max_attempts:
            SENDS.labels(name, "abandoned").inc()
            log.warning("giving up reply %d after %d attempts: %s", item.id, attempts, reason)
            await self._give_up(item, f"{reason} (after {attempts} attempts)")
            return "done"
        SENDS.labels(name, "retry").inc()
        wait = self.backoff.delay(attempts, retry_after, self._rand())
        await self.conversations.mark_failed(
            item.id, reason, self._clock() + timedelta(seconds=wait)
        )
        log.info("reply %d on %s failed (%s); retrying in %.1fs", item.id, name, reason, wait)
        return "wait"

    async def _give_up(self, item: OutboxItem, reason: str) -> None:
        await self.conversations.mark_failed(item.id, reason, None)

"""Loops that run until they are cancelled: waiting with a time limit, running in the background.

`asyncio.wait_for` on Python 3.11 returns the awaited result when it arrives together with a
cancellation, and the cancellation is lost: a loop built on it can miss its stop and run on
forever, holding up the shutdown. `asyncio.timeout` tells its own expiry from a stop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


async def at_most(seconds: float, awaitable: Awaitable[T]) -> T | None:
    """The awaitable's result, or None when `seconds` pass first; a stop is never swallowed."""
    try:
        async with asyncio.timeout(seconds):
            return await awaitable
    except TimeoutError:
        return None


async def every_pass(
    work: Callable[[], Awaitable[object]], woken: asyncio.Event, poll_seconds: float, what: str
) -> None:
    """Forever: do one pass of `work`, then wait until `woken` is set or `poll_seconds` pass.

    A pass that fails is logged and tried again at the next wake or poll: a busy store must not
    stop the loop for good. Only a cancellation ends it.
    """
    while True:
        woken.clear()
        try:
            await work()
        except Exception:
            log.exception("%s pass failed; trying again", what)
        await at_most(poll_seconds, woken.wait())


@asynccontextmanager
async def background(coro: Coroutine[Any, Any, None]) -> AsyncIterator[asyncio.Task[None]]:
    """Run a task for as long as the block lasts; cancel it on the way out."""
    task = asyncio.create_task(coro)
    try:
        yield task
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task

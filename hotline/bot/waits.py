"""Loops that run until they are cancelled: waiting with a time limit, running in the background.

`asyncio.wait_for` on Python 3.11 returns the awaited result when it arrives together with a
cancellation, and the cancellation is lost: a loop built on it can miss its stop and run on
forever, holding up the shutdown. `asyncio.timeout` tells its own expiry from a stop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Coroutine
from contextlib import asynccontextmanager, suppress
from typing import Any, TypeVar

T = TypeVar("T")


async def at_most(seconds: float, awaitable: Awaitable[T]) -> T | None:
    """The awaitable's result, or None when `seconds` pass first; a stop is never swallowed."""
    try:
        async with asyncio.timeout(seconds):
            return await awaitable
    except TimeoutError:
        return None


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

"""Waiting with a time limit in loops that run until they are cancelled.

`asyncio.wait_for` on Python 3.11 returns the awaited result when it arrives together with a
cancellation, and the cancellation is lost: a loop built on it can miss its stop and run on
forever, holding up the shutdown. `asyncio.timeout` tells its own expiry from a stop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def at_most(seconds: float, awaitable: Awaitable[T]) -> T | None:
    """The awaitable's result, or None when `seconds` pass first; a stop is never swallowed."""
    try:
        async with asyncio.timeout(seconds):
            return await awaitable
    except TimeoutError:
        return None

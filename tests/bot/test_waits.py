"""Waiting with a time limit: the result, None at the limit, and a stop always honoured."""

from __future__ import annotations

import asyncio

import pytest

from hotline.bot.waits import at_most


async def test_the_result_when_it_comes_in_time_and_none_when_it_does_not() -> None:
    ready: asyncio.Future[str] = asyncio.get_running_loop().create_future()
    ready.set_result("tin nhắn")
    assert await at_most(5, ready) == "tin nhắn"
    never = asyncio.Event()
    assert await at_most(0.01, never.wait()) is None


async def test_a_stop_arriving_with_the_result_is_not_lost() -> None:
    # The case asyncio.wait_for gets wrong on Python 3.11: it returns the result instead.
    arrived: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    waiting = asyncio.create_task(at_most(10, arrived))
    await asyncio.sleep(0)  # the task is now waiting
    arrived.set_result(1)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting

"""Waiting with a time limit: the result, None at the limit, and a stop always honoured;
the pass-then-wait loop the courier and the broadcaster run."""

from __future__ import annotations

import asyncio
import logging

import pytest

from hotline.bot.waits import at_most, every_pass


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


async def test_a_failed_pass_is_logged_and_the_next_comes_when_woken(
    caplog: pytest.LogCaptureFixture,
) -> None:
    woken = asyncio.Event()
    passes: list[int] = []
    first, second = asyncio.Event(), asyncio.Event()

    async def work() -> None:
        passes.append(len(passes))
        if len(passes) == 1:
            first.set()
            raise RuntimeError("store busy")
        second.set()

    with caplog.at_level(logging.ERROR, logger="hotline.bot.waits"):
        loop = asyncio.create_task(every_pass(work, woken, 3600, "test"))
        await first.wait()
        woken.set()  # long before the hour's poll: the loop must not wait for it
        assert await at_most(5, second.wait()) is True
        loop.cancel()
        with pytest.raises(asyncio.CancelledError):
            await loop
    assert passes == [0, 1]
    assert ["test pass failed; trying again"] == [r.getMessage() for r in caplog.records]


async def test_without_a_wake_the_next_pass_comes_after_the_poll() -> None:
    woken = asyncio.Event()
    passes = 0
    third = asyncio.Event()

    async def work() -> None:
        nonlocal passes
        passes += 1
        if passes == 3:
            third.set()

    loop = asyncio.create_task(every_pass(work, woken, 0.01, "test"))
    assert await at_most(5, third.wait()) is True
    loop.cancel()
    with pytest.raises(asyncio.CancelledError):
        await loop

"""The per-conversation locks: one turn at a time, in order, and nothing kept afterwards."""

from __future__ import annotations

import asyncio

from hotline.bot.locks import KeyedLocks


async def test_turns_of_one_conversation_run_one_at_a_time_in_order() -> None:
    locks, order = KeyedLocks(), []

    async def turn(i: int) -> None:
        async with locks.hold("a"):
            order.append(("in", i))
            await asyncio.sleep(0)
            order.append(("out", i))

    await asyncio.gather(*(turn(i) for i in range(3)))
    assert order == [(step, i) for i in range(3) for step in ("in", "out")]
    assert len(locks) == 0


async def test_a_turn_cancelled_while_waiting_leaves_nothing_behind() -> None:
    locks = KeyedLocks()
    entered = asyncio.Event()
    release = asyncio.Event()

    async def holder() -> None:
        async with locks.hold("a"):
            entered.set()
            await release.wait()

    async def waiter() -> None:
        async with locks.hold("a"):
            raise AssertionError("never reached")

    first = asyncio.create_task(holder())
    await entered.wait()
    second = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    second.cancel()
    await asyncio.gather(second, return_exceptions=True)
    release.set()
    await first
    assert len(locks) == 0


async def test_an_error_inside_releases_the_lock() -> None:
    locks = KeyedLocks()
    try:
        async with locks.hold("a"):
            raise ValueError
    except ValueError:
        pass
    assert len(locks) == 0
    async with locks.hold("a"):
        assert len(locks) == 1

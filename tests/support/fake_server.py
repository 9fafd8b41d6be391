"""Serve a fake platform (a small aiohttp app) on 127.0.0.1, port 0, for one test."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

from aiohttp import web
from aiohttp.test_utils import TestServer


@asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    """The app's base URL (what a HOTLINE_<PLATFORM>_API_URL would say) while the block runs."""
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


async def wait_for_count(
    sent: Callable[[], Sequence[object]], count: int, within: float = 10.0
) -> None:
    """Wait until `sent()` holds at least `count` items (what a fake received for someone)."""
    deadline = time.monotonic() + within
    while len(sent()) < count:
        if time.monotonic() > deadline:
            raise AssertionError(f"{count} messages expected, got {sent()}")
        await asyncio.sleep(0.02)

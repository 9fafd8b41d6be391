"""Store trouble made visible: a locked or full store answers 503 JSON with Retry-After, never
a 500 or a stall without end, and `/readyz` says so from a cached write probe.

The probe writes as a turn would, every `every` seconds, with a short timeout, in the background;
`/readyz` only reads its last answer, so a store held by another process cannot stall the
readiness check. A request that met store trouble marks the store unready until the probe writes
again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from hotline.bot.dialogs import texts
from hotline.channels.base import json_response
from hotline.storage.open import RETRY_AFTER, Trouble, trouble_of

log = logging.getLogger(__name__)


@dataclass
class StoreHealth:
    """The last probe's answer: writable, or the trouble met and when."""

    probe: Callable[[], Awaitable[None]]
    every: float = 2.0
    timeout: float = 1.0
    writable: bool = True
    trouble: Trouble | None = None
    checked_at: float = 0.0  # monotonic

    def met(self, trouble: Trouble) -> None:
        """A request met this trouble: unready until a probe writes again."""
        self.writable, self.trouble = False, trouble

    async def check(self) -> None:
        try:
            async with asyncio.timeout(self.timeout):
                await self.probe()
        except TimeoutError:
            self.met(Trouble.LOCKED)  # a write waits longer than any turn should
        except Exception as exc:  # the probe must report, never stop
            found = trouble_of(exc)
            if found is None:
                log.exception("store probe failed")
            self.met(found or Trouble.UNAVAILABLE)
        else:
            self.writable, self.trouble = True, None
        self.checked_at = time.monotonic()

    async def watch(self) -> None:
        """Probe forever; a probe still running when the next is due is not doubled."""
        while True:
            await self.check()
            await asyncio.sleep(self.every)

    def answer(self) -> dict[str, object]:
        """What /readyz says of the store."""
        stale = time.monotonic() - self.checked_at > self.every + 2 * self.timeout
        ok = self.writable and not stale
        found = self.trouble or (Trouble.LOCKED if stale else None)
        return {"store": ok, **({"store_trouble": str(found)} if found else {})}


def trouble_response(trouble: Trouble) -> web.Response:
    seconds = RETRY_AFTER[trouble]
    body = {"error": "store unavailable", "trouble": str(trouble), "message": texts.STORE_TROUBLE}
    response = json_response(body, status=503)
    response.headers["Retry-After"] = str(seconds)
    return response


def _upgraded(request: web.Request) -> bool:
    return request.headers.get("Upgrade", "").lower() == "websocket"


def trouble_answer(
    request: web.Request, exc: Exception, health: StoreHealth | None
) -> web.Response | None:
    """503 JSON with Retry-After for a request that met store trouble (locked, full...); None
    for any other failure, or once a socket's handshake is done (no HTTP answer can follow)."""
    found = trouble_of(exc)
    if found is None or _upgraded(request):
        return None
    log.warning("%s %s met store trouble (%s): %s", request.method, request.path, found, exc)
    if health is not None:
        health.met(found)
    return trouble_response(found)

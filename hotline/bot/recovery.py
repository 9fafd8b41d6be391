"""Finishing what was stored but never processed, in the background while the server serves.

At start the worker finishes everything a previous run left (its own leases it takes back at
once); then, every `every` seconds, any message older than `stale` that is still unprocessed: one
a dead worker accepted, or one whose background turn failed. A live worker's turn holds the
conversation's lease, so the sweep waits for it and then finds the turn done.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Container
from datetime import timedelta

from hotline.bot.engine import Deliver, Engine
from hotline.clock import utc_now

log = logging.getLogger(__name__)

Busy = Callable[[], Container[tuple[str, str]]]  # (channel, message id) being processed here


async def recover_forever(
    engine: Engine, busy: Busy, every: float, stale: float, deliver: Deliver | None = None
) -> None:
    """Finish the last run's messages now, then sweep stale ones; until cancelled. `deliver`
    hands the replies to their channels."""
    before = None  # the first pass: everything stored so far
    while True:
        try:
            finished = await engine.recover(before, busy(), deliver)
        except Exception:  # a busy or locked store: try again at the next sweep
            log.exception("recovering unprocessed messages failed; trying again")
        else:
            if finished:
                log.info("finished %d messages stored but left unprocessed", finished)
        await asyncio.sleep(every)
        before = utc_now() - timedelta(seconds=stale)

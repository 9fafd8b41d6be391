"""Rasa under load: a parse cache, one request per text in flight, bounded concurrency.

`RasaPool` stands in front of one or more Rasa servers (`RasaClient`s, taken in turn):

- a bounded LRU cache of Rasa's answers keyed on the normalised text (`normalize`, the same
  folding Rasa's `FoldingTokenizer` applies, so equal keys are equal inputs for the model). Only
  usable parses are kept; loading a model, or a different `model_file` in `/status`, empties it;
- identical texts parsed at the same time share one request (coalescing);
- at most `concurrency` requests in flight towards Rasa; the texts that queue meanwhile leave
  together, up to `max_batch` in one request (Rasa runs its model graph once for all of them,
  rasa_batch.py); a parse that waits longer than `queue_seconds` for a slot raises `RasaBusy`,
  which the FallbackNLU counts and logs.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotline.bot.nlu.metrics import RASA_IN_FLIGHT, RASA_PARSE_CACHE, RASA_WAITING
from hotline.bot.nlu.normalize import normalize
from hotline.bot.nlu.rasa_client import (
    RasaClient,
    RasaError,
    RasaParseResult,
    check_usable,
    serving,
)
from hotline.lru import Lru

log = logging.getLogger(__name__)

Body = dict[str, Any]


@dataclass(eq=False)
class _Waiting:
    """A text queued for Rasa, its caller's future, and the timer of its queue deadline."""

    text: str
    future: asyncio.Future[Body]
    timer: asyncio.TimerHandle = field(init=False)


class RasaBusy(RasaError):
    """No slot towards Rasa within the parse's queue budget: Rasa is busy, not broken."""

    def __init__(self, seconds: float) -> None:
        super().__init__("queue_timeout", f"no free slot towards Rasa within {seconds:.2f} s")


class RasaPool:
    """Parses through Rasa with a cache, coalescing and a bounded queue; one or more servers."""

    name = "rasa"

    def __init__(
        self,
        clients: Sequence[RasaClient],
        *,
        concurrency: int = 4,
        queue_seconds: float = 1.0,
        cache_size: int = 10_000,
        max_batch: int = 16,
        key: Callable[[str], str] = normalize,
    ) -> None:
        if not clients:
            raise ValueError("a RasaPool needs at least one Rasa server")
        self.clients = tuple(clients)
        self.concurrency = concurrency
        self.queue_seconds = queue_seconds
        # Rasa's usable answers by normalised text; None: no cache (`plain`)
        self.cache: Lru[str, Body] | None = Lru(cache_size) if cache_size > 0 else None
        self._key = key
        self.max_batch = max_batch
        self._queue: deque[_Waiting] = deque()
        self._busy = 0  # requests (single texts or batches) in flight
        self._batching = True  # until a server answers 404 to a batch
        self._sending: set[asyncio.Task[None]] = set()
        self._turn = itertools.cycle(self.clients)
        self._in_flight: dict[str, asyncio.Task[Body]] = {}
        self._model: str | None = None
        self.requests = 0  # requests sent to Rasa (for tests and benchmarks)

    @property
    def url(self) -> str:
        return ",".join(client.url for client in self.clients)

    def cached(self, text: str) -> RasaParseResult | None:
        """The parse from the cache, without asking Rasa; None on a miss."""
        return self._recalled(self._key(text), text)

    def _recalled(self, key: str, text: str) -> RasaParseResult | None:
        body = self.cache.recall(key) if key and self.cache is not None else None
        if body is None:
            return None
        RASA_PARSE_CACHE.labels(result="hit").inc()
        return self.clients[0].result(text, body)

    async def parse(self, text: str) -> RasaParseResult:
        """The cached parse, else Rasa's (shared with identical texts in flight); RasaError."""
        key = self._key(text)  # normalised once: the cache's key and the in-flight one
        hit = self._recalled(key, text)
        if hit is not None:
            return hit
        if not key:  # "???": nothing to share or keep; Rasa sees the raw tokens
            RASA_PARSE_CACHE.labels(result="miss").inc()
            return self.clients[0].result(text, await self._request(text))
        task = self._in_flight.get(key)
        if task is None:
            RASA_PARSE_CACHE.labels(result="miss").inc()
            task = asyncio.create_task(self._fetch(key, text), name="rasa-parse")
            self._in_flight[key] = task
            task.add_done_callback(lambda done: self._landed(key, done))
        else:
            RASA_PARSE_CACHE.labels(result="shared").inc()
        # shield: a caller that gives up (its request cancelled) leaves the parse to the others
        return self.clients[0].result(text, await asyncio.shield(task))

    def _landed(self, key: str, task: asyncio.Task[Body]) -> None:
        self._in_flight.pop(key, None)
        if not task.cancelled():
            # Read its failure: when every caller gave up, nobody awaits the task (the shield
            # drops its callback once its caller is cancelled) and asyncio would log the
            # failure as never retrieved. Callers that await still get it.
            task.exception()

    async def _fetch(self, key: str, text: str) -> Body:
        generation = self._model
        body = await self._request(text)
        check_usable(body)  # raises RasaError when unusable: never cached
        if self.cache is not None and generation == self._model:  # no model change meanwhile
            self.cache.put(key, body)
        return body

    async def _request(self, text: str) -> Body:
        """Rasa's parse of `text`: queued until a slot is free, then sent with the texts that
        queued meanwhile as one batch; RasaBusy when no slot frees within `queue_seconds`."""
        loop = asyncio.get_running_loop()
        waiting = _Waiting(text, loop.create_future())
        waiting.timer = loop.call_later(self.queue_seconds, self._expire, waiting)
        self._queue.append(waiting)
        RASA_WAITING.inc()
        self._dispatch()
        return await waiting.future

    def _expire(self, waiting: _Waiting) -> None:
        if waiting in self._queue:
            self._queue.remove(waiting)
            RASA_WAITING.dec()
        if not waiting.future.done():
            waiting.future.set_exception(RasaBusy(self.queue_seconds))

    def _dispatch(self) -> None:
        """Fill the free slots, each with up to `max_batch` queued texts."""
        while self._queue and self._busy < self.concurrency:
            batch: list[_Waiting] = []
            size = self.max_batch if self._batching else 1
            while self._queue and len(batch) < size:
                waiting = self._queue.popleft()
                RASA_WAITING.dec()
                waiting.timer.cancel()
                if not waiting.future.done():  # a caller that gave up is not sent
                    batch.append(waiting)
            if batch:
                self._busy += 1
                task = asyncio.create_task(self._send(batch), name="rasa-batch")
                self._sending.add(task)
                task.add_done_callback(self._sending.discard)

    async def _send(self, batch: list[_Waiting]) -> None:
        RASA_IN_FLIGHT.inc()
        try:
            bodies = await self._parse_many(next(self._turn), [w.text for w in batch])
        except RasaError as exc:
            for waiting in batch:
                if not waiting.future.done():
                    waiting.future.set_exception(exc)
        else:
            for waiting, body in zip(batch, bodies, strict=True):
                if not waiting.future.done():
                    waiting.future.set_result(body)
        finally:
            RASA_IN_FLIGHT.dec()
            self._busy -= 1
            self._dispatch()

    async def _parse_many(self, client: RasaClient, texts: list[str]) -> list[Body]:
        self.requests += 1
        if len(texts) == 1:
            return [await client.parse_body(texts[0])]
        try:
            return await client.parse_batch(texts)
        except RasaError as exc:
            if exc.reason != "http_404":
                raise
        # A Rasa without our batch channel (e.g. the official image): one text per request.
        log.info("Rasa at %s parses no batches; sending one text per request", client.url)
        self._batching = False
        return list(await asyncio.gather(*(client.parse_body(text) for text in texts)))

    def forget(self) -> None:
        """Empty the cache (a new model, or Rasa back after an outage with maybe another)."""
        if self.cache is not None:
            self.cache.clear()

    async def load_model(self, model_file: Path | str, seconds: float = 120.0) -> None:
        """PUT /model on every server; the cache is emptied once the new model answers."""
        try:
            for client in self.clients:
                await client.load_model(model_file, seconds)
        finally:
            self._model = str(model_file)
            self.forget()

    async def status(self) -> dict[str, Any]:
        """The first server's /status; a model file other than the last seen empties the cache."""
        status = await self.clients[0].status()
        model = str(status.get("model_file"))
        if self._model is not None and model != self._model:
            self.forget()
        self._model = model
        return status

    async def is_ready(self) -> bool:
        return await serving(self.status)


def plain(client: RasaClient) -> RasaPool:
    """A pool that behaves like the bare client: no cache, no practical bound, one server."""
    return RasaPool([client], concurrency=10_000, queue_seconds=3600.0, cache_size=0)

"""Rasa under load: a parse cache, one request per text in flight, bounded concurrency.

`RasaPool` stands in front of one or more Rasa servers (`RasaClient`s, taken in turn):

- a bounded LRU cache of Rasa's answers keyed on the normalised text (`normalize`, the same
  folding Rasa's `FoldingTokenizer` applies, so equal keys are equal inputs for the model). Only
  usable parses are kept; loading a model, or a different `model_file` in `/status`, empties it;
- identical texts parsed at the same time share one request (coalescing);
- at most `concurrency` requests in flight towards Rasa; a parse that waits longer than
  `queue_seconds` for a slot raises `RasaBusy`, which the FallbackNLU counts and logs.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from hotline.bot.nlu.metrics import RASA_IN_FLIGHT, RASA_PARSE_CACHE, RASA_WAITING
from hotline.bot.nlu.normalize import normalize
from hotline.bot.nlu.rasa_client import RasaClient, RasaError, RasaParseResult

Body = dict[str, Any]


class RasaBusy(RasaError):
    """No slot towards Rasa within the parse's queue budget: Rasa is busy, not broken."""

    def __init__(self, seconds: float) -> None:
        super().__init__("queue_timeout", f"no free slot towards Rasa within {seconds:.2f} s")


class ParseCache:
    """Rasa's parse answers by normalised text, least recently used dropped past `size`."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._bodies: OrderedDict[str, Body] = OrderedDict()

    def __len__(self) -> int:
        return len(self._bodies)

    def get(self, key: str) -> Body | None:
        body = self._bodies.get(key)
        if body is not None:
            self._bodies.move_to_end(key)
        return body

    def put(self, key: str, body: Body) -> None:
        if self.size <= 0:
            return
        self._bodies[key] = body
        self._bodies.move_to_end(key)
        while len(self._bodies) > self.size:
            self._bodies.popitem(last=False)

    def clear(self) -> None:
        self._bodies.clear()


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
        key: Callable[[str], str] = normalize,
    ) -> None:
        if not clients:
            raise ValueError("a RasaPool needs at least one Rasa server")
        self.clients = tuple(clients)
        self.concurrency = concurrency
        self.queue_seconds = queue_seconds
        self.cache = ParseCache(cache_size)
        self._key = key
        self._slots = asyncio.Semaphore(concurrency)
        self._turn = itertools.cycle(self.clients)
        self._in_flight: dict[str, asyncio.Task[Body]] = {}
        self._model: str | None = None
        self.requests = 0  # requests sent to Rasa (for tests and benchmarks)

    @property
    def url(self) -> str:
        return ",".join(client.url for client in self.clients)

    def cached(self, text: str) -> RasaParseResult | None:
        """The parse from the cache, without asking Rasa; None on a miss."""
        key = self._key(text)
        body = self.cache.get(key) if key else None
        if body is None:
            return None
        RASA_PARSE_CACHE.labels(result="hit").inc()
        return self.clients[0].result(text, body)

    async def parse(self, text: str) -> RasaParseResult:
        """The cached parse, else Rasa's (shared with identical texts in flight); RasaError."""
        hit = self.cached(text)
        if hit is not None:
            return hit
        key = self._key(text)
        if not key:  # "???": nothing to share or keep; Rasa sees the raw tokens
            RASA_PARSE_CACHE.labels(result="miss").inc()
            return self.clients[0].result(text, await self._request(text))
        task = self._in_flight.get(key)
        if task is None:
            RASA_PARSE_CACHE.labels(result="miss").inc()
            task = asyncio.create_task(self._fetch(key, text), name="rasa-parse")
            self._in_flight[key] = task
            task.add_done_callback(lambda _: self._in_flight.pop(key, None))
        else:
            RASA_PARSE_CACHE.labels(result="shared").inc()
        # shield: a caller that gives up (its request cancelled) leaves the parse to the others
        return self.clients[0].result(text, await asyncio.shield(task))

    async def _fetch(self, key: str, text: str) -> Body:
        generation = self._model
        body = await self._request(text)
        self.clients[0].result(text, body)  # raises RasaError when unusable: never cached
        if generation == self._model:  # no model change while the request was out
            self.cache.put(key, body)
        return body

    async def _request(self, text: str) -> Body:
        RASA_WAITING.inc()
        try:
            async with asyncio.timeout(self.queue_seconds):
                await self._slots.acquire()
        except TimeoutError:
            raise RasaBusy(self.queue_seconds) from None
        finally:
            RASA_WAITING.dec()
        RASA_IN_FLIGHT.inc()
        try:
            self.requests += 1
            return await next(self._turn).parse_body(text)
        finally:
            RASA_IN_FLIGHT.dec()
            self._slots.release()

    def forget(self) -> None:
        """Empty the cache (a new model, or Rasa back after an outage with maybe another)."""
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
        try:
            status = await self.status()
        except RasaError:
            return False
        return bool(status.get("model_file"))


def plain(client: RasaClient) -> RasaPool:
    """A pool that behaves like the bare client: no cache, no practical bound, one server."""
    return RasaPool([client], concurrency=10_000, queue_seconds=3600.0, cache_size=0)

"""Rasa first, the local NLU when Rasa is slow, down or wrong; a circuit breaker in between.

A dead Rasa would cost every citizen the full timeout. After `failures_to_open` failures in a row
the breaker opens and the local NLU answers at once; after `reset_after` seconds one parse is let
through to Rasa as a probe (half-open): success closes the breaker, failure opens it again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Literal

from hotline.bot.nlu.base import NLU, ParseResult
from hotline.bot.nlu.metrics import NLU_CIRCUIT, NLU_FALLBACKS, NLU_PARSE_SECONDS, NLU_PARSES
from hotline.bot.nlu.payloads import PayloadError, parse_payload
from hotline.bot.nlu.rasa_client import RasaClient, RasaError
from hotline.bot.nlu.rules import rule_parse

log = logging.getLogger(__name__)

State = Literal["closed", "open", "half_open"]


class CircuitBreaker:
    """Counts consecutive failures of one dependency and decides whether to try it."""

    def __init__(
        self,
        failures_to_open: int = 3,
        reset_after: float = 15.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures_to_open = failures_to_open
        self.reset_after = reset_after
        self._clock = clock
        self._failures = 0
        self._opened_at = 0.0
        self._state: State = "closed"
        self._probing = False

    @property
    def state(self) -> State:
        if self._state == "open" and self._clock() - self._opened_at >= self.reset_after:
            self._move("half_open")
        return self._state

    def allow(self) -> bool:
        """May a call go through now? In half-open only one probe at a time may."""
        state = self.state
        if state == "closed":
            return True
        if state == "half_open" and not self._probing:
            self._probing = True
            return True
        return False

    def record_success(self) -> None:
        self._failures = 0
        self._probing = False
        if self._state != "closed":
            self._move("closed")

    def record_failure(self) -> None:
        self._failures += 1
        self._probing = False
        if self._state == "half_open" or self._failures >= self.failures_to_open:
            self._opened_at = self._clock()
            if self._state != "open":
                self._move("open")

    def _move(self, state: State) -> None:
        self._state = state
        NLU_CIRCUIT.labels(state=state).inc()


class FallbackNLU:
    """The NLU the bot talks to: Rasa when it answers, the local NLU otherwise."""

    def __init__(self, rasa: RasaClient, local: NLU, breaker: CircuitBreaker | None = None) -> None:
        self.rasa = rasa
        self.local = local
        self.breaker = breaker or CircuitBreaker()
        # Rasa is asked first while the breaker is closed; the first failure (a managed server
        # takes ~20 s to start) names the local NLU until Rasa answers again. Readiness reads
        # this and the breaker, never a call of its own.
        self._answering = rasa.name

    @property
    def name(self) -> str:
        """The back end that answered last: "rasa", or the local NLU's name while Rasa is out."""
        if self.breaker.state != "closed":
            return self.local.name
        return self._answering

    async def parse(self, text: str) -> ParseResult:
        started = time.perf_counter()
        try:
            # A button names its intent; Rasa would echo "/anything" as an intent of that name,
            # which is no failure of Rasa's and must not count towards opening the breaker.
            ruled = parse_payload(text) or rule_parse(text)
        except PayloadError:
            ruled = None
        if ruled is not None:  # a button, a bare code, "ok", "phản ánh": no model needed
            return ruled
        if self.breaker.allow():
            try:
                result: ParseResult = await self.rasa.parse(text)
            except RasaError as exc:
                self._failed(exc.reason, str(exc))
            else:
                self._succeeded()
                self._count(self.rasa.name, started)
                return result
        else:
            NLU_FALLBACKS.labels(reason="circuit_open").inc()
        self._answering = self.local.name
        result = await self.local.parse(text)
        self._count(self.local.name, started)
        return result

    async def is_ready(self) -> bool:
        """Ready when the local NLU is: it answers whenever Rasa cannot. Rasa's own state is the
        breaker's (`rasa_state`), learnt from real parses; a probe here would neither see a model
        that answers without intents nor spare a dead Rasa its timeout."""
        return await self.local.is_ready()

    @property
    def rasa_state(self) -> str:
        """The breaker's view of Rasa: "closed" (answering), "open" or "half_open"."""
        return self.breaker.state

    def _failed(self, reason: str, detail: str) -> None:
        was = self.breaker.state
        self.breaker.record_failure()
        NLU_FALLBACKS.labels(reason=reason).inc()
        if self.breaker.state == "open" and was != "open":
            log.warning(
                "Rasa at %s unavailable (%s); %s NLU answers, next probe in %.0f s",
                self.rasa.url,
                detail,
                self.local.name,
                self.breaker.reset_after,
            )
        else:
            log.info("Rasa parse failed (%s); %s NLU answered", detail, self.local.name)

    def _succeeded(self) -> None:
        if self.breaker.state != "closed":
            log.warning("Rasa at %s answers again; switching back to Rasa", self.rasa.url)
        self.breaker.record_success()
        self._answering = self.rasa.name

    @staticmethod
    def _count(backend: str, started: float) -> None:
        NLU_PARSES.labels(backend=backend).inc()
        NLU_PARSE_SECONDS.labels(backend=backend).observe(time.perf_counter() - started)

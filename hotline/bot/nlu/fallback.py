"""Rasa first, the local NLU when Rasa is slow, down or wrong; a circuit breaker in between.

A dead Rasa would cost every citizen the full timeout. After `failures_to_open` failures in a row
the breaker opens and the local NLU answers at once; after `reset_after` seconds one parse is let
through to Rasa as a probe (half-open): success closes the breaker, failure opens it again.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Literal, Protocol, cast, runtime_checkable

from hotline.bot.nlu.base import NLU, ParseResult
from hotline.bot.nlu.combination import combine
from hotline.bot.nlu.metrics import NLU_CIRCUIT, NLU_FALLBACKS, NLU_PARSE_SECONDS, NLU_PARSES
from hotline.bot.nlu.payloads import PayloadError, parse_payload
from hotline.bot.nlu.rasa_client import RasaClient, RasaError
from hotline.bot.nlu.rasa_pool import RasaBusy, RasaPool, plain
from hotline.bot.nlu.rules import overlaid, rule_parse

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

    def release_probe(self) -> None:
        """A half-open probe that told nothing (no slot free, turn cancelled): the next may go."""
        self._probing = False

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


class FallbackLog:
    """Every fallback is counted (`hotline_nlu_fallbacks_total`) and logged at warning level,
    at most once per `every` seconds: the first at once, later ones summed by reason."""

    def __init__(self, every: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self._clock = clock
        self._last: float | None = None
        self._pending: Counter[str] = Counter()
        self.lines = 0  # warnings written (for tests)

    def note(self, reason: str, detail: str, where: str) -> None:
        NLU_FALLBACKS.labels(reason=reason).inc()
        self._pending[reason] += 1
        now = self._clock()
        if self._last is not None and now - self._last < self.every:
            return
        since = "" if self._last is None else f" in the last {now - self._last:.0f} s"
        reasons = ", ".join(f"{name} {n}" for name, n in sorted(self._pending.items()))
        log.warning(
            "NLU fallback: the local NLU answered %d parses%s instead of Rasa at %s (%s); last: %s",
            sum(self._pending.values()),
            since,
            where,
            reasons,
            detail,
        )
        self._last = now
        self._pending.clear()
        self.lines += 1


@runtime_checkable
class Classifying(NLU, Protocol):
    """An NLU that also gives its model's parse before the rule overlays (`LocalNLU`)."""

    async def classify(self, text: str) -> ParseResult: ...


class FallbackNLU:
    """The NLU the bot talks to: Rasa when it answers, the local NLU otherwise. Rasa's intent
    is combined with the local NLU's (`combination.combine`)."""

    def __init__(
        self,
        rasa: RasaPool | RasaClient,
        local: NLU,
        breaker: CircuitBreaker | None = None,
        fallback_log: FallbackLog | None = None,
    ) -> None:
        self.rasa = rasa if isinstance(rasa, RasaPool) else plain(rasa)
        self.local = local
        # Asked once: a check against a runtime Protocol walks its attributes every time.
        self._classifying = isinstance(local, Classifying)
        self.breaker = breaker or CircuitBreaker()
        self.fallback_log = fallback_log or FallbackLog()
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
        # The local parse is needed either way: for the combination with Rasa's, or as the
        # answer when Rasa cannot give one. It is made first; the local NLU never yields. The
        # rule overlays go once on what the bot acts on: the combination, or the local parse.
        local = await self._classify(text)
        cached = self.rasa.cached(text)  # Rasa's answer for this model, even while it is out
        if cached is not None:
            self._count(self.rasa.name, started)
            return overlaid(combine(cached, local))
        if self.breaker.allow():
            try:
                result: ParseResult = await self.rasa.parse(text)
            except RasaBusy as exc:  # overloaded, not broken: the breaker stays as it is
                self.breaker.release_probe()
                self.fallback_log.note(exc.reason, str(exc), self.rasa.url)
            except RasaError as exc:
                self._failed(exc.reason, str(exc))
            except BaseException:  # the turn cancelled while Rasa parses: the probe told nothing
                self.breaker.release_probe()
                raise
            else:
                self._succeeded()
                self._count(self.rasa.name, started)
                return overlaid(combine(result, local))
        else:
            self.fallback_log.note("circuit_open", "the circuit is open", self.rasa.url)
        self._answering = self.local.name
        self._count(self.local.name, started)
        # Alone, the local NLU's own parse, overlays and all (kept in its memo).
        return await self.local.parse(text) if self._classifying else local

    async def _classify(self, text: str) -> ParseResult:
        """The local parse to combine: before the overlays when the local NLU can give it so."""
        if self._classifying:
            return await cast(Classifying, self.local).classify(text)
        return await self.local.parse(text)

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
        self.fallback_log.note(reason, detail, self.rasa.url)
        if self.breaker.state == "open" and was != "open":
            log.warning(
                "Rasa at %s unavailable (%s); %s NLU answers, next probe in %.0f s",
                self.rasa.url,
                detail,
                self.local.name,
                self.breaker.reset_after,
            )

    def _succeeded(self) -> None:
        if self.breaker.state != "closed":
            log.warning("Rasa at %s answers again; switching back to Rasa", self.rasa.url)
            self.rasa.forget()  # a restarted Rasa may serve another model
        self.breaker.record_success()
        self._answering = self.rasa.name

    @staticmethod
    def _count(backend: str, started: float) -> None:
        NLU_PARSES.labels(backend=backend).inc()
        NLU_PARSE_SECONDS.labels(backend=backend).observe(time.perf_counter() - started)

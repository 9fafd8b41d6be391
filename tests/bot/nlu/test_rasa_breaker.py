"""The circuit breaker between the bot and Rasa, on a clock the test moves."""

from __future__ import annotations

from hotline.bot.nlu.fallback import CircuitBreaker
from hotline.bot.nlu.metrics import NLU_CIRCUIT


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def transitions(state: str) -> float:
    return NLU_CIRCUIT.labels(state=state)._value.get()


def test_opens_after_consecutive_failures_only() -> None:
    breaker = CircuitBreaker(failures_to_open=3, reset_after=10, clock=Clock())
    breaker.record_failure()
    breaker.record_failure()
    breaker.record_success()  # a success in between resets the count
    breaker.record_failure()
    breaker.record_failure()
    assert breaker.state == "closed" and breaker.allow()
    opened = transitions("open")
    breaker.record_failure()
    assert breaker.state == "open"
    assert not breaker.allow()
    assert transitions("open") == opened + 1


def test_half_open_lets_one_probe_through_after_the_pause() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failures_to_open=1, reset_after=10, clock=clock)
    breaker.record_failure()
    clock.now += 9.9
    assert not breaker.allow()
    clock.now += 0.2
    assert breaker.state == "half_open"
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # others keep going to the local NLU meanwhile
    breaker.record_success()
    assert breaker.state == "closed"
    assert breaker.allow() and breaker.allow()


def test_failed_probe_opens_again_for_a_full_pause() -> None:
    clock = Clock()
    breaker = CircuitBreaker(failures_to_open=3, reset_after=10, clock=clock)
    for _ in range(3):
        breaker.record_failure()
    clock.now += 10
    assert breaker.allow()
    breaker.record_failure()  # one failed probe is enough, not three
    assert breaker.state == "open"
    clock.now += 9
    assert not breaker.allow()
    clock.now += 1
    assert breaker.allow()

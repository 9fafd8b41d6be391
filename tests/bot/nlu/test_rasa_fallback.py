"""FallbackNLU with the real local NLU and a fake Rasa that misbehaves on demand."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest

from hotline.bot.nlu.fallback import CircuitBreaker, FallbackNLU
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.metrics import NLU_FALLBACKS, NLU_PARSES
from hotline.bot.nlu.rasa_client import RasaClient, RasaParseResult
from tests.support.rasa import FAKE_TOKEN, FakeRasa, fake_rasa

Fake = tuple[FakeRasa, str]


def count(metric: object, **labels: str) -> float:
    return metric.labels(**labels)._value.get()  # type: ignore[attr-defined]


# Greetings that say more than hello, so that the models, not the greeting rule, parse them.
NEWCOMER = "chào bạn mình mới vào"
GREETING = "xin chào, tôi mới dùng lần đầu"


@pytest.fixture
def local_nlu(nlu_model_dir: Path) -> LocalNLU:
    return LocalNLU.load(nlu_model_dir)


async def test_rasa_answers_while_it_is_healthy(fake_rasa: Fake, local_nlu: LocalNLU) -> None:
    fake, url = fake_rasa
    # A greeting that says more than hello: a bare one is settled by a rule, never by Rasa.
    fake.intents[NEWCOMER] = ("greet", None)
    before = count(NLU_PARSES, backend="rasa")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu)
        result = await nlu.parse(NEWCOMER)
        assert await nlu.is_ready()
    assert isinstance(result, RasaParseResult) and result.intent.name == "greet"
    assert nlu.name == "rasa"
    assert count(NLU_PARSES, backend="rasa") == before + 1


async def test_slow_rasa_times_out_and_local_answers(fake_rasa: Fake, local_nlu: LocalNLU) -> None:
    fake, url = fake_rasa
    fake.mode, fake.delay = "slow", 2.0
    timeouts = count(NLU_FALLBACKS, reason="timeout")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN, timeout=0.3), local_nlu)
        result = await nlu.parse("cảm ơn tổng đài nhiều lắm luôn")
    # Rasa would have answered after 2 s: the local answer is the timeout's (no clock read here,
    # which a busy machine would make flaky).
    assert not isinstance(result, RasaParseResult)
    assert result.intent.name == "thank"
    assert count(NLU_FALLBACKS, reason="timeout") == timeouts + 1
    assert nlu.breaker.state == "closed"  # one slow answer does not open the breaker


async def test_failing_rasa_opens_the_breaker_then_a_probe_closes_it(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.mode = "error"
    fake.intents[GREETING] = ("greet", None)
    breaker = CircuitBreaker(failures_to_open=2, reset_after=0.2)
    errors = count(NLU_FALLBACKS, reason="http_500")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu, breaker)
        for _ in range(4):
            assert (await nlu.parse(GREETING)).intent.name == "greet"
        assert nlu.name == "local"
        assert count(NLU_FALLBACKS, reason="http_500") == errors + 2  # then it stopped asking
        fake.mode = "ok"
        await asyncio.sleep(0.25)
        probe = await nlu.parse(GREETING)
    assert isinstance(probe, RasaParseResult)
    assert nlu.name == "rasa" and breaker.state == "closed"
    assert fake.parses == 1


async def test_unreachable_rasa_leaves_the_local_nlu_ready_and_answering(
    local_nlu: LocalNLU,
) -> None:
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, "http://127.0.0.1:9", FAKE_TOKEN, timeout=0.5)
        nlu = FallbackNLU(client, local_nlu, CircuitBreaker(failures_to_open=1))
        assert await nlu.is_ready()
        assert (await nlu.parse(GREETING)).intent.name == "greet"
        assert await nlu.is_ready()
    assert nlu.name == "local" and nlu.rasa_state == "open"


async def test_a_parse_without_an_intent_is_a_failure_for_the_breaker(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    # The issue: a Rasa answering {"intent": {}} counted as healthy while reports stopped working.
    fake, url = fake_rasa
    fake.mode = "no_intent"
    breaker = CircuitBreaker(failures_to_open=3, reset_after=60)
    failures = count(NLU_FALLBACKS, reason="no_intent")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu, breaker)
        said = [await nlu.parse("quán karaoke đầu hẻm vẫn mở cửa đông người") for _ in range(4)]
    assert all(r.intent.name == "report_violation" for r in said)  # the local NLU answered
    assert not any(isinstance(r, RasaParseResult) for r in said)
    assert breaker.state == "open" and nlu.name == "local"
    assert count(NLU_FALLBACKS, reason="no_intent") == failures + 3
    assert fake.parses == 3  # the open breaker stopped asking


async def test_readiness_is_the_breakers_not_a_call_to_rasa(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.mode = "error"
    breaker = CircuitBreaker(failures_to_open=1, reset_after=60)
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu, breaker)
        assert await nlu.is_ready() and nlu.rasa_state == "closed"
        await nlu.parse(GREETING)
        assert await nlu.is_ready() and nlu.rasa_state == "open"
    assert fake.statuses == 0  # readiness never asked Rasa


async def test_bare_codes_acknowledgements_and_greetings_never_reach_rasa(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu)
        code = await nlu.parse("pa-lahc-hqxk")
        ok = await nlu.parse("👍")
        hello = await nlu.parse("alo tổng đài 1022")
    assert code.intent.name == "check_status" and code.entity("ticket_code") == "PA-LAHC-HQXK"
    assert ok.intent.name == "thank"
    assert hello.intent.name == "greet"
    assert fake.parses == 0


async def test_the_bot_acts_on_both_intents_and_keeps_rasas_faq_pick(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    text = "cảm ơn tổng đài nhiều lắm luôn"  # the local NLU is sure it is thanks
    fake.intents[text] = ("report_violation", "cach-ly-f0-bao-lau")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu)
        result = await nlu.parse(text)
    assert isinstance(result, RasaParseResult) and nlu.name == "rasa"
    assert result.intent.name == "thank"  # Rasa weighs 0.1 against the local NLU's 0.9
    assert result.faq is not None and result.faq.entry_id == "cach-ly-f0-bao-lau"


async def test_the_rule_overlays_go_once_on_the_parse_the_bot_acts_on(
    fake_rasa: Fake, local_nlu: LocalNLU, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: with Rasa, the danger net and the report opener read the combined parse only,
    not the local parse first and the combination again; without Rasa, the local parse once."""
    from hotline.bot.nlu import danger, report_openers

    looks: list[str] = []
    for module, name in ((danger, "in_danger"), (report_openers, "opens_report")):
        real = getattr(module, name)

        def counted(text: str, real: Callable[[str], bool] = real, name: str = name) -> bool:
            looks.append(name)
            return bool(real(text))

        monkeypatch.setattr(module, name, counted)
    fake, url = fake_rasa
    text = "cho mình phản ánh vụ quán cà phê đầu hẻm mở cửa cho khách ngồi"
    fake.intents[text] = ("ask_faq", None)
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu)
        parsed = await nlu.parse(text)
    assert sorted(looks) == ["in_danger", "opens_report"]
    assert parsed.intent.name == "report_violation"  # the opener still overlays the combination

    looks.clear()
    fake.mode = "error"
    alone = "cho mình phản ánh vụ tiệm tạp hóa bán giá gấp ba"
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, url, FAKE_TOKEN), local_nlu)
        parsed = await nlu.parse(alone)
    # The opener is read only when the model's intent leaves room for it; the net always.
    assert looks.count("in_danger") == 1 and looks.count("opens_report") <= 1
    assert parsed.intent.name == "report_violation"

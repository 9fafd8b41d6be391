"""RasaPool against the fake Rasa: cache, coalescing, bounded concurrency and its deadline."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
import gc
import logging
from pathlib import Path

import aiohttp
import pytest

from hotline.bot.nlu.base import ParseResult
from hotline.bot.nlu.fallback import CircuitBreaker, FallbackLog, FallbackNLU
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.metrics import NLU_FALLBACKS, RASA_PARSE_CACHE
from hotline.bot.nlu.rasa_client import RasaClient, RasaError, RasaParseResult
from hotline.bot.nlu.rasa_pool import RasaBusy, RasaPool
from tests.support.rasa import FAKE_TOKEN, FakeRasa, fake_rasa

Fake = tuple[FakeRasa, str]


def count(metric: object, **labels: str) -> float:
    return metric.labels(**labels)._value.get()  # type: ignore[attr-defined]


def pool_for(session: aiohttp.ClientSession, url: str, **options: float) -> RasaPool:
    return RasaPool([RasaClient(session, url, FAKE_TOKEN)], **options)  # type: ignore[arg-type]


async def test_a_normalised_equal_text_is_answered_from_the_cache(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.intents["Cách ly bao nhiêu ngày?"] = ("ask_faq", "cach-ly-f1")
    hits = count(RASA_PARSE_CACHE, result="hit")
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url)
        first = await pool.parse("Cách ly bao nhiêu ngày?")
        again = await pool.parse("  cach ly   bao nhieu ngay ")
    assert fake.parses == 1
    assert again.text == "  cach ly   bao nhieu ngay "  # the citizen's own text, not the key
    assert again.intent == first.intent and again.faq == first.faq
    assert again.faq is not None and again.faq.entry_id == "cach-ly-f1"
    assert count(RASA_PARSE_CACHE, result="hit") == hits + 1


async def test_a_new_model_empties_the_cache(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.intents["xin chào"] = ("greet", None)
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url)
        await pool.parse("xin chào")
        await pool.load_model("models/nlu-1111111111111111.tar.gz")
        await pool.parse("xin chào")
        assert fake.parses == 2 and fake.loads == ["models/nlu-1111111111111111.tar.gz"]
        await pool.parse("xin chào")
        assert fake.parses == 2
        # A model swapped behind our back (another process, a restart) shows in /status.
        fake.model_file = "models/nlu-2222222222222222.tar.gz"
        await pool.status()
        await pool.parse("xin chào")
    assert fake.parses == 3


@pytest.mark.parametrize("mode", ["error", "no_intent"])
async def test_failures_are_never_cached(fake_rasa: Fake, mode: str) -> None:
    fake, url = fake_rasa
    fake.intents["xin chào"] = ("greet", None)
    fake.mode = mode
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url)
        for _ in range(2):
            with pytest.raises(RasaError):
                await pool.parse("xin chào")
        fake.mode = "ok"
        answered = await pool.parse("xin chào")
    assert answered.intent.name == "greet"
    assert len(pool.cache) == 1
    assert pool.requests == 3  # both failures went to Rasa; only the good answer was kept


async def test_identical_texts_in_flight_share_one_request(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.intents["thẻ đi đường xin ở đâu"] = ("ask_faq", "the-di-duong")
    fake.mode, fake.delay = "slow", 0.3
    shared = count(RASA_PARSE_CACHE, result="shared")
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url)
        texts = ["thẻ đi đường xin ở đâu"] * 5 + ["THE DI DUONG XIN O DAU"] * 5
        results = await asyncio.gather(*(pool.parse(text) for text in texts))
    assert fake.parses == 1
    assert {r.faq.entry_id for r in results if r.faq} == {"the-di-duong"}
    assert [r.text for r in results] == texts
    assert count(RASA_PARSE_CACHE, result="shared") == shared + 9


async def test_requests_towards_rasa_never_exceed_the_bound(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.mode, fake.delay = "slow", 0.1
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url, concurrency=2, queue_seconds=10.0)
        texts = [f"câu hỏi số {n}" for n in range(12)]
        results = await asyncio.gather(*(pool.parse(text) for text in texts))
    assert [r.text for r in results] == texts
    assert fake.parses == 12
    assert fake.max_in_flight == 2


async def test_texts_queued_while_rasa_is_busy_leave_as_one_batch(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.mode, fake.delay = "slow", 0.2
    for n in range(10):
        fake.intents[f"câu hỏi số {n}"] = ("ask_faq", f"muc-{n}")
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url, concurrency=1, queue_seconds=10.0)
        texts = [f"câu hỏi số {n}" for n in range(10)]
        results = await asyncio.gather(*(pool.parse(text) for text in texts))
    assert [r.faq.entry_id for r in results if r.faq] == [f"muc-{n}" for n in range(10)]
    assert fake.batches == [9]  # the first text went alone; the nine that waited, together
    assert pool.requests == 2 and fake.max_in_flight == 1


async def test_a_rasa_without_the_batch_channel_parses_one_text_per_request(
    fake_rasa: Fake,
) -> None:
    fake, url = fake_rasa
    fake.batch = False  # the official rasa/rasa image: 404
    fake.mode, fake.delay = "slow", 0.1
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url, concurrency=1, queue_seconds=10.0)
        texts = [f"câu hỏi số {n}" for n in range(6)]
        results = await asyncio.gather(*(pool.parse(text) for text in texts))
    assert [r.text for r in results] == texts
    assert fake.parses == 6 and fake.batches == []


async def test_a_parse_past_its_queue_deadline_raises_busy(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.mode, fake.delay = "slow", 0.5
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url, concurrency=1, queue_seconds=0.05)
        outcomes = await asyncio.gather(
            pool.parse("câu một"), pool.parse("câu hai"), return_exceptions=True
        )
    assert isinstance(outcomes[0], RasaParseResult)
    assert isinstance(outcomes[1], RasaBusy) and outcomes[1].reason == "queue_timeout"
    assert fake.parses == 1 and fake.max_in_flight == 1


@pytest.fixture
def local_nlu(nlu_model_dir: Path) -> LocalNLU:
    return LocalNLU.load(nlu_model_dir)


async def test_the_fallback_counts_a_queue_timeout_and_keeps_the_breaker_closed(
    fake_rasa: Fake, local_nlu: LocalNLU, caplog: pytest.LogCaptureFixture
) -> None:
    fake, url = fake_rasa
    fake.mode, fake.delay = "slow", 0.5
    busy = count(NLU_FALLBACKS, reason="queue_timeout")
    breaker = CircuitBreaker(failures_to_open=1)
    async with aiohttp.ClientSession() as session:
        pool = pool_for(session, url, concurrency=1, queue_seconds=0.05)
        nlu = FallbackNLU(pool, local_nlu, breaker)
        with caplog.at_level(logging.WARNING, logger="hotline.bot.nlu.fallback"):
            rasa, local = await asyncio.gather(
                nlu.parse("quán karaoke vẫn mở cửa"), nlu.parse("cảm ơn tổng đài nhiều lắm luôn")
            )
    assert isinstance(rasa, RasaParseResult)
    assert not isinstance(local, RasaParseResult) and local.intent.name == "thank"
    assert count(NLU_FALLBACKS, reason="queue_timeout") == busy + 1
    assert breaker.state == "closed"  # busy is not broken
    assert "NLU fallback" in caplog.text and "queue_timeout 1" in caplog.text


async def test_a_cached_parse_answers_while_rasa_fails(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.intents["alo tổng đài tôi mới dùng lần đầu"] = ("greet", None)
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(pool_for(session, url), local_nlu)
        await nlu.parse("alo tổng đài tôi mới dùng lần đầu")
        fake.mode = "error"
        again = await nlu.parse("Alo tổng đài, tôi mới dùng lần đầu!")
    assert isinstance(again, RasaParseResult) and again.intent.name == "greet"
    assert fake.parses == 1 and nlu.breaker.state == "closed"


class LocalOnDemand:
    """The local NLU, made to raise on demand (a bug), noting whether Rasa had a text then."""

    name = "local"

    def __init__(self, local: LocalNLU, fake: FakeRasa) -> None:
        self.local, self.fake, self.fail = local, fake, False
        self.rasa_had_it: list[bool] = []

    async def parse(self, text: str) -> ParseResult:
        self.rasa_had_it.append(self.fake.received.is_set())
        if self.fail:
            raise RuntimeError("local parse failed")
        return await self.local.parse(text)

    async def is_ready(self) -> bool:
        return True


async def test_the_local_parse_is_made_before_rasa_is_asked(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.intents["cho hỏi cách ly mấy ngày"] = ("ask_faq", "cach-ly-f1")
    local = LocalOnDemand(local_nlu, fake)
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(pool_for(session, url), local)
        parsed = await nlu.parse("cho hỏi cách ly mấy ngày")
    assert local.rasa_had_it == [False] and fake.parses == 1
    assert isinstance(parsed, RasaParseResult) and parsed.faq is not None
    assert parsed.faq.entry_id == "cach-ly-f1"


async def test_a_local_parse_that_raises_takes_no_probe_and_asks_rasa_nothing(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.mode = "error"
    now = [0.0]
    breaker = CircuitBreaker(failures_to_open=1, reset_after=10.0, clock=lambda: now[0])
    local = LocalOnDemand(local_nlu, fake)
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(pool_for(session, url), local, breaker)
        await nlu.parse("quán karaoke vẫn mở cửa")
        assert breaker.state == "open"
        now[0] += 11.0  # half-open: one probe may go
        local.fail = True
        fake.received.clear()
        with pytest.raises(RuntimeError):
            await nlu.parse("quán karaoke vẫn mở cửa")
        assert not fake.received.is_set() and breaker.state == "half_open"
        fake.mode, local.fail = "ok", False
        probe = await nlu.parse("quán karaoke vẫn mở cửa")
    assert isinstance(probe, RasaParseResult) and breaker.state == "closed"


async def test_a_probe_cancelled_while_rasa_parses_lets_the_next_one_probe(
    fake_rasa: Fake, local_nlu: LocalNLU
) -> None:
    fake, url = fake_rasa
    fake.mode = "error"
    now = [0.0]
    breaker = CircuitBreaker(failures_to_open=1, reset_after=10.0, clock=lambda: now[0])
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(pool_for(session, url), local_nlu, breaker)
        await nlu.parse("quán karaoke vẫn mở cửa")
        now[0] += 11.0  # half-open: one probe may go
        fake.mode, fake.delay = "slow", 0.2
        fake.received.clear()
        probe = asyncio.create_task(nlu.parse("quán karaoke vẫn mở cửa"))
        async with asyncio.timeout(5):
            await fake.received.wait()
        probe.cancel()  # the turn gives up while Rasa parses
        with pytest.raises(asyncio.CancelledError):
            await probe
        await nlu.rasa.parse("quán karaoke vẫn mở cửa")  # its request, answered meanwhile
        again = await nlu.parse("cảm ơn tổng đài nhiều lắm luôn")
    assert isinstance(again, RasaParseResult) and breaker.state == "closed"


async def test_a_failure_whose_caller_gave_up_is_not_reported_as_never_retrieved(
    fake_rasa: Fake, caplog: pytest.LogCaptureFixture
) -> None:
    fake, url = fake_rasa
    fake.mode, fake.delay = "slow", 0.2
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        async with aiohttp.ClientSession() as session:
            pool = pool_for(session, url, concurrency=1)
            gave_up = asyncio.create_task(pool.parse("quán karaoke vẫn mở cửa"))
            async with asyncio.timeout(5):
                await fake.received.wait()
            fake.mode = "error"  # the request at Rasa fails once its delay is over
            gave_up.cancel()
            with pytest.raises(asyncio.CancelledError):
                await gave_up
            # One slot: this text leaves once the one nobody awaits has its answer.
            with pytest.raises(RasaError):
                await pool.parse("cảm ơn tổng đài nhiều lắm luôn")
        gc.collect()
    assert "never retrieved" not in caplog.text


def test_the_fallback_warning_is_rate_limited(caplog: pytest.LogCaptureFixture) -> None:
    now = [100.0]
    fallback_log = FallbackLog(every=10.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="hotline.bot.nlu.fallback"):
        for _ in range(5):
            fallback_log.note("timeout", "POST /model/parse after 2 s", "http://rasa")
        now[0] += 11
        fallback_log.note("queue_timeout", "no free slot", "http://rasa")
    assert fallback_log.lines == 2
    assert "answered 1 parses" in caplog.records[0].getMessage()
    assert "answered 5 parses in the last 11 s" in caplog.records[1].getMessage()
    assert "queue_timeout 1, timeout 4" in caplog.records[1].getMessage()

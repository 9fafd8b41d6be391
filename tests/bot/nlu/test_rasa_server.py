"""The bot's NLU against a real Rasa 3.6 server: answering, Rasa killed, Rasa back.

Skipped only outside CI when no Rasa environment exists (see tests/support/rasa.py).
"""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
import pytest

from hotline.bot.nlu import rasa_project, rasa_training
from hotline.bot.nlu.fallback import CircuitBreaker, FallbackNLU
from hotline.bot.nlu.local import LocalNLU
from hotline.bot.nlu.metrics import NLU_FALLBACKS, NLU_PARSES
from hotline.bot.nlu.rasa_client import RasaClient, RasaError, RasaParseResult
from hotline.bot.nlu.rasa_retrainer import seed_entries
from hotline.bot.nlu.rasa_server import RasaServer
from hotline.bot.nlu.rasa_training import TrainedModel
from tests.support.rasa import (
    own_rasa_server,
    rasa_env,
    rasa_model,
    rasa_server,
    rasa_work_dir,
    start_server,
)


def count(metric: object, **labels: str) -> float:
    return metric.labels(**labels)._value.get()  # type: ignore[attr-defined]


@pytest.fixture
def local_nlu(nlu_model_dir: Path) -> LocalNLU:
    return LocalNLU.load(nlu_model_dir)


async def test_bot_answers_through_rasa(rasa_server: RasaServer, local_nlu: LocalNLU) -> None:
    before = count(NLU_PARSES, backend="rasa")
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, rasa_server.url, rasa_server.token), local_nlu)
        question = await nlu.parse("F0 phải cách ly bao nhiêu ngày?")
        hello = await nlu.parse("chào bạn mình mới vào")  # a bare "chào" is a rule's
        report = await nlu.parse("quán karaoke ở Thuận An vẫn mở cửa đông người tụ tập")
        assert await nlu.is_ready()
    assert nlu.name == "rasa"
    assert isinstance(question, RasaParseResult)
    assert question.intent.name == "ask_faq"
    assert question.faq is not None and question.faq.entry_id == "cach-ly-f0-bao-lau"
    assert hello.intent.name == "greet"
    assert report.intent.name == "report_violation"
    assert report.entity("district") == "Thuận An"
    assert count(NLU_PARSES, backend="rasa") == before + 3


async def test_rasa_killed_mid_conversation_local_answers(
    own_rasa_server: RasaServer, local_nlu: LocalNLU
) -> None:
    breaker = CircuitBreaker(failures_to_open=2, reset_after=60)
    refused = count(NLU_FALLBACKS, reason="connection")
    skipped = count(NLU_FALLBACKS, reason="circuit_open")
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, own_rasa_server.url, own_rasa_server.token, timeout=2.0)
        nlu = FallbackNLU(client, local_nlu, breaker)
        first = await nlu.parse("cho mình hỏi giấy đi đường xin ở đâu")
        own_rasa_server.kill()
        replies = [
            await nlu.parse("tôi muốn nói chuyện với nhân viên"),
            await nlu.parse("ở đây có người tụ tập nhậu nhẹt đông lắm"),
        ]
        assert nlu.name == "local" and breaker.state == "open"
        skipped_reply = await nlu.parse("cảm ơn tổng đài nhiều lắm luôn")
    assert isinstance(first, RasaParseResult)
    assert [r.intent.name for r in replies] == ["request_human", "report_violation"]
    assert not any(isinstance(r, RasaParseResult) for r in replies)
    assert skipped_reply.intent.name == "thank"
    assert count(NLU_FALLBACKS, reason="connection") == refused + 2
    assert count(NLU_FALLBACKS, reason="circuit_open") == skipped + 1


async def test_rasa_back_is_used_again(
    own_rasa_server: RasaServer,
    local_nlu: LocalNLU,
    rasa_env: Path,
    rasa_model: TrainedModel,
    rasa_work_dir: Path,
) -> None:
    breaker = CircuitBreaker(failures_to_open=1, reset_after=0.5)
    port, token = own_rasa_server.port, own_rasa_server.token
    async with aiohttp.ClientSession() as session:
        nlu = FallbackNLU(RasaClient(session, own_rasa_server.url, token), local_nlu, breaker)
        own_rasa_server.kill()
        down = await nlu.parse("xin chào, tôi mới dùng lần đầu")
        assert breaker.state == "open"
        again = RasaServer(
            rasa_env, rasa_model.path, port=port, token=token, work_dir=rasa_work_dir
        )
        again.spawn()
        try:
            again.wait_ready()
            await asyncio.sleep(breaker.reset_after)
            assert breaker.state == "half_open"
            probe = await nlu.parse("F1 cách ly bao nhiêu ngày?")
            after = await nlu.parse("tạm biệt nhé")
        finally:
            again.terminate()
    assert not isinstance(down, RasaParseResult) and down.intent.name == "greet"
    assert isinstance(probe, RasaParseResult) and isinstance(after, RasaParseResult)
    assert probe.intent.name == "ask_faq" and probe.faq is not None
    assert after.intent.name == "goodbye"
    assert breaker.state == "closed" and nlu.name == "rasa"


async def test_a_batch_parse_answers_as_one_parse_per_text(rasa_server: RasaServer) -> None:
    texts = ["F0 phải cách ly bao nhiêu ngày?", "chào tổng đài", "???", "quán nhậu mở cửa"]
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, rasa_server.url, rasa_server.token, timeout=30.0)
        one_by_one = [await client.parse_body(text) for text in texts]
        together = await client.parse_batch(texts)
        with pytest.raises(RasaError) as refused:
            await RasaClient(session, rasa_server.url, "wrong").parse_batch(texts)
    assert [p["text"] for p in together] == texts
    assert [p["intent"] for p in together] == [p["intent"] for p in one_by_one]
    assert [p.get("response_selector") for p in together] == [
        p.get("response_selector") for p in one_by_one
    ]
    assert refused.value.reason == "http_401"


def test_a_token_beginning_with_a_dash_stays_one_argument(tmp_path: Path) -> None:
    server = RasaServer(tmp_path, tmp_path / "model.tar.gz", token="-Xq3", work_dir=tmp_path)
    command = server.command()
    assert "--auth-token=-Xq3" in command
    assert "-Xq3" not in command  # never a word of its own, which Rasa's argparse refuses


def test_a_server_that_fails_to_start_says_why(tmp_path: Path) -> None:
    # A stand-in for the Rasa environment whose `rasa` fails the way argparse does.
    (tmp_path / "bin").mkdir()
    rasa = tmp_path / "bin" / "rasa"
    rasa.write_text(
        "#!/bin/sh\necho starting\necho 'rasa run: error: argument --model: bad' >&2\nexit 2\n"
    )
    rasa.chmod(0o755)
    log = tmp_path / "server.log"
    log.write_text("an earlier start's output\n")
    server = RasaServer(tmp_path, tmp_path / "model.tar.gz", work_dir=tmp_path, log_file=log)
    server.spawn()
    with pytest.raises(RuntimeError) as failure:
        server.wait_ready(timeout=30)
    message = str(failure.value)
    assert "exited 2" in message
    assert "starting\nrasa run: error: argument --model: bad" in message
    assert "an earlier start" not in message


async def test_a_real_rasa_without_an_intent_classifier_opens_the_breaker(
    rasa_env: Path, rasa_work_dir: Path, local_nlu: LocalNLU
) -> None:
    # A model that answers `"intent": {"name": null}` (here: a pipeline with no intent
    # classifier, as a misconfigured deployment serves) is up and answering, yet useless: the
    # breaker must count each such parse as a failure and let the local NLU answer.
    pipeline = [*rasa_project.PIPELINE[:3], rasa_project.PIPELINE[4]]
    examples = rasa_training.training_examples(seed_entries()[:3])
    model = await rasa_training.train(
        examples, env=rasa_env, work_dir=rasa_work_dir / "no-intent", pipeline=pipeline
    )
    server = start_server(rasa_env, model.path, rasa_work_dir / "no-intent")
    breaker = CircuitBreaker(failures_to_open=2, reset_after=60)
    failures = count(NLU_FALLBACKS, reason="no_intent")
    try:
        async with aiohttp.ClientSession() as session:
            client = RasaClient(session, server.url, server.token, timeout=10.0)
            nlu = FallbackNLU(client, local_nlu, breaker)
            said = [await nlu.parse("quán karaoke ở Thuận An vẫn mở cửa") for _ in range(3)]
            assert await nlu.is_ready()
    finally:
        server.terminate()
    assert all(r.intent.name == "report_violation" for r in said)
    assert not any(isinstance(r, RasaParseResult) for r in said)
    assert breaker.state == "open" and nlu.name == "local"
    assert count(NLU_FALLBACKS, reason="no_intent") == failures + 2

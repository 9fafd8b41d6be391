"""The Rasa HTTP adapter against a small fake Rasa listening on a real port."""

# ruff: noqa: F401, F811  (pytest fixtures are imported from tests/support/rasa.py)

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from hotline.bot.nlu.rasa_client import FaqPick, RasaClient, RasaError, to_parse_result
from tests.support.rasa import FAKE_TOKEN, FakeRasa, fake_rasa

Fake = tuple[FakeRasa, str]


async def test_parse_maps_faq_to_ask_faq_and_keeps_the_entry(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    fake.intents["cach ly bao lau"] = ("faq", "cach-ly-f0-bao-lau")
    async with aiohttp.ClientSession() as session:
        result = await RasaClient(session, url, FAKE_TOKEN).parse("cach ly bao lau")
    assert result.intent.name == "ask_faq"
    # `faq` (0.9) and the general `ask_faq` (0.04) are one intent for the bot.
    assert result.intent.confidence == pytest.approx(0.94)
    assert result.faq == FaqPick("cach-ly-f0-bao-lau", 0.8)
    assert [i.name for i in result.intent_ranking] == ["ask_faq", "greet"]
    assert result.to_rasa()["response_selector"]["faq"]["response"]["intent_response_key"] == (
        "faq/cach-ly-f0-bao-lau"
    )


async def test_parse_adds_our_canonical_entities(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    text = "quán nhậu ở thu dau mot vẫn mở, sđt 0912 345 678"
    fake.intents[text] = ("report_violation", None)
    async with aiohttp.ClientSession() as session:
        result = await RasaClient(session, url, FAKE_TOKEN).parse(text)
    assert result.intent.name == "report_violation"
    assert result.faq is None
    assert result.entity("phone") == "0912345678"
    assert result.entity("district") == "Thủ Dầu Một"


async def test_wrong_token_is_an_error_not_an_answer(fake_rasa: Fake) -> None:
    _, url = fake_rasa
    async with aiohttp.ClientSession() as session:
        with pytest.raises(RasaError) as caught:
            await RasaClient(session, url, "wrong").parse("xin chào")
    assert caught.value.reason == "http_401"


async def test_server_error_and_timeout_are_rasa_errors(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, url, FAKE_TOKEN, timeout=0.2)
        fake.mode = "error"
        with pytest.raises(RasaError) as error:
            await client.parse("xin chào")
        fake.mode, fake.delay = "slow", 1.0
        with pytest.raises(RasaError) as slow:
            await client.parse("xin chào")
    assert error.value.reason == "http_500"
    assert slow.value.reason == "timeout"
    assert fake.parses == 0


async def test_connection_refused_is_a_rasa_error() -> None:
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, "http://127.0.0.1:9", FAKE_TOKEN, timeout=1.0)
        with pytest.raises(RasaError) as caught:
            await client.parse("xin chào")
        assert await client.is_ready() is False
    assert caught.value.reason == "connection"


async def test_load_model_and_status(fake_rasa: Fake) -> None:
    fake, url = fake_rasa
    async with aiohttp.ClientSession() as session:
        client = RasaClient(session, url, FAKE_TOKEN)
        await client.load_model(Path("/models/nlu-1234567890abcdef.tar.gz"))
        status = await client.status()
        assert await client.is_ready() is True
    assert fake.loads == ["/models/nlu-1234567890abcdef.tar.gz"]
    assert status["model_file"] == "/models/nlu-1234567890abcdef.tar.gz"


def test_unknown_rasa_intents_are_dropped_from_the_ranking() -> None:
    body = {
        "intent": {"name": "nlu_fallback", "confidence": 0.5},
        "intent_ranking": [
            {"name": "nlu_fallback", "confidence": 0.5},
            {"name": "greet", "confidence": 0.3},
        ],
    }
    result = to_parse_result("??", body)
    assert result.intent.name == "greet"
    assert [i.name for i in result.intent_ranking] == ["greet"]

"""Button payloads: "/intent" and '/intent{"entity": "value"}', as Rasa reads them."""

from __future__ import annotations

import pytest

from hotline.bot.nlu.base import INTENTS
from hotline.bot.nlu.payloads import PayloadError, is_payload, parse_payload, payload


def test_payload_without_entities() -> None:
    assert payload("request_human") == "/request_human"
    result = parse_payload("/request_human")
    assert result is not None
    assert (result.intent.name, result.intent.confidence) == ("request_human", 1.0)
    assert result.entities == ()
    assert next(i.name for i in result.intent_ranking) == "request_human"
    assert {i.name for i in result.intent_ranking} == set(INTENTS)


def test_payload_with_entities_round_trips() -> None:
    text = payload("check_status", ticket_code="PA-7K3Q-9X2M")
    assert text == '/check_status{"ticket_code":"PA-7K3Q-9X2M"}'
    result = parse_payload(text)
    assert result is not None
    assert result.intent.name == "check_status"
    assert result.entity("ticket_code") == "PA-7K3Q-9X2M"
    assert result.entities[0].extractor == "payload"
    assert (
        text[result.entities[0].start : result.entities[0].end] == '{"ticket_code":"PA-7K3Q-9X2M"}'
    )


def test_vietnamese_values_and_numbers() -> None:
    result = parse_payload(payload("inform", district="Thủ Dầu Một", faq_id=12))
    assert result is not None
    assert result.intent.name == "inform"  # dialog-only intents pass through
    assert (result.entity("district"), result.entity("faq_id")) == ("Thủ Dầu Một", "12")


def test_confidence_suffix_like_rasa() -> None:
    result = parse_payload("/ask_faq@0.5")
    assert result is not None
    assert result.intent.confidence == 0.5


@pytest.mark.parametrize("text", ["", "xin chào", "hỏi /greet", "/", "/ greet", "1/2"])
def test_plain_text_is_not_a_payload(text: str) -> None:
    assert not is_payload(text)
    assert parse_payload(text) is None


@pytest.mark.parametrize("text", ['/greet{"a": }', '/greet{"a": 1} {"b": 2}', "/greet{'a': 1}"])
def test_broken_entities_are_reported(text: str) -> None:
    assert is_payload(text)
    with pytest.raises(PayloadError):
        parse_payload(text)


def test_empty_entities() -> None:
    result = parse_payload("/greet{}")
    assert result is not None
    assert (result.intent.name, result.entities) == ("greet", ())

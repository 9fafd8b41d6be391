"""The in-process NLU as the bot calls it: intents, entities, payloads, Rasa's format."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline.bot.nlu.base import INTENTS, NLU
from hotline.bot.nlu.local import LocalNLU, ModelNotFoundError
from hotline.bot.nlu.payloads import payload


@pytest.fixture(scope="module")
def nlu(nlu_model_dir: Path) -> LocalNLU:
    return LocalNLU.load(nlu_model_dir)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="hotline nlu train"):
        LocalNLU.load(tmp_path / "nowhere")


async def test_is_an_nlu(nlu: LocalNLU) -> None:
    backend: NLU = nlu
    assert backend.name == "local"
    assert await backend.is_ready()
    assert (await backend.parse("xin chào")).intent.name == "greet"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # The three COVID questions the hotline must keep apart.
        ("F0 ở nhà bị khó thở", "emergency"),
        ("F0 điều trị tại nhà uống thuốc gì", "health_consult"),
        ("cách ly F0 mấy ngày", "ask_faq"),
        ("cach ly f0 may ngay vay ad", "ask_faq"),
        ("chào tổng đài", "greet"),
        ("cảm ơn nhiều nha", "thank"),
        ("quán karaoke ở Thuận An vẫn mở cửa đông người tụ tập", "report_violation"),
        ("nhà kế bên có người từ Sài Gòn về không khai báo", "report_contact"),
        ("nha toi het gao roi ko co tien", "request_support"),
        ("mẹ tôi spo2 còn 85 thở không nổi", "emergency"),
        ("cho gặp tổng đài viên", "request_human"),
        ("tra cứu mã phản ánh PA-7K3Q-9X2M", "check_status"),
        ("giá vàng hôm nay bao nhiêu", "out_of_scope"),
        ("tôi muốn góp ý về cách phát phiếu đi chợ", "feedback"),
    ],
)
def test_intents(nlu: LocalNLU, text: str, intent: str) -> None:
    assert nlu.parse_sync(text).intent.name == intent


def test_ranking_covers_every_intent_best_first(nlu: LocalNLU) -> None:
    result = nlu.parse_sync("tôi khó thở quá")
    confidences = [i.confidence for i in result.intent_ranking]
    assert {i.name for i in result.intent_ranking} == set(INTENTS)
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0, abs=1e-4)
    assert result.intent == result.intent_ranking[0]


def test_confidence_is_low_when_unsure(nlu: LocalNLU) -> None:
    sure = nlu.parse_sync("cho gặp tổng đài viên").intent.confidence
    unsure = nlu.parse_sync("xyzzy qwerty").intent.confidence
    assert sure > 0.7
    assert unsure < 0.5


@pytest.mark.parametrize("text", ["", "   ", "???", "🙂", "\u0301", "a" * 5000])
def test_odd_text_never_raises(nlu: LocalNLU, text: str) -> None:
    result = nlu.parse_sync(text)
    assert result.text == text
    assert len(result.intent_ranking) == len(INTENTS)


def test_empty_text_is_out_of_scope_with_low_confidence(nlu: LocalNLU) -> None:
    result = nlu.parse_sync("")
    assert result.intent.name == "out_of_scope"
    assert result.intent.confidence < 0.3
    assert sum(i.confidence for i in result.intent_ranking) == pytest.approx(1.0)


def test_entities_are_filled(nlu: LocalNLU) -> None:
    result = nlu.parse_sync("có F0 trốn khai báo ở p. Phú Cường, sđt 0912 345 678")
    assert result.entity("ward") == "Phú Cường"
    assert result.entity("phone") == "0912345678"


def test_payload_wins_over_the_classifier(nlu: LocalNLU) -> None:
    result = nlu.parse_sync(payload("check_status", ticket_code="PA-7K3Q-9X2M"))
    assert (result.intent.name, result.intent.confidence) == ("check_status", 1.0)
    assert result.entity("ticket_code") == "PA-7K3Q-9X2M"


def test_broken_payload_is_read_as_text(nlu: LocalNLU) -> None:
    result = nlu.parse_sync('/greet{"oops"}')
    assert result.intent.name in INTENTS


def test_to_rasa_shape(nlu: LocalNLU) -> None:
    parsed = nlu.parse_sync("tra cứu PA-7K3Q-9X2M giúp tôi").to_rasa()
    assert set(parsed) == {"text", "intent", "entities", "intent_ranking"}
    assert parsed["text"] == "tra cứu PA-7K3Q-9X2M giúp tôi"
    assert set(parsed["intent"]) == {"name", "confidence"}
    assert parsed["intent"]["name"] == "check_status"
    assert isinstance(parsed["intent"]["confidence"], float)
    assert parsed["entities"] == [
        {
            "entity": "ticket_code",
            "value": "PA-7K3Q-9X2M",
            "start": 8,
            "end": 20,
            "confidence_entity": 1.0,
            "extractor": "HotlineEntityExtractor",
        }
    ]
    assert next(r["name"] for r in parsed["intent_ranking"]) == "check_status"
    assert len(parsed["intent_ranking"]) == len(INTENTS)

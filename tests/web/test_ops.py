from collections.abc import Awaitable, Callable
from dataclasses import replace

from aiohttp.test_utils import TestClient

from hotline.config import Settings
from hotline.web.app import create_app
from tests.support.hotline import hotline_of


async def test_health_and_readiness_name_the_nlu(client: TestClient) -> None:
    assert (await client.get("/healthz")).status == 200
    await hotline_of(client).faq.until_built(10)  # the index is built after the server listens
    resp = await client.get("/readyz")
    body = await resp.json()
    assert resp.status == 200 and body["status"] == "ready"
    assert body["store"] is True and body["nlu"] == "local"


async def test_metrics_count_messages(client: TestClient) -> None:
    await client.post("/webhooks/rest/webhook", json={"sender": "m1", "message": "xin chào"})
    text = await (await client.get("/metrics")).text()
    assert 'hotline_messages_total{channel="rest"}' in text
    assert 'hotline_intents_total{intent="greet"}' in text


async def test_metrics_are_not_public(
    aiohttp_client: Callable[..., Awaitable[TestClient]], settings: Settings
) -> None:
    local = await aiohttp_client(create_app(settings))
    forwarded = await local.get("/metrics", headers={"X-Forwarded-For": "203.0.113.5"})
    assert forwarded.status == 404  # came through the proxy: from the internet
    guarded = await aiohttp_client(create_app(replace(settings, metrics_token="bi-mat-123")))
    assert (await guarded.get("/metrics")).status == 404
    wrong = await guarded.get("/metrics", headers={"Authorization": "Bearer sai"})
    assert wrong.status == 404
    right = await guarded.get("/metrics", headers={"Authorization": "Bearer bi-mat-123"})
    assert right.status == 200 and "hotline_" in await right.text()


async def test_model_parse_answers_in_rasa_format(client: TestClient) -> None:
    resp = await client.post("/model/parse", json={"text": "phuong phu cuong co nguoi tu tap"})
    body = await resp.json()
    assert resp.status == 200
    assert set(body) >= {"text", "intent", "entities", "intent_ranking"}
    assert set(body["intent"]) == {"name", "confidence"}
    assert any(e["entity"] == "ward" and e["value"] == "Phú Cường" for e in body["entities"])
    assert (await client.post("/model/parse", data=b"nope")).status == 400
    assert (await client.post("/model/parse", json={"text": 5})).status == 400


async def test_demo_page_and_widget_are_served(client: TestClient) -> None:
    page = await client.get("/")
    assert page.status == 200 and "widget.js" in await page.text()
    assert (await client.get("/static/widget.js")).status == 200


async def test_metrics_count_a_typed_payload_under_one_label(client: TestClient) -> None:
    for name in ("tu_dat_1", "tu_dat_2"):  # "/anything" a citizen types names its own intent
        await client.post("/webhooks/rest/webhook", json={"sender": "m2", "message": f"/{name}"})
    text = await (await client.get("/metrics")).text()
    assert "tu_dat" not in text
    assert 'hotline_intents_total{intent="payload"}' in text

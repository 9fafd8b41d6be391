from aiohttp.test_utils import TestClient


async def test_health_and_readiness_name_the_nlu(client: TestClient) -> None:
    assert (await client.get("/healthz")).status == 200
    resp = await client.get("/readyz")
    body = await resp.json()
    assert resp.status == 200 and body["status"] == "ready"
    assert body["store"] is True and body["nlu"] == "local"


async def test_metrics_count_messages(client: TestClient) -> None:
    await client.post("/webhooks/rest/webhook", json={"sender": "m1", "message": "xin chào"})
    text = await (await client.get("/metrics")).text()
    assert 'hotline_messages_total{channel="rest"}' in text
    assert 'hotline_intents_total{intent="greet"}' in text


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

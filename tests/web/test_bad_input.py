"""Each bad input the security probe found answered as a clear 4xx, never a 500 (issue 16)."""

from __future__ import annotations

import pytest
from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from hotline.web.keys import CHANNELS
from tests.support.hotline import hotline_of
from tests.support.office import login, person

DEEP = b"[" * 20000 + b"]" * 20000
JSON = {"Content-Type": "application/json"}


async def _status(client: TestClient, path: str, body: bytes, **headers: str) -> tuple[int, dict]:
    resp = await client.post(path, data=body, headers={**JSON, **headers})
    found = await resp.json() if resp.content_type == "application/json" else {}
    return resp.status, found


async def test_deep_nesting_is_refused_by_every_json_endpoint(client: TestClient) -> None:
    admin = await person(client, "quan-tri", "admin")
    for path, headers in [
        ("/webhooks/rest/webhook", {}),
        ("/model/parse", {}),
        ("/api/reports", {}),
        ("/login", {}),
        ("/api/faq", admin),
        ("/api/tickets", admin),
        ("/open311/v2/requests.json", admin),
    ]:
        status, body = await _status(client, path, DEEP, **headers)
        assert status == 400, path
        assert body["problem"] == "too_deep" and "sâu" in body["error"], path


async def test_a_lone_surrogate_is_refused_before_the_store(client: TestClient) -> None:
    raw = b'{"sender": "s-1", "message": "\\ud800"}'
    status, body = await _status(client, "/webhooks/rest/webhook", raw)
    assert status == 400 and body["problem"] == "lone_surrogate"
    transcript = await hotline_of(client).conversations.transcript(ConversationKey("rest", "s-1"))
    assert transcript == []


async def test_a_report_with_a_number_for_a_district_is_a_field_error(client: TestClient) -> None:
    report = {"category": "violation", "description": "tụ tập đông người", "ward": "Phú Cường"}
    resp = await client.post("/api/reports", json={**report, "district": 0})
    assert resp.status == 400
    assert "district" in (await resp.json())["fields"]


async def test_open311_checks_the_token_before_reading_the_body(client: TestClient) -> None:
    for raw in [b"{", b"[]", b"null", b"\xef\xbb\xbf{}", b"\xff\xfe", DEEP]:
        status, _ = await _status(client, "/open311/v2/requests.json", raw)
        assert status == 401, raw[:10]
    agent = await person(client, "he-thong", "agent")
    form = {"service_code": "violation", "description": "karaoke", "long": 106.7}
    for lat in ([1], {"a": 1}, "bắc", True, 1e999, 91):
        resp = await client.post(
            "/open311/v2/requests.json", json={**form, "lat": lat}, headers=agent
        )
        assert resp.status == 400, lat
    for raw in [b"{", b"[]", b"null", b"\xef\xbb\xbf{}", b"\xff\xfe"]:
        status, _ = await _status(client, "/open311/v2/requests.json", raw, **agent)
        assert status == 400, raw


async def test_absurd_date_ranges_are_clamped(client: TestClient) -> None:
    boss = await person(client, "giam-sat", "supervisor")
    wide = "from=0001-01-01&to=9999-12-31"
    resp = await client.get(f"/api/sla?{wide}", headers=boss)
    assert resp.status == 200, await resp.text()
    await login(client, "giam-sat")
    page = await client.get(f"/admin/dashboard?{wide}")
    assert page.status == 200, await page.text()


async def test_a_web_chat_socket_answers_a_bad_frame_and_stays_open(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-bad") as ws:
        for frame in [DEEP.decode(), '{"message": "\\ud800"}', "{", "[]", '{"message": 5}']:
            await ws.send_str(frame)
            answer = await ws.receive_json(timeout=5)
            assert "không hợp lệ" in answer["text"]
        await ws.send_json({"message": "xin chào"})
        greeting = await ws.receive(timeout=10)
        assert greeting.type == WSMsgType.TEXT and "1022" in greeting.data


async def test_a_turn_that_fails_leaves_the_web_chat_socket_open(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-fail") as ws:
        channel = client.app[CHANNELS]["webchat"]  # type: ignore[index]

        async def broken(message: object) -> list[object]:
            raise RuntimeError("the store went away")

        monkeypatch.setattr(channel.inbox, "handle", broken)
        await ws.send_json({"message": "xin chào"})
        assert (await ws.receive_json(timeout=5))["text"] == texts.NOT_TAKEN
        monkeypatch.undo()
        await ws.send_json({"message": "xin chào"})
        greeting = await ws.receive(timeout=10)
        assert greeting.type == WSMsgType.TEXT and "1022" in greeting.data

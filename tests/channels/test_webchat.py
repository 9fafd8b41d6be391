"""The web chat WebSocket: frames in, frames out, pushes that wait for a reconnect."""

from __future__ import annotations

import re

from aiohttp import WSMsgType
from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.channels.webchat import BAD_FRAME
from tests.support.hotline import hotline_of

CODE = re.compile(r"PA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")


async def test_a_question_and_its_answer(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-1") as ws:
        await ws.send_json({"message": "xin chào"})
        first = await ws.receive_json(timeout=5)
        second = await ws.receive_json(timeout=5)
        assert "Tổng đài 1022" in first["text"]
        assert second["buttons"] and {"title", "payload"} <= set(second["buttons"][0])
        await ws.send_json({"payload": "/request_human"})
        reply = await ws.receive_json(timeout=5)
        assert CODE.search(reply["text"]) and "mã phản ánh" in reply["text"]


async def test_a_report_through_the_widget(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-2") as ws:

        async def say(frame: dict[str, str]) -> str:
            await ws.send_json(frame)
            return (await ws.receive_json(timeout=5))["text"]

        await ws.send_json({"payload": "/report_contact"})
        await ws.receive_json(timeout=5)
        assert "F0/F1" in (await ws.receive_json(timeout=5))["text"]
        tip = "Người ở trọ phòng bên cạnh mới từ Đồng Nai về, ho sốt, không khai báo"
        assert "ở đâu" in (await say({"message": tip})).lower()
        assert "khi nào" in await say({"message": "phường An Phú, Thuận An"})
        assert "ẩn danh" in await say({"payload": "/now"})
        assert "Thuận An" in await say({"payload": "/anonymous"})
        done = await say({"payload": "/confirm"})
        assert CODE.search(done)


async def test_a_redelivered_frame_is_answered_once(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-3") as ws:
        await ws.send_json({"id": "frame-1", "payload": "/request_human"})
        first = await ws.receive_json(timeout=5)
        await ws.send_json({"id": "frame-1", "payload": "/request_human"})
        again = await ws.receive_json(timeout=5)
        assert first == again
    assert len(await hotline_of(client).desk.store.list()) == 1


async def test_bad_frames_get_a_polite_reply(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-4") as ws:
        for raw in (
            "not json",
            "[1, 2]",
            '{"message": 5}',
            '{"payload": {"a": 1}}',
            '{"id": "<x>", "message": "hi"}',
        ):
            await ws.send_str(raw)
            assert (await ws.receive_json(timeout=5))["text"] == BAD_FRAME
        await ws.send_bytes(b"\x00\x01")
        assert (await ws.receive_json(timeout=5))["text"] == BAD_FRAME
        await ws.send_json({"message": ""})
        assert "trống" in (await ws.receive_json(timeout=5))["text"]


async def test_an_oversized_frame_closes_the_socket_not_the_server(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=web-5") as ws:
        await ws.send_str("x" * 100_000)
        msg = await ws.receive(timeout=5)
        assert msg.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING)
    resp = await client.get("/healthz")
    assert resp.status == 200


async def test_a_bad_sender_is_refused(client: TestClient) -> None:
    for query in ("", "?sender=", "?sender=<script>", "?sender=" + "a" * 200):
        resp = await client.get("/webchat/ws" + query)
        assert resp.status == 400


async def test_a_push_waits_for_the_citizen_to_come_back(client: TestClient) -> None:
    hotline = hotline_of(client)
    key = ConversationKey("webchat", "web-6")
    news = OutboundMessage(key, "Phản ánh của bạn đã được xử lý.")
    await hotline.conversations.queue([news])  # stored while nobody is connected to hear it
    async with client.ws_connect("/webchat/ws?sender=web-6") as ws:
        assert (await ws.receive_json(timeout=5))["text"] == news.text

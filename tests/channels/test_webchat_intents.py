"""Every intent's dialog through the web chat WebSocket, as the widget drives it."""

from __future__ import annotations

import re

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts

CODE = re.compile(r"PA-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}")

# (what the citizen sends, a phrase the bot's first answer must contain)
OPENINGS = [
    ({"message": "chào ad"}, "Tổng đài 1022"),
    ({"message": "tạm biệt nhé"}, texts.GOODBYE),
    ({"message": "cảm ơn ad nhiều"}, texts.THANKS),
    ({"message": "F1 phải cách ly bao nhiêu ngày?"}, ""),
    ({"payload": "/health_consult"}, texts.ASK_HEALTH_PROMPT),
    ({"payload": "/ask_faq"}, texts.ASK_FAQ_PROMPT),
    ({"payload": "/report_violation"}, texts.FORM_INTRO["violation"]),
    ({"payload": "/report_contact"}, texts.FORM_INTRO["contact_tip"]),
    ({"payload": "/request_support"}, texts.FORM_INTRO["hardship"]),
    ({"payload": "/feedback"}, texts.FORM_INTRO["feedback"]),
    ({"message": "cứu với mẹ tôi bất tỉnh rồi"}, "115"),
    ({"message": "cho tôi nói chuyện với tổng đài viên"}, "mã phản ánh"),
    ({"payload": "/check_status"}, texts.ASK_CODE),
    ({"message": "giá vàng hôm nay bao nhiêu"}, ""),
]


@pytest.mark.parametrize(("frame", "expected"), OPENINGS, ids=lambda v: str(v)[:30])
async def test_each_intent_opens_its_dialog(
    client: TestClient, frame: dict[str, str], expected: str
) -> None:
    async with client.ws_connect("/webchat/ws?sender=intent-probe") as ws:
        await ws.send_json(frame)
        reply = await ws.receive_json(timeout=5)
        assert reply["text"]
        assert expected in reply["text"]


async def test_a_hardship_request_filed_through_the_widget(client: TestClient) -> None:
    async with client.ws_connect("/webchat/ws?sender=hardship-ws") as ws:

        async def say(frame: dict[str, str], replies: int = 1) -> str:
            await ws.send_json(frame)
            return "\n".join([(await ws.receive_json(timeout=5))["text"] for _ in range(replies)])

        assert "khó khăn" in await say({"payload": "/request_support"}, replies=2)
        assert "ở đâu" in (await say({"message": "Nhà có 2 ông bà già neo đơn, hết gạo"})).lower()
        assert "số điện thoại" in await say({"message": "ấp 3, xã Long Nguyên, Bàu Bàng"})
        summary = await say({"message": "Lê Văn Tám 0978123456"})
        assert "Long Nguyên" in summary and "0978123456" in summary
        assert CODE.search(await say({"payload": "/confirm"}))

"""Notices in the web chat widget: subscribed over its socket, pushed while it is open, and
handed over when it connects again after being closed."""

from __future__ import annotations

import asyncio

from aiohttp.test_utils import TestClient

from hotline.bot.broadcasts import Broadcaster, Target
from hotline.bot.dialogs import texts
from hotline.bot.notices import Notice
from hotline.web.keys import BROADCASTS

OPEN = "Khu phố 3 phường Phú Cường hết phong tỏa từ 0h ngày 10/12."
CLOSED = "Lịch tiêm mũi 3 tại Trạm y tế Phú Cường: 7h-11h thứ Bảy."


async def sent(broadcasts: Broadcaster, notice: Notice) -> int:
    for _ in range(100):
        report = await broadcasts.report(notice)
        if report["sent"]:
            break
        await asyncio.sleep(0.05)
    return int(report["sent"])


async def test_the_widget_gets_notices_open_and_after_reconnecting(client: TestClient) -> None:
    broadcasts = client.app[BROADCASTS]  # type: ignore[index]
    async with client.ws_connect("/webchat/ws?sender=web-notices") as ws:
        await ws.send_json({"message": "dang ky nhan thong bao phu cuong"})
        confirmed = await ws.receive_json(timeout=5)
        assert "Phú Cường (Thủ Dầu Một)" in confirmed["text"]
        notice = await broadcasts.publish(OPEN, "an", Target(districts=("Thủ Dầu Một",)))
        pushed = await ws.receive_json(timeout=10)  # while the socket is open
        assert pushed == {"text": texts.NOTICE.format(number=notice.id, text=OPEN)}
        assert await sent(broadcasts, notice) == 1  # marked once its row says where it went

    closed = await broadcasts.publish(CLOSED, "an", Target(wards=("Thủ Dầu Một/Phú Cường",)))
    await broadcasts.resume()
    assert (await broadcasts.report(closed))["waiting"] == 1  # nobody to hand it to yet
    async with client.ws_connect("/webchat/ws?sender=web-notices") as ws:
        handed = await ws.receive_json(timeout=10)  # as soon as the widget is back
        assert handed == {"text": texts.NOTICE.format(number=closed.id, text=CLOSED)}
        await ws.send_json({"message": "hủy đăng ký"})
        assert (await ws.receive_json(timeout=5))["text"] == texts.UNSUBSCRIBED
    assert await sent(broadcasts, closed) == 1
    assert (await broadcasts.preview(Target()))["subscribers"] == 0

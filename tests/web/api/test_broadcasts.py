"""The broadcasts API end to end on the REST channel (the mobile app) and the web widget's
channel: targeting by ward and district, the preview, delivery counts, a restart mid-way."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from hotline.bot.notices import Delivery, DeliveryLog, Stage
from hotline.bot.subscriptions import Area
from hotline.config import Settings
from hotline.web.app import create_app
from hotline.web.keys import BROADCASTS
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.office import person

NOTICE = "Lịch tiêm mũi 3 tại Trạm y tế phường từ 7h ngày 15/12."
SENT = texts.NOTICE.format(number=1, text=NOTICE)  # each test's app has its first notice


async def follow(client: TestClient, sender: str, area: Area) -> ConversationKey:
    key = ConversationKey("rest", sender)
    await (await hotline_of(client).storage.subscriptions()).follow(key, area)
    return key


async def waiting_notices(client: TestClient, key: ConversationKey) -> list[str]:
    pending = await hotline_of(client).conversations.pending(key)
    return [i.message.text for i in pending if i.message.text.startswith("📢")]


async def post(client: TestClient, path: str, body: dict[str, Any], role: str = "admin") -> Any:
    headers = await person(client, f"{role}-{len(path)}-{id(body)}", role)
    resp = await client.post(path, json=body, headers=headers)
    return resp.status, await resp.json()


async def test_a_notice_reaches_the_ward_its_district_and_the_province_only(
    client: TestClient,
) -> None:
    ward = await follow(client, "phu-cuong", Area("Thủ Dầu Một", "Phú Cường"))
    district = await follow(client, "tdm", Area("Thủ Dầu Một"))
    province = await follow(client, "tinh", Area())
    other_ward = await follow(client, "hiep-thanh", Area("Thủ Dầu Một", "Hiệp Thành"))
    other_district = await follow(client, "di-an", Area("Dĩ An"))
    status, counted = await post(
        client, "/api/broadcasts/preview", {"text": NOTICE, "wards": ["phu cuong"]}
    )
    assert status == 200
    assert counted["subscribers"] == 3 and counted["by_channel"] == {"rest": 3}
    status, created = await post(
        client, "/api/broadcasts", {"text": NOTICE, "wards": ["Phú Cường"]}
    )
    assert status == 201 and created["audience"]["subscribers"] == 3
    await client.app[BROADCASTS].resume()  # type: ignore[index]
    for key in (ward, district, province):
        assert await waiting_notices(client, key) == [SENT]
    for key in (other_ward, other_district):
        assert await waiting_notices(client, key) == []

    status, created = await post(
        client, "/api/broadcasts", {"text": "Dĩ An", "districts": ["TP Dĩ An"]}, "supervisor"
    )
    assert status == 201 and created["audience"]["subscribers"] == 2  # Dĩ An's and the province's


async def test_the_app_gets_a_waiting_notice_first_in_its_next_answer(
    client: TestClient, chat: RestChat
) -> None:
    await chat.say("đăng ký nhận thông báo toàn tỉnh")
    status, created = await post(client, "/api/broadcasts", {"text": NOTICE})
    assert status == 201
    await client.app[BROADCASTS].resume()  # type: ignore[index]
    headers = await person(client, "doc", "supervisor")
    got = await (await client.get(f"/api/broadcasts/{created['id']}", headers=headers)).json()
    assert (got["subscribers"], got["waiting"], got["sent"]) == (1, 1, 0)
    answer = await chat.say("cảm ơn")
    assert [r["text"] for r in answer][:2] == [SENT, texts.THANKS]
    got = await (await client.get(f"/api/broadcasts/{created['id']}", headers=headers)).json()
    assert (got["waiting"], got["sent"]) == (0, 1)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"text": ""}, "text"),
        ({"text": "x", "wards": ["Sao Hỏa"]}, "Không có phường/xã"),
        ({"text": "x", "wards": ["An Bình"]}, "Có nhiều phường/xã tên An Bình"),
        ({"text": "x", "districts": ["Quận 1"]}, "Không có thành phố"),
        ({"text": "x", "channels": ["sms"]}, "Không có kênh: sms"),
        ({"text": "x" * 2001}, "dài quá"),
    ],
)
async def test_a_bad_notice_is_refused_with_the_reason(
    client: TestClient, body: dict[str, Any], error: str
) -> None:
    status, answer = await post(client, "/api/broadcasts", body)
    assert status == 400 and error in answer["error"]


async def test_only_admins_and_supervisors_send_notices(client: TestClient) -> None:
    status, _ = await post(client, "/api/broadcasts", {"text": NOTICE}, "agent")
    assert status == 403
    resp = await client.post("/api/broadcasts", json={"text": NOTICE})
    assert resp.status == 401


class StopsMidway:
    """The delivery log of a process that stops at the `at`-th call of `where`: between a
    claim and the outbox ("claim"), or between the outbox and marking the row ("queued")."""

    def __init__(self, log: DeliveryLog, where: str, at: int) -> None:
        self.log, self.where, self.at, self.calls = log, where, at, 0

    async def plan(self, deliveries: list[Delivery]) -> int:
        return await self.log.plan(deliveries)

    async def of(self, notice_id: int, stage: Stage | None = None) -> list[Delivery]:
        return await self.log.of(notice_id, stage)

    async def claimed_at(self, notice_id: int, key: ConversationKey) -> Any:
        return await self.log.claimed_at(notice_id, key)

    async def claim(self, notice_id: int, key: ConversationKey) -> bool:
        won = await self.log.claim(notice_id, key)
        self._count("claim")
        return won

    async def claim_many(self, notice_id: int, keys: list[ConversationKey]) -> Any:
        won = await self.log.claim_many(notice_id, keys)
        self._count("claim", len(keys))
        return won

    async def queued(self, notice_id: int, key: ConversationKey, outbox_id: int | None) -> None:
        self._count("queued")
        await self.log.queued(notice_id, key, outbox_id)

    async def queued_many(self, notice_id: int, outbox_ids: dict[Any, int | None]) -> None:
        self._count("queued", len(outbox_ids))
        await self.log.queued_many(notice_id, outbox_ids)

    def _count(self, where: str, rows: int = 1) -> None:
        """Stop at the call that takes the `at`-th row (a batch's rows go in one call)."""
        if where == self.where:
            before, self.calls = self.calls, self.calls + rows
            if before < self.at <= self.calls:
                raise SystemError("the process stopped here")


@pytest.mark.parametrize("where", ["claim", "queued"])
async def test_a_restart_mid_broadcast_neither_loses_nor_repeats_a_notice(
    aiohttp_client: Callable, settings: Settings, where: str
) -> None:
    settings = replace(settings, broadcast_poll_seconds=3600, broadcast_stale_claim_seconds=0)
    first = await aiohttp_client(create_app(settings))
    keys = [await follow(first, f"c{n}", Area("Dĩ An", "Dĩ An")) for n in range(45)]
    broadcasts = first.app[BROADCASTS]
    broadcasts.batch = 10
    broadcasts.deliveries = StopsMidway(broadcasts.deliveries, where, at=25)
    # Kept without waking the app's broadcaster: this test runs the broadcast itself.
    notice = await broadcasts.board.publish(NOTICE, "an", ("Dĩ An",), (), ())
    with pytest.raises(SystemError):
        await broadcasts.broadcast(notice)
    sent_before = sum([len(await waiting_notices(first, k)) for k in keys])
    assert 0 < sent_before < len(keys)
    await first.close()

    second = await aiohttp_client(create_app(settings))  # the restart finishes it on start
    board = second.app[BROADCASTS].board  # type: ignore[index]
    for _ in range(200):
        found = await board.get(notice.id)
        if found is not None and found.finished:
            break
        await asyncio.sleep(0.05)
    for key in keys:
        assert await waiting_notices(second, key) == [SENT], key
    got = await second.app[BROADCASTS].report(notice)  # type: ignore[index]
    assert (got["subscribers"], got["waiting"], got["skipped"]) == (45, 45, 0)
    assert found is not None and found.finished

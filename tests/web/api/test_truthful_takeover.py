"""One rule for when the bot is paused, the same in the engine and in what the console is told;
the citizen hears who joins and leaves by a display name; photos only for staff."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.media import MediaStore
from hotline.bot.messages import ConversationKey
from hotline.config import Settings
from hotline.web.keys import CASEWORK, EVENTS, PRESENCE
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.images import photo, picture
from tests.support.office import PASSWORD, filed, person


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    return replace(settings, media_dir=str(tmp_path / "media"))


async def staff(client: TestClient, name: str, shown: str, role: str = "agent") -> dict[str, str]:
    accounts = client.app[CASEWORK].accounts
    await accounts.add_user(name, role, PASSWORD, display_name=shown)
    return {"Authorization": f"Bearer {await accounts.issue_token(name)}"}


async def test_an_assigned_chat_pauses_the_bot_and_the_console_says_so(
    client: TestClient,
) -> None:
    lan = await staff(client, "nv.lan01", "Lan")
    chat = RestChat(client, "citizen-assigned")
    await chat.say("/request_human")
    code = chat.code()
    key = ConversationKey("rest", chat.sender)
    casework = client.app[CASEWORK]

    with client.app[PRESENCE].on_duty("nv.lan01"):
        await casework.join_chats(await casework.assigner.assign_waiting())

    shown = await (await client.get(f"/api/tickets/{code}", headers=lan)).json()
    assert shown["assignee"] == "nv.lan01"
    assert shown["chat"] is True and shown["bot_paused"] is True
    assert shown["chat_agent"] == "nv.lan01"

    async with client.app[EVENTS].subscribe() as events:
        told = await chat.say("cách ly F1 mấy ngày?")  # a question the bot would answer
        assert [m["text"] for m in told] == [
            "Tổng đài viên Lan đã tham gia cuộc trò chuyện và sẽ trả lời anh/chị trực tiếp."
        ]
        assert all("nv.lan01" not in m["text"] for m in told)
        live = [events.get_nowait() for _ in range(events.qsize())]
    # Every message of the assigned conversation reaches the console live.
    assert any(
        e.kind == "citizen_message" and e.data["text"] == "cách ly F1 mấy ngày?" for e in live
    )

    resp = await client.post(f"/api/tickets/{code}/messages", headers=lan, json={"text": "Chào"})
    assert resp.status == 200
    [said] = await hotline_of(client).conversations.pending(key)
    assert said.message.staff == "Tổng đài viên Lan" and said.message.agent == "nv.lan01"

    # "Trả lại cho bot": the console's next look says the bot answers; the citizen is told.
    assert (await client.post(f"/api/tickets/{code}/release", headers=lan)).status == 200
    shown = await (await client.get(f"/api/tickets/{code}", headers=lan)).json()
    assert shown["bot_paused"] is False and shown["assignee"] == "nv.lan01"
    waiting, handed_back, *answer = await chat.say("cách ly F1 mấy ngày?")
    assert waiting["text"] == "Chào" and waiting["staff"] == "Tổng đài viên Lan"
    assert "Tổng đài viên Lan đã trả cuộc trò chuyện" in handed_back["text"]
    assert answer and all("staff" not in m for m in answer)  # the bot answers again


async def test_a_transfer_tells_the_citizen_who_left_and_who_joined(client: TestClient) -> None:
    lan = await staff(client, "nv.lan01", "Lan")
    await staff(client, "gs.minh", "Minh", role="supervisor")
    chat = RestChat(client, "citizen-moved")
    await chat.say("/request_human")
    code = chat.code()
    assert (await client.post(f"/api/tickets/{code}/claim", headers=lan)).status == 200
    moved = await client.post(
        f"/api/tickets/{code}/transfer", headers=lan, json={"to": "gs.minh", "note": "đổi ca"}
    )
    assert moved.status == 200
    told = [m["text"] for m in await chat.say("alo")]
    assert told == [
        "Tổng đài viên Lan đã tham gia cuộc trò chuyện và sẽ trả lời anh/chị trực tiếp.",
        "Tổng đài viên Lan đã rời cuộc trò chuyện.",
        "Giám sát viên Minh đã tham gia cuộc trò chuyện và sẽ trả lời anh/chị trực tiếp.",
    ]
    state = await hotline_of(client).conversations.load(ConversationKey("rest", chat.sender))
    assert state.bot_paused and state.agent == "gs.minh"


async def test_a_portal_report_has_no_composer_and_says_why(client: TestClient) -> None:
    lan = await person(client, "lan")
    resp = await client.post(
        "/api/reports",
        json={
            "category": "violation",
            "description": "Quán nhậu mở cửa quá giờ, gọi 0912345678 để biết thêm",
            "district": "Thủ Dầu Một",
            "ward": "Phú Cường",
            "address": "12 Yersin",
        },
    )
    assert resp.status in (200, 201), await resp.text()
    code = (await resp.json())["code"]
    [row] = (await (await client.get("/api/tickets", headers=lan)).json())["tickets"]
    assert row["chat"] is False
    assert "0912345678" not in row["preview"] and "Quán nhậu mở cửa" in row["preview"]
    shown = await (await client.get(f"/api/tickets/{code}", headers=lan)).json()
    assert shown["chat"] is False and shown["bot_paused"] is False
    assert (await client.post(f"/api/tickets/{code}/claim", headers=lan)).status == 200
    said = await client.post(f"/api/tickets/{code}/messages", headers=lan, json={"text": "hi"})
    assert said.status == 409
    assert "cổng thông tin không có cuộc trò chuyện" in (await said.json())["error"]


async def test_the_citizens_other_tickets_are_linked(client: TestClient) -> None:
    lan = await person(client, "lan")
    first = await filed(client, source="rest:first", sender="citizen-twice")
    second = await filed(client, "hardship", source="rest:second", sender="citizen-twice")
    await filed(client, source="rest:other", sender="someone-else")
    shown = await (await client.get(f"/api/tickets/{second.code}", headers=lan)).json()
    assert [r["code"] for r in shown["related"]] == [first.code]
    assert "reporter" not in shown["related"][0]


async def test_photos_are_served_to_logged_in_staff_only(
    client: TestClient, settings: Settings
) -> None:
    lan = await person(client, "lan")
    ref = await MediaStore(Path(settings.media_dir)).save(photo("PNG"))
    name = ref.removeprefix("media:")
    assert (await client.get(f"/console/media/{name}")).status == 401
    resp = await client.get(f"/console/media/{name}", headers=lan)
    assert resp.status == 200 and picture(await resp.read())[0] == "PNG"
    assert resp.headers["Content-Type"] == "image/png"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert (await client.get("/console/media/..%2Fhotline.db", headers=lan)).status == 404
    assert (await client.get(f"/console/media/{'0' * 64}.png", headers=lan)).status == 404

"""The console's live line: for logged-in staff only; each gets the events that are theirs."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import pytest
from aiohttp import WSMsgType, WSServerHandshakeError
from aiohttp.test_utils import TestClient

from hotline.bot.events import Event
from hotline.config import Settings
from hotline.web.console.live import SESSION_ENDED
from hotline.web.keys import EVENTS, HOTLINE, PRESENCE
from tests.support.chat import RestChat
from tests.web.console.conftest import LogIn, Person, log_in_fixture

TIMEOUT = 5


async def connect(client: TestClient, person: Person | None, **headers: str) -> Any:
    return await client.ws_connect(
        "/console/ws", headers={**(person.headers if person else {}), **headers}
    )


async def next_frame(ws: Any, kind: str) -> dict[str, Any]:
    """The next frame of this kind, skipping others (presence news, other tickets)."""
    while True:
        frame = await ws.receive_json(timeout=TIMEOUT)
        if frame["kind"] == kind:
            return frame


async def eventually(check: Callable[[], bool], seconds: float = TIMEOUT) -> None:
    """The server finishes a closed socket's handler a moment after the client has left."""
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    assert check()


async def test_the_line_needs_a_login(client: TestClient) -> None:
    with pytest.raises(WSServerHandshakeError) as refused:
        await connect(client, None)
    assert refused.value.status == 401


async def test_agency_staff_have_no_console(client: TestClient, log_in: LogIn) -> None:
    agency = await log_in("ubnd-phu-cuong", "agency", agency="UBND phường Phú Cường")
    with pytest.raises(WSServerHandshakeError) as refused:
        await connect(client, agency)
    assert refused.value.status == 403


async def test_another_sites_page_cannot_use_the_cookie(client: TestClient, log_in: LogIn) -> None:
    an = await log_in("an")
    with pytest.raises(WSServerHandshakeError) as refused:
        await connect(client, an, Origin="https://evil.example")
    assert refused.value.status == 403


async def test_hello_and_presence(client: TestClient, log_in: LogIn) -> None:
    an = await log_in("an")
    lan = await log_in("lan", "supervisor")
    async with await connect(client, an) as first:
        hello = await first.receive_json(timeout=TIMEOUT)
        assert hello == {"kind": "hello", "user": "an", "role": "agent", "online": ["an"]}
        assert client.app[PRESENCE].online() == {"an"}  # type: ignore[index]
        async with await connect(client, lan) as second:
            assert (await next_frame(second, "hello"))["online"] == ["an", "lan"]
            assert (await next_frame(first, "presence"))["online"] == ["an", "lan"]
        assert (await next_frame(first, "presence"))["online"] == ["an"]
    await eventually(lambda: not client.app[PRESENCE].anyone_online())  # type: ignore[index]


async def test_a_new_ticket_reaches_every_console(client: TestClient, log_in: LogIn) -> None:
    an = await log_in("an")
    async with await connect(client, an) as ws:
        await RestChat(client, "citizen-9").say("cho tôi gặp tổng đài viên")
        frame = await next_frame(ws, "ticket")
    assert frame["status"] in ("new", "assigned") and frame["category"] == "other"


async def test_each_agent_hears_only_their_own_citizens(client: TestClient, log_in: LogIn) -> None:
    an, binh = await log_in("an"), await log_in("binh")
    lan = await log_in("lan", "supervisor")
    chat = RestChat(client, "citizen-1")
    await chat.say("cho tôi gặp tổng đài viên")
    code = chat.code()
    resp = await client.post(f"/api/tickets/{code}/claim", headers=an.headers)
    assert resp.status == 200, await resp.text()

    async with (
        await connect(client, an) as an_ws,
        await connect(client, binh) as binh_ws,
        await connect(client, lan) as lan_ws,
    ):
        told = await chat.say("nhà tôi ở ấp 3 xã An Tây")  # the bot is silent:
        assert [m.get("staff") for m in told] == ["Tổng đài viên"]  # only "someone joined"
        heard = await next_frame(an_ws, "citizen_message")
        watched = await next_frame(lan_ws, "citizen_message")
        # Another worker says "marker" is on duty there: binh hears his hello, lan arriving,
        # then everyone this worker knows of: nothing of an's citizen between.
        marker = {"online": ["marker"], "here": ["marker"], "worker": "another-worker"}
        client.app[EVENTS].publish(Event("presence", marker))  # type: ignore[index]
        frames = [await binh_ws.receive_json(timeout=TIMEOUT) for _ in range(3)]

    assert heard["text"] == "nhà tôi ở ấp 3 xã An Tây" and heard["tickets"] == [code]
    assert heard["conversation"] == client.app[HOTLINE].pseudonyms.of("rest", "citizen-1")
    assert watched["tickets"] == [code]
    assert [f["kind"] for f in frames] == ["hello", "presence", "presence"]
    assert frames[-1] == {"kind": "presence", "online": ["an", "binh", "lan", "marker"]}


async def test_agent_replies_and_the_handback_are_live(client: TestClient, log_in: LogIn) -> None:
    an = await log_in("an")
    chat = RestChat(client, "citizen-2")
    await chat.say("/request_human")
    code = chat.code()
    async with await connect(client, an) as ws:
        await client.post(f"/api/tickets/{code}/claim", headers=an.headers)
        assert (await next_frame(ws, "takeover"))["tickets"] == [code]
        resp = await client.post(
            f"/api/tickets/{code}/messages",
            json={"text": "Chào anh, tôi là An."},
            headers=an.headers,
        )
        assert resp.status == 200, await resp.text()
        said = await next_frame(ws, "agent_message")
        await client.post(f"/api/tickets/{code}/release", headers=an.headers)
        back = await next_frame(ws, "handback")
    assert said["text"] == "Chào anh, tôi là An." and said["agent"] == "an"
    assert back["agent"] == "an" and back["tickets"] == [code]


async def test_a_logout_ends_the_line(
    aiohttp_client: Callable[..., Awaitable[TestClient]], settings: Settings
) -> None:
    from hotline.web.app import create_app

    client = await aiohttp_client(create_app(replace(settings, console_recheck_seconds=0.2)))
    an = await log_in_fixture(client)("an")
    async with await connect(client, an) as ws:
        await next_frame(ws, "hello")
        resp = await client.post("/logout", headers={**an.headers, "Accept": "application/json"})
        assert resp.status == 200, await resp.text()
        closed = await ws.receive(timeout=TIMEOUT)
    assert closed.type == WSMsgType.CLOSE and closed.data == SESSION_ENDED
    await eventually(lambda: not client.app[PRESENCE].anyone_online())  # type: ignore[index]

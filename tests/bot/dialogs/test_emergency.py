"""Honest emergencies: 115 first, the address and phone taken apart, nobody told it was passed
on when nobody is on duty, and the console alerted when someone is."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from hotline.web.keys import EVENTS, PRESENCE
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of

HELP = "cứu với, bố tôi F0 đang khó thở, tím tái rồi"


async def test_nobody_on_duty_the_citizen_is_told_to_call_at_once(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(HELP)
    first = chat.last[0]["text"]
    assert first.startswith(texts.EMERGENCY_NOBODY.split("{")[0][:40])
    assert "115" in first and "0274.1022" in first
    assert "đã báo tổng đài viên" not in chat.text, "nobody was told, so it is never said"
    await chat.say("số 12 đường 30/4, phường Chánh Nghĩa, sđt 0903123456")
    assert "0274.1022" in chat.text and "Đã chuyển" not in chat.text


async def test_an_agent_on_duty_is_alerted_and_the_citizen_told(
    chat: RestChat, client: TestClient
) -> None:
    presence, events = client.app[PRESENCE], client.app[EVENTS]
    with presence.on_duty("an"):
        async with events.subscribe() as heard:
            await chat.say(HELP)
            assert chat.last[0]["text"] == texts.EMERGENCY.format(code=chat.code())
            code = chat.code()
            await chat.say("số 12 đường 30/4, phường Chánh Nghĩa, sđt 0903123456")
            assert chat.text == texts.EMERGENCY_NOTED
            kinds = []
            while not heard.empty():
                event = heard.get_nowait()
                kinds.append(event.kind)
                if event.kind == "emergency" and event.data.get("address"):
                    assert event.data["code"] == code
                    assert event.data["reachable"] is True
                    assert "0903123456" not in str(event.data), "who called stays confidential"
                    assert event.data["ward"] == "Chánh Nghĩa"
            assert kinds.count("emergency") == 2, kinds  # filed, then where to go


async def test_the_address_and_phone_fill_the_ticket(chat: RestChat, client: TestClient) -> None:
    await chat.say(HELP)
    code = chat.code()
    await chat.say("số 12 đường 30/4, phường Chánh Nghĩa, sđt 0903123456")
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None
    assert (ticket.ward, ticket.district) == ("Chánh Nghĩa", "Thủ Dầu Một")
    assert ticket.address == "số 12 đường 30/4, phường Chánh Nghĩa"
    assert ticket.reporter is not None and ticket.reporter.phone == "0903123456"


async def test_a_greeting_is_no_address_and_the_phone_is_asked(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(HELP)
    code = chat.code()
    await chat.say("xin chào")
    assert chat.text == texts.EMERGENCY_WHERE_AGAIN
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None and "xin chào" not in ticket.description
    await chat.say("ấp 3, xã An Tây, Bến Cát")
    assert chat.text == texts.EMERGENCY_ASK_PHONE
    await chat.say("0912 345 678")
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None and ticket.reporter is not None
    assert ticket.reporter.phone == "0912345678" and ticket.ward == "An Tây"


async def test_an_emergency_never_loops(chat: RestChat, client: TestClient) -> None:
    await chat.say(HELP)
    await chat.say("xin chào")
    await chat.say("alo")
    await chat.say("???")
    assert chat.text == texts.EMERGENCY_CALL
    state = await hotline_of(client).conversations.load(_key(chat))
    assert state.dialog is None


def _key(chat: RestChat):  # type: ignore[no-untyped-def]
    from hotline.bot.messages import ConversationKey

    return ConversationKey("rest", chat.sender)

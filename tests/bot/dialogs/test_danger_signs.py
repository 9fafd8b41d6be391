"""Emergencies the classifiers would miss reach the emergency flow, even in the middle of a form."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.bot.dialogs import texts
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of

NOBODY = texts.EMERGENCY_NOBODY.split("{")[0][:40]


async def test_an_accident_told_mid_form_interrupts_it_into_the_emergency_flow(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("/report_violation")
    await chat.say("Quán cà phê đầu hẻm 7 vẫn cho khách ngồi lại uống đông người")
    assert "ở đâu" in chat.text.lower()
    await chat.say("ngay trước quán vừa có vụ tai nạn, xe ben cán người đi bộ, máu chảy nhiều lắm")
    assert chat.last[0]["text"].startswith(NOBODY)
    assert "115" in chat.text
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["emergency"]
    assert chat.last[-1]["text"] == texts.EMERGENCY_ASK_WHERE  # where to send help


async def test_a_baby_in_a_seizure_under_lockdown_is_an_emergency(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say(
        "khu nha em dang bi phong toa ma be nha em dang len con co giat, tay chan cung do"
    )
    assert chat.last[0]["text"].startswith(NOBODY)
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["emergency"]


async def test_the_danger_told_again_with_the_address_files_no_second_ticket(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("cứu với, có người bất tỉnh trước cổng chợ")
    code = chat.code()
    await chat.say("chợ Thủ Dầu Một, phường Phú Cường, người đó vẫn đang co giật, nhanh lên")
    tickets = await hotline_of(client).desk.store.list()
    assert [t.code for t in tickets] == [code]
    assert tickets[0].ward == "Phú Cường"


async def test_a_seizure_with_what_to_do_asked_in_distress_is_an_emergency(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("mẹ em đang co giật mà nhà bị phong tỏa, giờ làm sao đưa mẹ đi đây")
    assert chat.last[0]["text"].startswith(NOBODY)
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["emergency"]


async def test_a_danger_sign_told_in_english_is_an_emergency(
    chat: RestChat, client: TestClient
) -> None:
    await chat.say("my grandmother collapsed and is unconscious, please send an ambulance")
    tickets = await hotline_of(client).desk.store.list()
    assert [t.category for t in tickets] == ["emergency"]

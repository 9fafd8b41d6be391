"""Forwarding reaches someone or is refused; the citizen hears where the report went."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from hotline.handoff.routing import Agency
from tests.support.hotline import hotline_of
from tests.support.office import filed, person


async def test_placeholders_refuse_forwarding_until_an_address_is_given(
    client: TestClient,
) -> None:
    lan = await person(client, "lan")
    ticket = await filed(client, sender="citizen-fwd", source="rest:fwd-1")
    assert ticket.agencies == ("UBND Phú Cường, Thủ Dầu Một", "Công an Thủ Dầu Một")
    routing = hotline_of(client).routing
    seeded = {a.name: a.email for a in await routing.agencies()}
    assert seeded["UBND Phú Cường, Thủ Dầu Một"] == "" and seeded["Công an Bến Cát"] == ""
    assert (await client.post(f"/api/tickets/{ticket.code}/claim", headers=lan)).status == 200

    forward = {"status": "forwarded", "note": "đề nghị kiểm tra"}
    refused = await client.post(f"/api/tickets/{ticket.code}/status", headers=lan, json=forward)
    assert refused.status == 409
    said = (await refused.json())["error"]
    assert "UBND Phú Cường, Thủ Dầu Một, Công an Thủ Dầu Một chưa có địa chỉ nhận" in said
    stored = await hotline_of(client).desk.store.get(ticket.code)
    assert stored is not None and stored.status != "forwarded"

    await routing.put_agency(Agency("UBND Phú Cường, Thủ Dầu Một", "ubnd.pc@example.vn"))
    await routing.put_agency(Agency("Công an Thủ Dầu Một", "ca.tdm@example.vn"))
    sent = await client.post(f"/api/tickets/{ticket.code}/status", headers=lan, json=forward)
    assert sent.status == 200, await sent.text()
    assert (await sent.json())["ticket"]["status"] == "forwarded"
    key = ConversationKey("rest", "citizen-fwd")
    told = [i.message.text for i in await hotline_of(client).conversations.pending(key)]
    assert any(
        ticket.code in t
        and "Ủy ban nhân dân phường/xã nơi xảy ra sự việc và cơ quan công an địa phương" in t
        and "lan" not in t
        for t in told
    ), told

"""The tickets API: the queue, details, and who may see whom."""

from __future__ import annotations

from datetime import datetime

from aiohttp.test_utils import TestClient

from hotline.handoff.routing import Agency
from hotline.web.keys import CASEWORK
from tests.support.office import filed, person


async def test_the_queue_lists_tickets_by_time_left_with_filters(client: TestClient) -> None:
    agent = await person(client, "lan")
    tip = await filed(client, "contact_tip", source="rest:1")
    violation = await filed(client, "violation", source="rest:2")
    await filed(client, "feedback", source="rest:3", district="Dĩ An", ward=None)

    resp = await client.get("/api/tickets", headers=agent)
    assert resp.status == 200
    tickets = (await resp.json())["tickets"]
    assert [t["category"] for t in tickets] == ["contact_tip", "violation", "feedback"]
    first = tickets[0]
    assert first["code"] == tip.code and first["priority"] == "urgent"
    assert first["status"] == "new" and first["assignee"] is None
    assert (first["district"], first["ward"]) == ("Thủ Dầu Một", "Phú Cường")
    assert datetime.fromisoformat(first["due_at"]).utcoffset() is not None
    assert datetime.fromisoformat(first["created_at"]).tzinfo is not None
    assert 0 < first["time_left_seconds"] <= 5 * 3600 and first["overdue"] is False
    assert "reporter" not in first and "0912345678" not in await resp.text()

    async def codes(query: str) -> list[str]:
        resp = await client.get(f"/api/tickets?{query}", headers=agent)
        assert resp.status == 200, await resp.text()
        return [t["code"] for t in (await resp.json())["tickets"]]

    assert await codes("category=violation") == [violation.code]
    assert len(await codes("district=Dĩ An")) == 1
    assert await codes("status=assigned") == []
    assert await codes("overdue=1") == []
    await client.post(f"/api/tickets/{violation.code}/claim", headers=agent)
    assert await codes("assignee=me") == [violation.code]
    assert await codes("assignee=lan&status=assigned,in_progress") == [violation.code]
    assert violation.code not in await codes("assignee=none")
    assert (await client.get("/api/tickets?status=lost", headers=agent)).status == 400


async def test_overdue_tickets_show_as_overdue(client: TestClient) -> None:
    agent = await person(client, "lan")
    casework = client.app[CASEWORK]
    late = await filed(client, received_at=datetime.fromisoformat("2020-01-01T08:00:00+07:00"))
    resp = await client.get("/api/tickets?overdue=true", headers=agent)
    [row] = (await resp.json())["tickets"]
    assert row["code"] == late.code and row["overdue"] and row["time_left_seconds"] < 0
    figures = await (await client.get("/api/sla?from=2020-01-01", headers=agent)).json()
    assert figures["missed"] == 1 and figures["open_overdue"] == 1
    recent = await (await client.get("/api/sla", headers=agent)).json()  # the last 30 days
    assert recent["missed"] == 0 and recent["open_overdue"] == 0  # filed in 2020: not counted
    for bad in ("from=2020-13-01", "from=2021-01-02&to=2021-01-01"):
        assert (await client.get(f"/api/sla?{bad}", headers=agent)).status == 400
    assert casework.clock() > late.due_at


async def test_the_reporter_is_shown_to_the_assigned_agent_and_supervisors_and_audited(
    client: TestClient,
) -> None:
    lan = await person(client, "lan")
    minh = await person(client, "minh")
    boss = await person(client, "giang", "supervisor")
    ticket = await filed(client)

    unassigned = await (await client.get(f"/api/tickets/{ticket.code}", headers=lan)).json()
    assert unassigned["reporter"] is None and unassigned["has_reporter"] is True
    assert unassigned["description"].startswith("quán karaoke")

    assert (await client.post(f"/api/tickets/{ticket.code}/claim", headers=lan)).status == 200
    mine = await (
        await client.get(f"/api/tickets/{ticket.code}?reason=gọi lại", headers=lan)
    ).json()
    assert mine["reporter"] == {"name": "Nguyễn Văn Tố", "phone": "0912345678"}

    resp = await client.get(f"/api/tickets/{ticket.code}", headers=minh)
    assert (await resp.json())["reporter"] is None and "0912345678" not in await resp.text()

    seen = await (await client.get(f"/api/tickets/{ticket.code}", headers=boss)).json()
    assert seen["reporter"]["phone"] == "0912345678"

    trail = await (await client.get(f"/api/tickets/{ticket.code}/audit", headers=boss)).json()
    assert [(e["who"], e["why"]) for e in trail["entries"]] == [
        ("lan", "gọi lại"),
        ("giang", "xem chi tiết phiếu"),
    ]
    assert (await client.get(f"/api/tickets/{ticket.code}/audit", headers=lan)).status == 403


async def test_agency_staff_see_only_what_was_sent_to_them_and_never_the_reporter(
    client: TestClient,
) -> None:
    boss = await person(client, "giang", "supervisor")
    police = await person(client, "ca-tdm", "agency", agency="Công an Thủ Dầu Một")
    health = await person(client, "yte-tdm", "agency", agency="Trung tâm Y tế Thủ Dầu Một")
    # The ward's committee reads its reports by e-mail; forwarding reaches everyone it names.
    ward = Agency("UBND Phú Cường, Thủ Dầu Một", "ubnd.phucuong@example.vn")
    await client.app[CASEWORK].hotline.routing.put_agency(ward)
    sent = await filed(client, source="rest:1")
    kept = await filed(client, source="rest:2")
    await client.post(f"/api/tickets/{sent.code}/claim", headers=boss)
    await client.post(f"/api/tickets/{sent.code}/notes", headers=boss, json={"text": "nội bộ"})
    resp = await client.post(
        f"/api/tickets/{sent.code}/status",
        headers=boss,
        json={"status": "forwarded", "note": "đề nghị kiểm tra"},
    )
    assert resp.status == 200, await resp.text()

    listed = await (await client.get("/api/tickets", headers=police)).json()
    assert [t["code"] for t in listed["tickets"]] == [sent.code]
    resp = await client.get(f"/api/tickets/{sent.code}", headers=police)
    body = await resp.json()
    raw = await resp.read()
    assert "reporter" not in body and "transcript" not in body and "evidence" not in body
    assert "conversation" not in body and "channel" not in body
    assert b"0912345678" not in raw and "Nguyễn Văn Tố".encode() not in raw
    assert "nội bộ" not in raw.decode() and "citizen-9" not in raw.decode()
    assert (await client.get(f"/api/tickets/{kept.code}", headers=police)).status == 404
    assert (await client.get("/api/tickets", headers=health)).status == 200
    assert (await (await client.get("/api/tickets", headers=health)).json())["tickets"] == []

    # The agency answers; it may not claim or message the citizen.
    assert (await client.post(f"/api/tickets/{sent.code}/claim", headers=police)).status == 403
    done = await client.post(
        f"/api/tickets/{sent.code}/status",
        headers=police,
        json={"status": "resolved", "note": "Đã kiểm tra, lập biên bản"},
    )
    assert done.status == 200 and (await done.json())["ticket"]["status"] == "resolved"
    refused = await client.post(
        f"/api/tickets/{sent.code}/status", headers=police, json={"status": "closed"}
    )
    assert refused.status == 409


async def test_an_agent_files_a_phone_call_with_the_same_routing_and_deadline(
    client: TestClient,
) -> None:
    agent = await person(client, "lan")
    body = {
        "category": "violation",
        "description": "Gọi điện báo quán nhậu mở cửa sau 18 giờ",
        "district": "tx ben cat",
        "ward": "Mỹ Phước",
        "contact": {"name": "Trần Thị B", "phone": "0987654321"},
    }
    headers = {**agent, "Idempotency-Key": "call-42"}
    resp = await client.post("/api/tickets", json=body, headers=headers)
    assert resp.status == 201, await resp.text()
    made = await resp.json()
    again = await client.post("/api/tickets", json=body, headers=headers)
    assert (await again.json())["code"] == made["code"]
    assert made["channel"] == "phone" and made["district"] == "Bến Cát"
    assert made["agencies"] == ["UBND Mỹ Phước, Bến Cát", "Công an Bến Cát"]
    ticket = await client.app[CASEWORK].hotline.desk.store.get(made["code"])
    assert ticket is not None and ticket.history[0].actor == "lan"
    assert ticket.reporter is not None and ticket.reporter.phone == "0987654321"
    assert (ticket.due_at - ticket.created_at).total_seconds() == 5 * 3600

    for bad in [{**body, "category": "gossip"}, {**body, "ward": "Phường Không Có"}, {}]:
        assert (await client.post("/api/tickets", json=bad, headers=agent)).status == 400
    agency = await person(client, "ca-bc", "agency", agency="Công an Bến Cát")
    assert (await client.post("/api/tickets", json=body, headers=agency)).status == 403
    assert (await client.post("/api/tickets", json=body)).status == 401

"""Open311 GeoReport v2 for agencies: their requests only, and never who reported."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from hotline.handoff.deadlines import VIETNAM
from hotline.handoff.routing import Agency
from hotline.web.keys import CASEWORK
from tests.support.office import filed, person

IDENTITY = ("0912345678", "Nguyễn Văn Tố", "citizen-9", "0909000111", "Lê Thị C")


def anonymous(raw: bytes) -> bool:
    text = raw.decode()
    return not any(s in text or s.encode() in raw for s in IDENTITY)


async def test_services_are_public_requests_need_a_key(client: TestClient) -> None:
    resp = await client.get("/open311/v2/services.json")
    assert resp.status == 200
    assert {s["service_code"] for s in await resp.json()} >= {"violation", "hardship"}
    resp = await client.get("/open311/v2/requests.json")
    assert resp.status == 401 and (await resp.json())[0]["code"] == 401


async def test_an_agency_reads_what_was_forwarded_to_it_without_identity(
    client: TestClient,
) -> None:
    boss = await person(client, "giang", "supervisor")
    police = await person(client, "ca-tdm", "agency", agency="Công an Thủ Dầu Một")
    token = police["Authorization"].split()[1]
    # The ward's committee reads its reports by e-mail; forwarding reaches everyone it names.
    ward = Agency("UBND Phú Cường, Thủ Dầu Một", "ubnd.phucuong@example.vn")
    await client.app[CASEWORK].hotline.routing.put_agency(ward)
    sent = await filed(client, source="rest:1")
    other = await filed(client, source="rest:2")
    resp = await client.post(
        f"/api/tickets/{sent.code}/status",
        headers=boss,
        json={"status": "forwarded", "note": "người báo 0912345678"},
    )
    assert resp.status == 200

    in_url = await client.get(f"/open311/v2/requests.json?api_key={token}")
    assert in_url.status == 401  # tokens in URLs land in access logs: headers only
    resp = await client.get("/open311/v2/requests.json", headers=police)
    raw = await resp.read()
    [request] = await resp.json()
    assert anonymous(raw)
    assert request["service_request_id"] == sent.code and request["status"] == "open"
    assert request["agency_responsible"].startswith("UBND Phú Cường")
    assert request["expected_datetime"] == sent.due_at.astimezone(VIETNAM).isoformat()
    assert request["expected_datetime"].endswith("+07:00")
    one = await client.get(f"/open311/v2/requests/{sent.code}.json", headers=police)
    assert one.status == 200 and anonymous(await one.read())
    hidden = await client.get(f"/open311/v2/requests/{other.code}.json", headers=police)
    assert hidden.status == 404
    staff = await (await client.get("/open311/v2/requests.json", headers=boss)).json()
    assert {r["service_request_id"] for r in staff} == {sent.code, other.code}
    closed = await client.get("/open311/v2/requests.json?status=closed", headers=police)
    assert await closed.json() == []


async def test_another_system_files_a_request_and_its_contact_stays_inside(
    client: TestClient,
) -> None:
    portal = await person(client, "cong-thong-tin", "agent")
    form = {
        "service_code": "hardship",
        "description": "Gia đình 5 người thiếu gạo",
        "district": "Thuận An",
        "ward": "An Phú",
        "first_name": "Lê Thị",
        "last_name": "C",
        "phone": "0909000111",
        "lat": "10.95",
        "long": "106.70",
    }
    resp = await client.post("/open311/v2/requests.json", data=form, headers=portal)
    assert resp.status == 201, await resp.text()
    [made] = await resp.json()
    ticket = await client.app[CASEWORK].hotline.desk.store.get(made["service_request_id"])
    assert ticket is not None and ticket.channel == "open311"
    assert ticket.agencies == ("UBND An Phú, Thuận An",)
    assert ticket.reporter is not None and ticket.reporter.phone == "0909000111"
    back = await client.get(f"/open311/v2/requests/{ticket.code}.json", headers=portal)
    assert back.status == 200 and anonymous(await back.read())
    assert (await back.json())[0]["lat"] == 10.95
    form["service_code"] = "nonsense"
    assert (await client.post("/open311/v2/requests.json", data=form)).status == 401
    refused = await client.post("/open311/v2/requests.json", data=form, headers=portal)
    assert refused.status == 400

"""The FAQ API: admins only; validation; and what the bot answers follows every write."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.office import login, person

FISHING = "Có được đi câu cá không?"
ENTRY: dict[str, Any] = {
    "id": "di-cau-ca",
    "questions": [FISHING, "đi câu cá có bị phạt không"],
    "answer": "Theo Chỉ thị 16, đi câu cá là hoạt động không thiết yếu: chưa được phép.",
    "topic": "quy_dinh",
    "status": "published",
}


async def test_only_admins_use_the_faq_api(client: TestClient) -> None:
    agent = await person(client, "lan", "agent")
    supervisor = await person(client, "minh", "supervisor")
    agency = await person(client, "cq", "agency", agency="Công an tỉnh")
    calls = [
        ("GET", "/api/faq", None),
        ("POST", "/api/faq", ENTRY),
        ("GET", "/api/faq/cach-ly-f1", None),
        ("PUT", "/api/faq/di-cau-ca", ENTRY),
        ("DELETE", "/api/faq/di-cau-ca", None),
        ("GET", "/api/faq/di-cau-ca/versions", None),
        ("POST", "/api/faq/di-cau-ca/rollback", {"version": 1}),
    ]
    for method, path, body in calls:
        anonymous = await client.request(method, path, json=body)
        assert anonymous.status == 401, (method, path)
        for headers in (agent, supervisor, agency):
            refused = await client.request(method, path, json=body, headers=headers)
            assert refused.status == 403, (method, path)
    assert (await client.get("/api/faq")).status == 401


async def test_crud_with_reasons_for_bad_entries(client: TestClient) -> None:
    admin = await person(client, "an", "admin")
    created = await client.post("/api/faq", json=ENTRY, headers=admin)
    assert created.status == 201
    body = await created.json()
    assert body["version"] == 1 and body["questions"] == ENTRY["questions"]
    assert (await client.post("/api/faq", json=ENTRY, headers=admin)).status == 409

    bad = await client.post("/api/faq", json={**ENTRY, "id": "Câu Cá", "answer": ""}, headers=admin)
    assert bad.status == 400
    assert "id:" in (await bad.json())["reasons"][0]
    bad_status = await client.put(
        "/api/faq/di-cau-ca", json={**ENTRY, "status": "live"}, headers=admin
    )
    assert bad_status.status == 400 and "status" in (await bad_status.json())["reasons"][0]
    other_id = await client.put("/api/faq/di-cau-ca", json={**ENTRY, "id": "khac"}, headers=admin)
    assert other_id.status == 400
    not_json = await client.post("/api/faq", data="x", headers=admin)
    assert not_json.status == 415  # not declared as JSON: refused before reading

    got = await (await client.get("/api/faq/di-cau-ca", headers=admin)).json()
    assert got["answer"] == ENTRY["answer"] and got["status"] == "published"
    assert (await client.get("/api/faq/khong-co", headers=admin)).status == 404

    everything = await (await client.get("/api/faq", headers=admin)).json()
    listed = await (await client.get("/api/faq?q=đi câu cá&status=published", headers=admin)).json()
    found = [e["id"] for e in listed["entries"]]
    assert "di-cau-ca" in found and len(found) < len(everything["entries"])  # folded words
    topic = await (await client.get("/api/faq?topic=quy_dinh", headers=admin)).json()
    assert all(e["topic"] == "quy_dinh" for e in topic["entries"]) and topic["entries"]
    assert (await client.get("/api/faq?status=live", headers=admin)).status == 400

    assert (await client.delete("/api/faq/di-cau-ca", headers=admin)).status == 204
    assert (await client.delete("/api/faq/di-cau-ca", headers=admin)).status == 404
    assert (await client.get("/api/faq/di-cau-ca", headers=admin)).status == 404


async def test_the_bots_next_answer_follows_edits_and_rollbacks(
    client: TestClient, chat: RestChat
) -> None:
    admin = await person(client, "an", "admin")
    await chat.say(FISHING)
    assert "Chỉ thị 16" not in chat.text

    draft = await client.post("/api/faq", json={**ENTRY, "status": "draft"}, headers=admin)
    assert draft.status == 201
    await chat.say(FISHING)
    assert "Chỉ thị 16" not in chat.text  # a draft is not live

    await client.put("/api/faq/di-cau-ca", json=ENTRY, headers=admin)  # publish: version 2
    await chat.say(FISHING)
    assert chat.text == ENTRY["answer"]

    changed = {**ENTRY, "answer": "Từ 15/9 theo Chỉ thị 18, được đi câu cá, không tụ tập."}
    assert (await client.put("/api/faq/di-cau-ca", json=changed, headers=admin)).status == 200
    await chat.say(FISHING)
    assert chat.text == changed["answer"]

    rolled = await client.post("/api/faq/di-cau-ca/rollback", json={"version": 2}, headers=admin)
    assert rolled.status == 200 and (await rolled.json())["version"] == 4
    await chat.say(FISHING)
    assert chat.text == ENTRY["answer"]

    versions = await (await client.get("/api/faq/di-cau-ca/versions", headers=admin)).json()
    assert [(v["version"], v["author"], v["action"]) for v in versions["versions"]] == [
        (4, "an", "rolled_back"),
        (3, "an", "edited"),
        (2, "an", "published"),
        (1, "an", "created"),
    ]
    missing = await client.post("/api/faq/di-cau-ca/rollback", json={"version": 9}, headers=admin)
    assert missing.status == 404

    assert (await client.delete("/api/faq/di-cau-ca", headers=admin)).status == 204
    await chat.say(FISHING)
    assert "Chỉ thị 16" not in chat.text


async def test_cookie_writes_need_the_csrf_token(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    refused = await client.post("/api/faq", json=ENTRY)
    assert refused.status == 403
    created = await client.post("/api/faq", json=ENTRY, headers={"X-CSRF-Token": csrf})
    assert created.status == 201
    assert (await client.get("/api/faq/di-cau-ca")).status == 200  # reads need no token

"""Rules as data: routing rules and agencies edited on the page, people and passwords."""

from __future__ import annotations

from datetime import timedelta

from aiohttp.test_utils import TestClient

from hotline.web.keys import ADMIN_TOOLS
from tests.support.hotline import hotline_of
from tests.support.office import PASSWORD, filed, login, person

RULES = """
- category: violation
  district: Dĩ An
  team: doi-di-an
  agencies: [Công an TP Dĩ An]
- category: "*"
  team: agents
"""


async def test_routing_rules_and_agencies_edited_on_the_page(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    page = await (await client.get("/admin/rules")).text()
    assert "Cơ quan chức năng và liên hệ" in page and "Trung tâm Cấp cứu 115" in page
    deadlines = await (await client.get("/admin/categories")).text()
    assert 'name="hours_violation" type="number"' in deadlines
    assert (
        'name="hours_emergency" type="number" min="0.25" max="72" step="0.25" value="1"'
        in deadlines
    )

    bad = await client.post("/admin/rules", data={"csrf_token": csrf, "rules": "- team: x"})
    assert bad.status == 400 and "quy tắc 1" in await bad.text()
    # Unknown teams and agencies are refused, in Vietnamese, until they exist.
    unknown = await client.post("/admin/rules", data={"csrf_token": csrf, "rules": RULES})
    said = await unknown.text()
    assert unknown.status == 400 and "không có tổ “doi-di-an”" in said
    assert "chưa có cơ quan Công an TP Dĩ An trong danh bạ" in said
    await person(client, "dian", team="doi-di-an")
    await client.post(
        "/admin/rules/agencies", data={"csrf_token": csrf, "name": "Công an TP Dĩ An"}
    )
    saved = await client.post("/admin/rules", data={"csrf_token": csrf, "rules": RULES})
    assert "Đã lưu quy tắc" in await saved.text()
    ticket = await filed(client, district="Dĩ An", ward="Dĩ An", source="rest:r-1")
    assert (ticket.team, ticket.agencies) == ("doi-di-an", ("Công an TP Dĩ An",))

    await client.post(
        "/admin/rules/agencies",
        data={"csrf_token": csrf, "name": "Công an TP Dĩ An", "email": "ca.dian@example.vn"},
    )
    agencies = await hotline_of(client).routing.agencies()
    assert any(a.email == "ca.dian@example.vn" for a in agencies)
    bad_mail = await client.post(
        "/admin/rules/agencies", data={"csrf_token": csrf, "name": "X", "email": "khong-phai"}
    )
    assert bad_mail.status == 400


async def test_adding_people_and_resetting_a_password(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    added = await client.post(
        "/admin/users",
        data={"csrf_token": csrf, "name": "lan", "role": "agent", "password": PASSWORD},
    )
    assert "Đã thêm người dùng" in await added.text()
    again = await client.post(
        "/admin/users",
        data={"csrf_token": csrf, "name": "lan", "role": "agent", "password": PASSWORD},
    )
    assert again.status == 400 and "đã có" in await again.text()
    short = await client.post(
        "/admin/users/lan/password", data={"csrf_token": csrf, "password": "ngan"}
    )
    assert short.status == 400
    reset = await client.post(
        "/admin/users/lan/password", data={"csrf_token": csrf, "password": "mat-khau-moi-2021"}
    )
    assert "Đã đặt lại mật khẩu" in await reset.text()
    assert (
        await client.post("/login", json={"username": "lan", "password": PASSWORD})
    ).status == 401
    ok = await client.post("/login", json={"username": "lan", "password": "mat-khau-moi-2021"})
    assert ok.status == 200


async def test_deadlines_and_canned_responses_are_edited_live_and_kept(
    client: TestClient,
) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    fields = {"csrf_token": csrf}
    for category in ("violation", "contact_tip", "hardship", "emergency", "health", "feedback"):
        fields[f"hours_{category}"] = "5"
        fields[f"priority_{category}"] = "normal"
    bad = await client.post("/admin/categories/deadlines", data={**fields, "hours_other": "0"})
    assert bad.status == 400 and "other" in await bad.text()
    saved = await client.post(
        "/admin/categories/deadlines",
        data={**fields, "hours_other": "2,5", "priority_other": "high"},
    )
    assert "Đã lưu thời hạn" in await saved.text()
    ticket = await filed(client, category="other", source="rest:d-1")
    assert ticket.due_at - ticket.created_at == timedelta(hours=2, minutes=30)
    assert ticket.priority == "high"

    canned = "- id: chao\n  title: Chào hỏi\n  text: Xin chào, phiếu {code} đã được nhận.\n"
    broken = await client.post(
        "/admin/categories/canned", data={"csrf_token": csrf, "canned": "- id: x"}
    )
    assert broken.status == 400 and "mục 1" in await broken.text()
    await client.post("/admin/categories/canned", data={"csrf_token": csrf, "canned": canned})
    agent = await person(client, "lan", "agent")
    listed = await (await client.get(f"/api/canned?code={ticket.code}", headers=agent)).json()
    assert listed["responses"] == [
        {
            "id": "chao",
            "title": "Chào hỏi",
            "text": f"Xin chào, phiếu {ticket.code} đã được nhận.",
            "categories": [],
        }
    ]
    kept = await client.app[ADMIN_TOOLS].rules.get("deadlines")  # type: ignore[index]
    assert kept["other"] == {"hours": 2.5, "priority": "high"}  # a restart applies it again


async def test_canned_responses_are_added_changed_and_deleted_by_form(
    client: TestClient,
) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    agent = await person(client, "lan")
    ticket = await filed(client, source="rest:canned-1")
    form = {"csrf_token": csrf, "action": "save", "title": "Đã chuyển công an"}
    added = await client.post(
        "/admin/categories/canned/one",
        data={**form, "text": "Phiếu {code} đã chuyển công an.", "categories": "violation"},
    )
    assert "Đã lưu câu trả lời mẫu" in await added.text()
    listed = await (await client.get(f"/api/canned?code={ticket.code}", headers=agent)).json()
    said = {c["id"]: c for c in listed["responses"]}
    assert f"Phiếu {ticket.code} đã chuyển công an." in said["da-chuyen-cong-an"]["text"]

    changed = {**form, "id": "da-chuyen-cong-an", "text": "Đã chuyển công an xã."}
    await client.post("/admin/categories/canned/one", data=changed)
    kept = client.app[ADMIN_TOOLS].casework.canned  # type: ignore[index]
    [mine] = [c for c in kept if c.id == "da-chuyen-cong-an"]
    assert mine.text == "Đã chuyển công an xã." and mine.categories == ()

    empty = await client.post("/admin/categories/canned/one", data={**form, "text": " "})
    assert empty.status == 400 and "cần tiêu đề và nội dung" in await empty.text()
    gone = {"csrf_token": csrf, "action": "delete", "id": "da-chuyen-cong-an"}
    assert (
        "Đã xóa câu trả lời mẫu"
        in await (await client.post("/admin/categories/canned/one", data=gone)).text()
    )
    assert all(c.id != "da-chuyen-cong-an" for c in client.app[ADMIN_TOOLS].casework.canned)  # type: ignore[index]

"""Import and export from the page: good rows saved as edits, bad rows reported with why."""

from __future__ import annotations

import csv
import io

from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.office import login, person

CSV = """id,topic,status,questions,answer
di-cau-ca,quy_dinh,published,Có được đi câu cá không? | di cau ca,Chưa được đi câu cá (Chỉ thị 16).
Sai Mã,quy_dinh,published,câu hỏi,trả lời
thieu-tra-loi,quy_dinh,draft,câu hỏi nào đó,
sai-trang-thai,quy_dinh,live,câu hỏi khác,trả lời khác
di-cau-ca,quy_dinh,draft,trùng mã,trả lời
"""


async def test_import_saves_good_rows_and_reports_bad_ones(
    client: TestClient, chat: RestChat
) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    resp = await client.post(
        "/admin/faq/import", data={"csrf_token": csrf, "format": "csv", "content": CSV}
    )
    text = await resp.text()
    assert resp.status == 200
    assert "Đã đọc 1 mục hợp lệ; 1 mục mới hoặc thay đổi đã được lưu. 4 dòng bị từ chối." in text
    for where, why in [
        ("line 3 (Sai Mã)", "id: chỉ gồm chữ thường"),
        ("line 4 (thieu-tra-loi)", "answer: thiếu câu trả lời"),
        ("line 5 (sai-trang-thai)", "status: phải là"),
        ("line 6 (di-cau-ca)", "duplicate id"),
    ]:
        assert f"<td>{where}</td>" in text and why in text
    await chat.say("Có được đi câu cá không?")
    assert chat.text == "Chưa được đi câu cá (Chỉ thị 16)."
    history = await (await client.get("/api/faq/di-cau-ca/versions")).json()
    assert history["versions"][0]["author"] == "an"

    broken = await client.post(
        "/admin/faq/import", data={"csrf_token": csrf, "format": "yaml", "content": "faq: ["}
    )
    assert "invalid YAML" in await broken.text()
    empty = await client.post("/admin/faq/import", data={"csrf_token": csrf, "content": " "})
    assert empty.status == 400 and "trống" in await empty.text()


async def test_export_gives_files_that_import_back(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    resp = await client.get("/admin/faq/export?format=csv")
    assert resp.headers["Content-Disposition"].endswith('.csv"')
    exported = (await resp.text()).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) > 10 and all(r["status"] in ("draft", "published") for r in rows)
    yaml_text = await (await client.get("/admin/faq/export?format=yaml")).text()
    assert yaml_text.startswith("faq:")
    yaml_text += "# " + "ghi chú của quản trị " * 400 + "\n"  # comments are allowed
    assert len(yaml_text.encode()) > 64 * 1024  # more than a form post may carry
    again = await client.post(  # as the page's script sends a chosen file
        "/admin/faq/import?format=yaml",
        data=yaml_text.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8", "X-CSRF-Token": csrf},
    )
    assert f"Đã đọc {len(rows)} mục hợp lệ; 0 mục mới hoặc thay đổi" in await again.text()
    no_token = await client.post(
        "/admin/faq/import?format=yaml", data=b"faq: []", headers={"Content-Type": "text/plain"}
    )
    assert no_token.status == 403

"""FAQ editing pages: who may open them, CSRF, edit, publish, roll back, and the bot's answer."""

from __future__ import annotations

import re
from urllib.parse import unquote

from aiohttp.test_utils import TestClient

from tests.support.chat import RestChat
from tests.support.office import login, person

FISHING = "Có được đi câu cá không?"
ANSWER = "Theo Chỉ thị 16, đi câu cá là hoạt động không thiết yếu: chưa được phép."
ADMIN_PAGES = [
    "/admin/faq",
    "/admin/faq/new",
    "/admin/faq/cach-ly-f1-bao-lau",
    "/admin/faq/transfer",
    "/admin/faq/export?format=csv",
    "/admin/try?text=cach+ly",
    "/admin/unanswered",
    "/admin/rules",
    "/admin/categories",
    "/admin/users",
]
ADMIN_POSTS = [
    "/admin/faq/new",
    "/admin/faq/cach-ly-f1-bao-lau",
    "/admin/faq/cach-ly-f1-bao-lau/rollback",
    "/admin/faq/cach-ly-f1-bao-lau/delete",
    "/admin/faq/import",
    "/admin/rules",
    "/admin/rules/agencies",
    "/admin/categories/deadlines",
    "/admin/categories/canned",
    "/admin/users",
    "/admin/users/lan/password",
]
SUPERVISOR_PAGES = ["/admin/dashboard", "/admin/dashboard.csv"]


def form(csrf: str, **fields: str) -> dict[str, str]:
    return {"csrf_token": csrf, **fields}


async def test_anonymous_visitors_are_sent_to_log_in(client: TestClient) -> None:
    for path in [*ADMIN_PAGES, *SUPERVISOR_PAGES, "/admin"]:
        resp = await client.get(path, allow_redirects=False)
        assert resp.status == 303, path
        location = unquote(resp.headers["Location"])
        assert location.startswith("/login?next=/admin"), path
        assert location.endswith(path.split("?")[0]) or "?" in path, path
    for path in ADMIN_POSTS:
        assert (await client.post(path, data={"x": "1"})).status == 401, path


async def test_each_role_sees_only_its_pages(client: TestClient) -> None:
    for name, role in (("lan", "agent"), ("cq", "agency")):
        await person(client, name, role, agency="Công an tỉnh" if role == "agency" else "")
        csrf = await login(client, name)
        for path in [*ADMIN_PAGES, *SUPERVISOR_PAGES, "/admin"]:
            resp = await client.get(path, allow_redirects=False)
            assert resp.status == 403, (role, path)
            assert "Không có quyền" in await resp.text()
        for path in ADMIN_POSTS:
            assert (await client.post(path, data=form(csrf))).status == 403, (role, path)
        client.session.cookie_jar.clear()

    await person(client, "minh", "supervisor")
    csrf = await login(client, "minh")
    for path in ADMIN_PAGES:
        assert (await client.get(path)).status == 403, path
    for path in ADMIN_POSTS:
        assert (await client.post(path, data=form(csrf))).status == 403, path
    for path in SUPERVISOR_PAGES:
        assert (await client.get(path)).status == 200, path
    home = await client.get("/admin", allow_redirects=False)
    assert home.headers["Location"] == "/admin/dashboard"

    client.session.cookie_jar.clear()
    await person(client, "an", "admin")
    await login(client, "an")
    for path in [*ADMIN_PAGES, *SUPERVISOR_PAGES]:
        assert (await client.get(path)).status == 200, path


async def test_admin_posts_need_the_csrf_token(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    fields = {"id": "di-cau-ca", "questions": FISHING, "answer": ANSWER, "topic": "quy_dinh"}
    refused = await client.post("/admin/faq/new", data=fields)
    assert refused.status == 403 and "CSRF" in await refused.text()
    wrong = await client.post("/admin/faq/new", data=form("sai", **fields))
    assert wrong.status == 403
    ok = await client.post("/admin/faq/new", data=form(csrf, **fields), allow_redirects=False)
    assert ok.status == 303 and ok.headers["Location"] == "/admin/faq/di-cau-ca?msg=saved"


async def test_edit_publish_and_roll_back_change_the_bots_next_answer(
    client: TestClient, chat: RestChat
) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    fields = {"id": "di-cau-ca", "questions": f"{FISHING}\ndi cau ca", "topic": "quy_dinh"}

    invalid = await client.post("/admin/faq/new", data=form(csrf, **fields, answer=""))
    assert invalid.status == 400 and "answer" in await invalid.text()
    assert "di-cau-ca" in await invalid.text()  # what was typed is kept

    saved = await client.post("/admin/faq/new", data=form(csrf, **fields, answer=ANSWER))
    assert saved.status == 200 and "Bản nháp" in await saved.text()
    await chat.say(FISHING)
    assert ANSWER not in chat.text  # a draft is not live

    edit = {"questions": fields["questions"], "topic": "quy_dinh", "answer": ANSWER}
    await client.post("/admin/faq/di-cau-ca", data=form(csrf, **edit, action="publish"))
    await chat.say(FISHING)
    assert chat.text == ANSWER

    new_answer = "Từ 15/9 theo Chỉ thị 18, được đi câu cá nhưng không tụ tập."
    page = await client.post(
        "/admin/faq/di-cau-ca", data=form(csrf, **{**edit, "answer": new_answer}, action="keep")
    )
    text = await page.text()
    assert "Đã lưu" in text and "Đã xuất bản" in text
    await chat.say(FISHING)
    assert chat.text == new_answer

    history = re.findall(r'name="version" value="(\d+)"', text)
    assert history == ["2", "1"]  # the current version 3 has no "restore" button
    assert text.count("<td>an</td>") == 3
    rolled = await client.post("/admin/faq/di-cau-ca/rollback", data=form(csrf, version="2"))
    assert "Đã khôi phục" in await rolled.text()
    await chat.say(FISHING)
    assert chat.text == ANSWER

    await client.post("/admin/faq/di-cau-ca", data=form(csrf, **edit, action="unpublish"))
    await chat.say(FISHING)
    assert ANSWER not in chat.text

    listing = await (await client.get("/admin/faq?q=cau ca&status=draft")).text()
    assert "/admin/faq/di-cau-ca" in listing
    deleted = await client.post("/admin/faq/di-cau-ca/delete", data=form(csrf))
    assert "Đã xóa" in await deleted.text()
    assert (await client.get("/admin/faq/di-cau-ca")).status == 404


async def test_pages_escape_what_admins_type(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    evil = '<script>alert("x")</script>'
    fields = {"id": "thu-xss", "questions": f"câu hỏi {evil}", "topic": "quy_dinh"}
    await client.post("/admin/faq/new", data=form(csrf, **fields, answer=f"đáp {evil}"))
    for path in ("/admin/faq/thu-xss", "/admin/faq?q=" + evil, f"/admin/faq?thu={evil}"):
        text = await (await client.get(path)).text()
        assert "<script>alert" not in text and "&lt;script&gt;" in text, path


async def test_the_try_box_says_what_the_bot_would_answer_and_how_sure(
    client: TestClient,
) -> None:
    await person(client, "an", "admin")
    await login(client, "an")
    sure = await (await client.get("/admin/try", params={"text": "F1 cách ly mấy ngày"})).text()
    assert "ask_faq" in sure and "Bot trả lời bằng mục" in sure and "điểm 0." in sure
    other = await (await client.get("/admin/try", params={"text": "quán karaoke mở cửa"})).text()
    assert "không tra FAQ" in other
    page = await (await client.get("/admin/faq", params={"thu": "F1 cách ly mấy ngày"})).text()
    assert "Bot trả lời bằng mục" in page

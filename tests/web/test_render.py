"""Every page escapes what people typed: an FAQ entry, a citizen's question, a ticket, a user,
an agency and a canned response carrying markup are shown as text and never run."""

from __future__ import annotations

import ast
from pathlib import Path

from aiohttp.test_utils import TestClient

import hotline.web
from hotline.handoff.lifecycle import Lifecycle
from hotline.web.render import vietnam_time
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.office import PASSWORD, login, person

EVIL = "<img src=x onerror=alert(1)><script>alert('x')</script>"


def shown_as_text(page: str) -> bool:
    return "<img src=x" not in page and "<script>alert" not in page and "&lt;img src=x" in page


async def test_admin_pages_escape_entries_questions_users_agencies_and_canned_text(
    client: TestClient, chat: RestChat
) -> None:
    # A question no entry answers, asked in the chat: on the unanswered list, whatever the bot
    # took it for.
    await chat.say(f"xin hỏi zzkq {EVIL}")
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    entry = {"id": "thu-xss", "questions": f"hỏi {EVIL}", "topic": "quy_dinh", "answer": EVIL}
    await client.post("/admin/faq/new", data={"csrf_token": csrf, **entry, "action": "publish"})
    edited = {**entry, "questions": f"hỏi lại {EVIL}", "action": "keep"}
    await client.post("/admin/faq/thu-xss", data={"csrf_token": csrf, **edited})
    staff = {"name": "lan", "role": "agency", "password": PASSWORD, "team": EVIL, "agency": EVIL}
    await client.post("/admin/users", data={"csrf_token": csrf, **staff})
    await client.post("/admin/rules/agencies", data={"csrf_token": csrf, "name": EVIL})
    canned = f"- id: x\n  title: '{EVIL}'\n  text: '{EVIL}'\n".replace("'x'", "''x''")
    await client.post("/admin/categories/canned", data={"csrf_token": csrf, "canned": canned})

    for path in (
        "/admin/faq",
        "/admin/faq/thu-xss",  # the form and the version history
        f"/admin/faq?q=hỏi&thu={EVIL}",  # the try box keeps the typed question
        f"/admin/try?text=hỏi {EVIL}",  # the try box's fragment names the matching entry
        "/admin/unanswered",
        "/admin/users",
        "/admin/rules",
        "/admin/categories",
    ):
        page = await (await client.get(path)).text()
        assert shown_as_text(page), path


async def test_a_user_name_with_markup_is_refused(client: TestClient) -> None:
    await person(client, "an", "admin")
    csrf = await login(client, "an")
    bad = {"name": EVIL, "role": "agent", "password": PASSWORD}
    refused = await client.post("/admin/users", data={"csrf_token": csrf, **bad})
    assert refused.status == 400
    assert "<script>alert" not in await refused.text()
    assert EVIL not in [u.name for u in await hotline_of(client).users.list()]


async def test_a_ticket_and_its_answer_are_escaped_on_the_status_page(client: TestClient) -> None:
    report = {"category": "violation", "description": EVIL, "district": "Thủ Dầu Một"}
    resp = await client.post("/api/reports", json={**report, "ward": "Phú Lợi", "address": EVIL})
    code = (await resp.json())["code"]
    await Lifecycle(hotline_of(client).desk.store).set_status(code, "resolved", "p", EVIL)
    page = await (await client.get("/status", params={"code": code})).text()
    assert shown_as_text(page)
    assert page.count("&lt;img src=x") == 1  # the answer: never the description or the place


def test_pages_are_built_only_by_the_template_engine() -> None:
    """No hand-rolled escaping or string templates for HTML beside the one engine."""
    web = Path(hotline.web.__file__).parent
    builders = [
        f"{path.relative_to(web)} imports {name}"
        for path in web.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in _imported(node)
        if name in ("html", "string", "markupsafe") or name.startswith(("html.", "string."))
    ]
    assert builders == []


def _imported(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names]


def test_stored_utc_moments_are_shown_in_vietnam_time() -> None:
    assert vietnam_time("2026-11-28T17:30:00+00:00") == "00:30 29/11/2026"
    assert vietnam_time("2026-11-28T03:05:00") == "10:05 28/11/2026"  # no zone: UTC
    assert vietnam_time(None) == "" and vietnam_time("") == ""

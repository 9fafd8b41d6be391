"""Ticket categories with their deadlines and priorities, and the agents' canned responses."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any

import yaml
from aiohttp import web

from hotline import yaml_text
from hotline.bot.dialogs.texts import CATEGORY_NAMES
from hotline.handoff.canned import CannedResponse
from hotline.handoff.deadlines import CATEGORIES
from hotline.handoff.rules import (
    CANNED,
    DEADLINES,
    canned_doc,
    canned_from,
    deadlines_doc,
    policy_from,
)
from hotline.handoff.tickets import PRIORITIES
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import page, see_other
from hotline.web.keys import ADMIN_TOOLS

PRIORITY_NAMES = {"urgent": "Khẩn", "high": "Cao", "normal": "Thường", "low": "Thấp"}
NOTICES = {
    "deadlines": "Đã lưu thời hạn. Phiếu mới tiếp nhận từ giờ theo thời hạn này.",
    "canned": "Đã lưu câu trả lời mẫu. Tổng đài viên thấy ngay khi mở phiếu.",
    "canned_deleted": "Đã xóa câu trả lời mẫu.",
}
NEEDS_TITLE_AND_TEXT = "Chưa lưu: câu trả lời mẫu cần tiêu đề và nội dung."


def slug(title: str) -> str:
    """An id from a title: "Đã chuyển công an" → "da-chuyen-cong-an"."""
    plain = unicodedata.normalize("NFKD", title.replace("đ", "d").replace("Đ", "D"))
    ascii_only = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")[:60] or "mau"


@page_for(*ADMINS)
async def save_one_canned(request: web.Request) -> web.StreamResponse:
    """One canned response from the form: added, changed in place, or deleted."""
    admin = request.app[ADMIN_TOOLS]
    form = await request.post()
    responses = list(admin.casework.canned)
    known = str(form.get("id", ""))
    at = next((i for i, c in enumerate(responses) if c.id == known), None)
    if form.get("action") == "delete":
        if at is not None:
            del responses[at]
        return await _store_canned(request, responses, "canned_deleted")
    title, text = str(form.get("title", "")).strip(), str(form.get("text", "")).strip()
    if not title or not text:
        return _page(request, error=NEEDS_TITLE_AND_TEXT, status=400)
    categories = tuple(c for c in map(str, form.getall("categories", [])) if c in CATEGORIES)
    if at is not None:
        responses[at] = replace(responses[at], title=title, text=text, categories=categories)
    else:
        taken = {c.id for c in responses}
        new_id, n = slug(title), 2
        while new_id in taken:
            new_id, n = f"{slug(title)}-{n}", n + 1
        responses.append(CannedResponse(new_id, title, text, categories))
    return await _store_canned(request, responses, "canned")


async def _store_canned(
    request: web.Request, responses: list[CannedResponse], msg: str
) -> web.StreamResponse:
    admin = request.app[ADMIN_TOOLS]
    await admin.rules.put(CANNED, canned_doc(responses), viewer(request).name)
    admin.casework.canned[:] = responses
    return see_other(f"/admin/categories?msg={msg}")


@page_for(*ADMINS)
async def categories_page(request: web.Request) -> web.StreamResponse:
    return _page(request, msg=request.query.get("msg", ""))


@page_for(*ADMINS)
async def save_deadlines(request: web.Request) -> web.StreamResponse:
    """Form fields `hours_<category>` and `priority_<category>` for every category."""
    admin = request.app[ADMIN_TOOLS]
    form = await request.post()
    doc = {
        c: {"hours": str(form.get(f"hours_{c}", "")), "priority": str(form.get(f"priority_{c}"))}
        for c in CATEGORIES
    }
    try:
        policy = policy_from(doc)
    except ValueError as exc:
        return _page(request, error=f"Chưa lưu: {exc}", status=400)
    await admin.rules.put(DEADLINES, deadlines_doc(policy), viewer(request).name)
    admin.hotline.desk.policy = policy
    return see_other("/admin/categories?msg=deadlines")


@page_for(*ADMINS)
async def save_canned(request: web.Request) -> web.StreamResponse:
    admin = request.app[ADMIN_TOOLS]
    text = str((await request.post()).get("canned", ""))
    try:
        data: Any = yaml_text.read(text)
        responses = canned_from(data)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (dòng {where.line + 1})" if where is not None else ""
        error = f"Chưa lưu: nội dung không đúng dạng YAML{line}."
        return _page(request, error=error, draft=text, status=400)
    except ValueError as exc:
        return _page(request, error=f"Chưa lưu: {exc}", draft=text, status=400)
    await admin.rules.put(CANNED, canned_doc(responses), viewer(request).name)
    admin.casework.canned[:] = responses
    return see_other("/admin/categories?msg=canned")


def _page(
    request: web.Request,
    msg: str = "",
    error: str = "",
    draft: str | None = None,
    status: int = 200,
) -> web.Response:
    admin = request.app[ADMIN_TOOLS]
    policy = admin.hotline.desk.policy
    deadlines = [
        (
            c,
            CATEGORY_NAMES.get(c, c),
            f"{policy.window(c).total_seconds() / 3600:g}",
            policy.priority(c),
        )
        for c in CATEGORIES
    ]
    text = draft
    if text is None:
        doc = canned_doc(admin.casework.canned)
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=90)
    return page(
        viewer(request),
        "Thời hạn, trả lời mẫu",
        "categories.html",
        status=status,
        active="/admin/categories",
        deadlines=deadlines,
        priorities=[(p, PRIORITY_NAMES[p]) for p in PRIORITIES],
        canned=admin.casework.canned,
        category_choices=[(c, CATEGORY_NAMES.get(c, c)) for c in CATEGORIES],
        category_names=CATEGORY_NAMES,
        canned_text=text,
        notice=NOTICES.get(msg, ""),
        error=error,
    )

"""Ticket categories with their deadlines and priorities, and the agents' canned responses."""

from __future__ import annotations

from typing import Any

import yaml
from aiohttp import web

from hotline.bot.dialogs.texts import CATEGORY_NAMES
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
}


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
        data: Any = yaml.safe_load(text)
        responses = canned_from(data)
    except (yaml.YAMLError, ValueError) as exc:
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
        canned_text=text,
        notice=NOTICES.get(msg, ""),
        error=error,
    )

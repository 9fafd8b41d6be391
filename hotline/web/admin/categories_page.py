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
from hotline.web.admin.layout import e, notice, options, page, post_form, see_other, table
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
    who = viewer(request)
    admin = request.app[ADMIN_TOOLS]
    policy = admin.hotline.desk.policy
    rows = []
    for c in CATEGORIES:
        hours = f"{policy.window(c).total_seconds() / 3600:g}"
        rows.append(
            (
                e(CATEGORY_NAMES.get(c, c)),
                f"<code>{e(c)}</code>",
                f'<input name="hours_{e(c)}" type="number" min="0.25" max="72" step="0.25"'
                f' value="{e(hours)}" aria-label="Thời hạn (giờ) cho {e(c)}">',
                f'<select name="priority_{e(c)}" aria-label="Mức ưu tiên">'
                f"{options(((p, PRIORITY_NAMES[p]) for p in PRIORITIES), policy.priority(c))}"
                "</select>",
            )
        )
    deadlines = post_form(
        who,
        "/admin/categories/deadlines",
        table(("Loại phiếu", "Mã", "Thời hạn (giờ)", "Mức ưu tiên"), rows, "deadlines")
        + '<div class="buttons"><button>Lưu thời hạn</button></div>',
        "block",
    )
    text = draft
    if text is None:
        doc = canned_doc(admin.casework.canned)
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=90)
    canned_rows = [
        (e(c.title), e(c.text), e(", ".join(c.categories) or "tất cả"))
        for c in admin.casework.canned
    ]
    canned = post_form(
        who,
        "/admin/categories/canned",
        '<label>Sửa câu trả lời mẫu (YAML)<textarea name="canned" rows="14" spellcheck="false">'
        f"{e(text)}</textarea></label><button>Lưu câu trả lời mẫu</button>",
        "block",
    )
    body = f"""<h1>Loại phiếu, thời hạn và câu trả lời mẫu</h1>
{notice(NOTICES.get(msg, ""))}{notice(error, "error")}
<section class="card"><h2>Thời hạn xử lý theo loại phiếu</h2>
<p class="muted">Mỗi phiếu phải được xử lý trong thời hạn tính từ lúc tiếp nhận (mặc định 5 giờ).
Thay đổi áp dụng cho phiếu tiếp nhận sau khi lưu.</p>{deadlines}</section>
<section class="card"><h2>Câu trả lời mẫu của tổng đài viên</h2>
{table(("Tiêu đề", "Nội dung", "Dùng cho"), canned_rows)}
<p class="muted">“{{code}}” và “{{due}}” được điền mã phiếu và hạn xử lý; “categories” để trống
là dùng cho mọi loại phiếu.</p>{canned}</section>"""
    return page(who, "Thời hạn, trả lời mẫu", body, status=status, active="/admin/categories")

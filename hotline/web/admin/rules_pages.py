"""Rules as data: routing rules (category × area → team and agencies) and the agencies with
their contacts, edited by admins; the next ticket filed follows them."""

from __future__ import annotations

from typing import Any

import yaml
from aiohttp import web

from hotline.bot.dialogs.texts import CATEGORY_NAMES
from hotline.handoff.routing import Agency, RoutingRule
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import e, notice, page, post_form, see_other, table
from hotline.web.keys import ADMIN_TOOLS

NOTICES = {
    "rules": "Đã lưu quy tắc. Phiếu tiếp theo được chuyển theo quy tắc mới.",
    "agency": "Đã lưu cơ quan.",
}


@page_for(*ADMINS)
async def rules_page(request: web.Request) -> web.StreamResponse:
    return await _page(request, msg=request.query.get("msg", ""))


@page_for(*ADMINS)
async def save_rules(request: web.Request) -> web.StreamResponse:
    """The rules as YAML (a list of {category, district?, ward?, team?, agencies}); all or none."""
    form = await request.post()
    text = str(form.get("rules", ""))
    try:
        rules = parse_rules(text)
    except ValueError as exc:
        return await _page(request, error=f"Chưa lưu: {exc}", draft=text, status=400)
    await request.app[ADMIN_TOOLS].hotline.routing.replace_rules(rules)
    return see_other("/admin/rules?msg=rules")


@page_for(*ADMINS)
async def save_agency(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    try:
        agency = Agency.from_doc({"name": form.get("name"), "email": form.get("email")})
    except ValueError:
        return await _page(request, error="Cơ quan cần có tên.", status=400)
    if agency.email and "@" not in agency.email:
        return await _page(request, error="Địa chỉ e-mail không hợp lệ.", status=400)
    await request.app[ADMIN_TOOLS].hotline.routing.put_agency(agency)
    return see_other("/admin/rules?msg=agency")


def parse_rules(text: str) -> list[RoutingRule]:
    try:
        data: Any = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise ValueError(f"YAML không đọc được: {exc}") from exc
    if not isinstance(data, list):
        raise ValueError("cần một danh sách quy tắc (mỗi quy tắc bắt đầu bằng “- category:”)")
    rules = []
    for number, doc in enumerate(data, start=1):
        try:
            rules.append(RoutingRule.from_doc(doc))
        except ValueError as exc:
            raise ValueError(f"quy tắc {number}: {exc}") from exc
    return rules


async def _page(
    request: web.Request,
    msg: str = "",
    error: str = "",
    draft: str | None = None,
    status: int = 200,
) -> web.Response:
    who = viewer(request)
    store = request.app[ADMIN_TOOLS].hotline.routing
    rules, agencies = await store.rules(), await store.agencies()
    rule_rows = [
        (
            e(CATEGORY_NAMES.get(r.category, r.category)),
            e(r.district or "mọi nơi"),
            e(r.ward or "—"),
            e(r.team),
            e(", ".join(r.agencies) or "—"),
        )
        for r in rules
    ]
    text = (
        draft
        if draft is not None
        else yaml.safe_dump([r.to_doc() for r in rules], allow_unicode=True, sort_keys=False)
    )
    rules_form = post_form(
        who,
        "/admin/rules",
        '<label>Sửa quy tắc (YAML)<textarea name="rules" rows="14" spellcheck="false">'
        f"{e(text)}</textarea></label>"
        "<button>Lưu quy tắc</button>",
        "block",
    )
    agency_rows = [(e(a.name), e(a.email or "qua Open311")) for a in agencies]
    agency_form = post_form(
        who,
        "/admin/rules/agencies",
        '<label>Tên cơ quan<input name="name" required></label>'
        "<label>E-mail nhận phản ánh (để trống nếu nhận qua Open311)"
        '<input name="email" type="email"></label>'
        "<button>Thêm / cập nhật</button>",
        "block",
    )
    body = f"""<h1>Quy tắc chuyển xử lý</h1>{notice(NOTICES.get(msg, ""))}{notice(error, "error")}
<section class="card"><h2>Quy tắc: loại phiếu × địa bàn → tổ xử lý và cơ quan</h2>
<p class="muted">Quy tắc cụ thể nhất được dùng: theo phường/xã, rồi quận/huyện, rồi loại phiếu,
rồi “*”. Tên cơ quan có thể chứa {{district}} và {{ward}}.</p>
{table(("Loại phiếu", "Quận/huyện", "Phường/xã", "Tổ xử lý", "Cơ quan"), rule_rows)}
{rules_form}</section>
<div class="columns"><section class="card wide"><h2>Cơ quan chức năng và liên hệ</h2>
{table(("Cơ quan", "Nhận phản ánh"), agency_rows)}</section>
<aside class="card"><h2>Thêm hoặc sửa cơ quan</h2>{agency_form}</aside></div>"""
    return page(who, "Quy tắc chuyển xử lý", body, status=status, active="/admin/rules")

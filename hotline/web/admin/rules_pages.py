"""Rules as data: routing rules (category × area → team and agencies) and the agencies with
their contacts, edited by admins; the next ticket filed follows them."""

from __future__ import annotations

from typing import Any

import yaml
from aiohttp import web

from hotline.bot.dialogs.texts import CATEGORY_NAMES
from hotline.handoff.routing import BAD_AGENCY_EMAIL, BAD_AGENCY_NAME, Agency, RoutingRule
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import page, see_other
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
    except ValueError as exc:
        known = str(exc) in (BAD_AGENCY_EMAIL, BAD_AGENCY_NAME)
        return await _page(request, error=str(exc) if known else "Cơ quan cần có tên.", status=400)
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
    store = request.app[ADMIN_TOOLS].hotline.routing
    rules, agencies = await store.rules(), await store.agencies()
    text = (
        draft
        if draft is not None
        else yaml.safe_dump([r.to_doc() for r in rules], allow_unicode=True, sort_keys=False)
    )
    return page(
        viewer(request),
        "Quy tắc chuyển xử lý",
        "rules.html",
        status=status,
        active="/admin/rules",
        rules=rules,
        rules_text=text,
        agencies=agencies,
        category_names=CATEGORY_NAMES,
        notice=NOTICES.get(msg, ""),
        error=error,
    )

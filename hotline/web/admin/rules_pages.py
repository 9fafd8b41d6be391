"""Rules as data: routing rules (category × area → team and agencies) and the agencies with
their contacts, edited by admins; the next ticket filed follows them."""

from __future__ import annotations

from typing import Any

import yaml
from aiohttp import web

from hotline import yaml_text
from hotline.bot.dialogs.texts import CATEGORY_NAMES
from hotline.handoff.agency_directory import check_rules, known_teams, readers
from hotline.handoff.deadlines import CATEGORIES
from hotline.handoff.routing import ANY, BAD_AGENCY_EMAIL, BAD_AGENCY_NAME, Agency, RoutingRule
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import page, see_other
from hotline.web.keys import ADMIN_TOOLS, CASEWORK

NOTICES = {
    "rules": "Đã lưu quy tắc. Phiếu tiếp theo được chuyển theo quy tắc mới.",
    "agency": "Đã lưu cơ quan.",
    "deleted": "Đã xóa quy tắc.",
}
NO_ADDRESS = "chưa có địa chỉ"


async def _problems(request: web.Request, rules: list[RoutingRule]) -> list[str]:
    hotline, places = request.app[ADMIN_TOOLS].hotline, request.app[CASEWORK].places
    return await check_rules(rules, hotline.routing, hotline.users, places, hotline.units.province)


@page_for(*ADMINS)
async def save_rule(request: web.Request) -> web.StreamResponse:
    """One rule from the form's pick-lists: added, put in place of rule N, or deleted."""
    form = await request.post()
    store = request.app[ADMIN_TOOLS].hotline.routing
    rules = await store.rules()
    position = str(form.get("position", "new"))
    index = int(position) - 1 if position.isdigit() else None
    if index is not None and not 0 <= index < len(rules):
        return await _page(request, error="Không có quy tắc này (trang đã cũ?).", status=400)
    if form.get("action") == "delete" and index is not None:
        del rules[index]
        await store.replace_rules(rules)
        return see_other("/admin/rules?msg=deleted")
    doc = {
        "category": str(form.get("category", "")),
        "district": str(form.get("district", "")).strip() or None,
        "ward": str(form.get("ward", "")).strip() or None,
        "team": str(form.get("team", "")),
        "agencies": [str(a) for a in form.getall("agencies", [])],
    }
    try:
        rule = RoutingRule.from_doc(doc)
    except ValueError as exc:
        return await _page(request, error=f"Chưa lưu: {exc}.", status=400)
    if index is None:  # a rule for the same category and place replaces the one there was
        same = (rule.category, rule.district, rule.ward)
        index = next(
            (i for i, r in enumerate(rules) if (r.category, r.district, r.ward) == same), None
        )
    if index is None:
        rules.append(rule)
    else:
        rules[index] = rule
    problems = await _problems(request, rules)
    if problems:
        return await _page(request, error="Chưa lưu. " + " ".join(problems), status=400)
    await store.replace_rules(rules)
    return see_other("/admin/rules?msg=rules")


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
    problems = await _problems(request, rules)
    if problems:
        return await _page(request, error="Chưa lưu. " + " ".join(problems), draft=text, status=400)
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
        data: Any = yaml_text.read(text) or []
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (dòng {where.line + 1})" if where is not None else ""
        raise ValueError(f"nội dung không đúng dạng YAML{line}") from exc
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
    hotline = request.app[ADMIN_TOOLS].hotline
    store = hotline.routing
    rules, agencies = await store.rules(), await store.agencies()
    reading = await readers(hotline.users)
    templates = list(dict.fromkeys(a for r in rules for a in r.agencies))
    names = [a.name for a in agencies]
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
        reachable={
            a.name: a.email or ("qua Open311" if a.name in reading else "") for a in agencies
        },
        no_address=NO_ADDRESS,
        category_choices=[(ANY, "Mọi loại phiếu")]
        + [(c, CATEGORY_NAMES.get(c, c)) for c in CATEGORIES],
        team_choices=sorted(await known_teams(hotline.users)),
        agency_choices=templates + [n for n in names if n not in templates],
        districts=hotline.units.districts,
        wards=sorted({w for d in hotline.units.districts for w in hotline.units.wards_of(d)}),
        category_names=CATEGORY_NAMES,
        notice=NOTICES.get(msg, ""),
        error=error,
    )

"""Back-office reference data: routing rules and agencies (admins edit), people, canned
responses, deadline figures and the audit trail."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from aiohttp import web

from hotline.handoff.agency_directory import known_teams, rule_problems
from hotline.handoff.deadlines import VIETNAM
from hotline.handoff.routing import Agency, RoutingRule
from hotline.handoff.sla import figures
from hotline.handoff.store import TicketQuery
from hotline.handoff.users import STAFF, SUPERVISING, Role
from hotline.web.api.auth import requires
from hotline.web.api.ticket_queue import answers_errors
from hotline.web.api.views import BadRequest, json_body
from hotline.web.day_range import sane_day
from hotline.web.keys import CASEWORK

SLA_DAYS = 30


async def _routing_doc(request: web.Request) -> dict[str, object]:
    store = request.app[CASEWORK].hotline.routing
    return {
        "rules": [r.to_doc() for r in await store.rules()],
        "agencies": [a.to_doc() for a in await store.agencies()],
    }


@requires(*STAFF)
async def show_routing(request: web.Request) -> web.Response:
    return web.json_response(await _routing_doc(request))


@requires(Role.ADMIN)
@answers_errors
async def edit_routing(request: web.Request) -> web.Response:
    """`{"rules": [...], "agencies"?: [...]}`: the rules are replaced, agencies added or updated.
    The next ticket filed is routed by the new rules."""
    body = await json_body(request)
    try:
        rules = [RoutingRule.from_doc(d) for d in body.get("rules") or []]
        agencies = [Agency.from_doc(d) for d in body.get("agencies") or []]
    except (ValueError, AttributeError, TypeError) as exc:
        raise BadRequest(str(exc)) from exc
    if "rules" not in body:
        raise BadRequest(
            "Thiếu danh sách quy tắc (rules); danh sách rỗng chuyển mọi phiếu cho tổng đài viên."
        )
    casework = request.app[CASEWORK]
    store = casework.hotline.routing
    # Known teams and agencies only (those in this body count): "helth" is not a team.
    names = {a.name for a in await store.agencies()} | {a.name for a in agencies}
    teams = await known_teams(casework.hotline.users)
    province = casework.hotline.units.province
    problems = rule_problems(rules, teams, names, casework.places, province)
    if problems:
        raise BadRequest(" ".join(problems))
    await store.replace_rules(rules)
    for agency in agencies:
        await store.put_agency(agency)
    return web.json_response(await _routing_doc(request))


@requires(*STAFF)
async def list_users(request: web.Request) -> web.Response:
    """The people tickets can be transferred to, and who is on duty now."""
    casework = request.app[CASEWORK]
    online = set(casework.assigner.roster.online())
    users = [
        {**u.public(), "online": u.name in online}
        for u in await casework.hotline.users.list()
        if u.active
    ]
    return web.json_response({"users": users})


@requires(*STAFF)
async def list_canned(request: web.Request) -> web.Response:
    """Canned responses; with `?code=` only those fitting that ticket, filled in for it."""
    casework = request.app[CASEWORK]
    code = request.query.get("code")
    ticket = await casework.hotline.desk.store.get(code) if code else None
    responses = [
        {
            "id": c.id,
            "title": c.title,
            "text": c.for_ticket(ticket) if ticket else c.text,
            "categories": list(c.categories),
        }
        for c in casework.canned
        if ticket is None or c.fits(ticket.category)
    ]
    return web.json_response({"responses": responses})


@requires(*STAFF)
@answers_errors
async def deadline_figures(request: web.Request) -> web.Response:
    """Tickets filed from `from` to `to` (YYYY-MM-DD, Vietnam time, both included; the last
    SLA_DAYS days by default) that met and missed their deadline."""
    casework = request.app[CASEWORK]
    since, until = _days(request.query, casework.clock().astimezone(VIETNAM).date())
    filed = TicketQuery(created_from=since, created_until=until, limit=1_000_000)
    tickets = await casework.hotline.desk.store.find(filed)
    return web.json_response(figures(tickets, casework.clock()).to_doc())


def _days(query: Mapping[str, str], today: date) -> tuple[datetime, datetime]:
    try:
        first = date.fromisoformat(query.get("from") or str(today - timedelta(SLA_DAYS - 1)))
        last = date.fromisoformat(query.get("to") or str(today))
        first, last = sane_day(first), sane_day(last)
    except ValueError as exc:
        raise BadRequest("Ngày bắt đầu và kết thúc phải có dạng YYYY-MM-DD.") from exc
    if first > last:
        raise BadRequest("Ngày bắt đầu không được sau ngày kết thúc.")
    return (
        datetime.combine(first, time(), VIETNAM),
        datetime.combine(last + timedelta(days=1), time(), VIETNAM),
    )


@requires(*SUPERVISING)
async def audit_trail(request: web.Request) -> web.Response:
    """Who saw a ticket's reporter, when and why."""
    log = request.app[CASEWORK].hotline.audit
    entries = await log.for_ticket(request.match_info["code"])
    return web.json_response({"entries": [e.to_doc() for e in entries]})


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/api/routing", show_routing),
        web.put("/api/routing", edit_routing),
        web.get("/api/users", list_users),
        web.get("/api/canned", list_canned),
        web.get("/api/sla", deadline_figures),
        web.get("/api/tickets/{code}/audit", audit_trail),
    ]

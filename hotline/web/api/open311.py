"""Open311 GeoReport v2 for agencies' systems, JSON format, never with the reporter's identity.

Decision: the services list is public; service requests are not, because tips name third
parties and places. Reading them takes a token in `Authorization: Bearer` (never GeoReport's
`api_key` URL parameter: URLs land in access logs): agency staff see the requests forwarded to
their agency, staff see all. Filing one (POST) takes a staff or agency token, checked before the
body is read; any contact details sent are kept encrypted.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from aiohttp import web

from hotline import safe_json
from hotline.handoff.deadlines import CATEGORIES, local_time
from hotline.handoff.open311 import service_request, services
from hotline.handoff.store import TicketQuery
from hotline.handoff.tickets import Reporter, Ticket, TicketDraft
from hotline.handoff.users import User
from hotline.web.keys import CASEWORK

PREFIX = "/open311/v2"
MAX_REQUESTS = 1000


def _error(status: int, description: str) -> web.Response:
    return web.json_response([{"code": status, "description": description}], status=status)


async def _caller(request: web.Request) -> User | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    casework = request.app[CASEWORK]
    user = await casework.accounts.user_for_token(token.strip())
    if user is not None:
        casework.activity.saw(user.name)
    return user


def _visible(user: User, ticket: Ticket) -> bool:
    return user.is_staff or (user.agency is not None and user.agency in ticket.forwarded_to)


async def list_services(request: web.Request) -> web.Response:
    return web.json_response(services())


def _when(value: str | None, name: str) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ValueError(f"{name} must be a W3C date-time") from exc
    if moment.tzinfo is None:
        raise ValueError(f"{name} needs a time zone")
    return moment


async def list_requests(request: web.Request) -> web.Response:
    user = await _caller(request)
    if user is None:
        return _error(401, "Authorization: Bearer token required")
    q = request.query
    try:
        start, end = _when(q.get("start_date"), "start_date"), _when(q.get("end_date"), "end_date")
    except ValueError as exc:
        return _error(400, str(exc))
    store = request.app[CASEWORK].hotline.desk.store
    wanted = [c for c in q.get("service_request_id", "").split(",") if c]
    if wanted:
        found = [t for c in wanted[:MAX_REQUESTS] if (t := await store.get(c.strip()))]
    else:
        query = TicketQuery(
            category=q.get("service_code") or None,
            forwarded_to=None if user.is_staff else user.agency,
            limit=MAX_REQUESTS,
        )
        found = await store.find(query)
    status = q.get("status")
    rows = [
        service_request(t)
        for t in found
        if _visible(user, t)
        and (status is None or (status == "open") == t.is_open)
        and (start is None or t.created_at >= start)
        and (end is None or t.created_at <= end)
    ]
    return web.json_response(rows)


async def show_request(request: web.Request) -> web.Response:
    user = await _caller(request)
    if user is None:
        return _error(401, "Authorization: Bearer token required")
    ticket = await request.app[CASEWORK].hotline.desk.store.get(request.match_info["id"])
    if ticket is None or not _visible(user, ticket):
        return _error(404, "no such service request")
    return web.json_response([service_request(ticket)])


async def file_request(request: web.Request) -> web.Response:
    """A service request from another system, filed as a ticket with the usual routing."""
    user = await _caller(request)
    if user is None:
        return _error(401, "Authorization: Bearer token required")
    form: dict[str, Any] = (
        await safe_json.read_object(request)
        if request.content_type == "application/json"
        else dict(await request.post())
    )
    code = str(form.get("service_code") or "")
    if code not in CATEGORIES:
        return _error(400, f"service_code must be one of {', '.join(CATEGORIES)}")
    description = str(form.get("description") or "").strip()[:4000]
    if not description:
        return _error(400, "description required")
    casework = request.app[CASEWORK]
    units = casework.hotline.units
    ward = units.ward(str(form.get("ward") or "")) if form.get("ward") else None
    district = units.district(str(form.get("district") or "")) if form.get("district") else None
    district = district or (units.district_of(ward) if ward else None)
    name = " ".join(str(form.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
    reporter = Reporter(
        name=name or None,
        phone=str(form.get("phone") or "").strip() or None,
        email=str(form.get("email") or "").strip() or None,
    )
    evidence: tuple[dict[str, Any], ...] = ()
    try:
        lat, long = safe_json.number(form, "lat"), safe_json.number(form, "long")
    except safe_json.BadJson:
        return _error(400, "lat and long must be numbers")
    if lat is not None and long is not None:
        if not (-90 <= lat <= 90 and -180 <= long <= 180):
            return _error(400, "lat and long must be a place on Earth")
        evidence = ({"kind": "location", "latitude": lat, "longitude": long},)
    ref = uuid.uuid4().hex
    draft = TicketDraft(
        category=code,
        description=description,
        channel="open311",
        sender=f"{user.name}:{ref}",
        source_key=f"open311:{ref}",
        district=district,
        ward=ward,
        address=str(form.get("address_string") or "").strip()[:300] or None,
        evidence=evidence,
        reporter=reporter or None,
    )
    ticket = await casework.hotline.desk.file(draft, actor=user.name)
    notice = f"Đã tiếp nhận, hạn xử lý {local_time(ticket.due_at)}"
    body = [{"service_request_id": ticket.code, "service_notice": notice, "account_id": None}]
    return web.json_response(body, status=201)


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get(f"{PREFIX}/services.json", list_services),
        web.get(f"{PREFIX}/requests.json", list_requests),
        web.post(f"{PREFIX}/requests.json", file_request),
        web.get(PREFIX + "/requests/{id:[^/.]+}.json", show_request),
    ]

"""The tickets API, reading side: the queue, one ticket, and a phone call filed by an agent."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from aiohttp import web

from hotline.bot.messages import ConversationKey
from hotline.handoff.agency_view import agency_report
from hotline.handoff.confidentiality import disclose, may_see_ticket
from hotline.handoff.deadlines import CATEGORIES
from hotline.handoff.lifecycle import AlreadyTaken, NotAllowed, Refused, TicketNotFound
from hotline.handoff.store import TicketQuery
from hotline.handoff.tickets import STATUSES, Reporter, Ticket, TicketDraft, TicketStatus
from hotline.handoff.users import STAFF, Role, User
from hotline.web.api.auth import requires, user_of
from hotline.web.api.views import (
    TRANSCRIPT_WORDS,
    BadRequest,
    detail,
    json_body,
    summary,
    text_field,
)
from hotline.web.keys import CASEWORK

ALL = (*STAFF, Role.AGENCY)
DEFAULT_REASON = "xem chi tiết phiếu"
RELATED_LIMIT = 20
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def answers_errors(handler: Handler) -> Handler:
    """The domain's refusals as HTTP answers: 400 bad input, 404 unknown, 409 conflicts."""

    @wraps(handler)
    async def run(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except BadRequest as exc:
            return web.json_response({"error": str(exc)}, status=400)
        except TicketNotFound:
            return web.json_response({"error": "no such ticket"}, status=404)
        except AlreadyTaken as exc:
            body = {"error": "another agent has this ticket", "assignee": exc.assignee}
            return web.json_response(body, status=409)
        except Refused as exc:  # already worded for people: the console shows it as it is
            return web.json_response({"error": str(exc), "message": str(exc)}, status=409)
        except NotAllowed as exc:
            return web.json_response({"error": str(exc)}, status=409)

    return run


async def visible_ticket(request: web.Request) -> Ticket:
    """The ticket named in the path, if the caller may see it (else 404: no hint it exists)."""
    user = user_of(request)
    ticket = await request.app[CASEWORK].hotline.desk.store.get(request.match_info["code"])
    if ticket is None or not may_see_ticket(user, ticket):
        raise TicketNotFound(request.match_info["code"])
    return ticket


def _query(request: web.Request, user: User) -> TicketQuery:
    q = request.query
    asked = tuple(s for s in q.get("status", "").split(",") if s)
    if any(s not in STATUSES for s in asked):
        raise BadRequest(f"Trạng thái phải là một trong: {', '.join(STATUSES)}")
    statuses = tuple(TicketStatus(s) for s in asked)
    category = q.get("category") or None
    if category and category not in CATEGORIES:
        raise BadRequest(f"Loại phản ánh phải là một trong: {', '.join(CATEGORIES)}")
    assignee = q.get("assignee") or None
    try:
        limit = min(max(int(q.get("limit", "200")), 1), 1000)
    except ValueError as exc:
        raise BadRequest("Giới hạn (limit) phải là một số.") from exc
    overdue = q.get("overdue", "").lower() in ("1", "true", "yes")
    return TicketQuery(
        statuses=statuses,
        category=category,
        district=q.get("district") or None,
        ward=q.get("ward") or None,
        team=q.get("team") or None,
        assignee=user.name if assignee == "me" else None if assignee == "none" else assignee,
        unassigned=assignee == "none",
        forwarded_to=None if user.is_staff else user.agency or "\0",
        overdue_at=request.app[CASEWORK].clock() if overdue else None,
        limit=limit,
    )


@requires(*ALL)
@answers_errors
async def list_tickets(request: web.Request) -> web.Response:
    """The queue, open tickets first by time left; `assignee=me|none|NAME`, `overdue=1`."""
    user = user_of(request)
    casework = request.app[CASEWORK]
    tickets = await casework.hotline.desk.store.find(_query(request, user))
    now = casework.clock()
    pseudonyms = casework.hotline.pseudonyms
    rows = [
        {**summary(t, user, now, pseudonyms), "chat": casework.chat_of(t) is not None}
        for t in tickets
    ]
    return web.json_response({"tickets": rows})


@requires(*ALL)
@answers_errors
async def show_ticket(request: web.Request) -> web.Response:
    """Details and transcript; the reporter for those allowed, each showing audited, masked
    for the other staff; agencies get their redacted projection."""
    user = user_of(request)
    ticket = await visible_ticket(request)
    if not user.is_staff:
        return web.json_response(agency_report(ticket).to_json())
    casework = request.app[CASEWORK]
    now = casework.clock()
    why = request.query.get("reason", "").strip()[:200] or DEFAULT_REASON
    showing = await disclose(casework.hotline.audit, user, ticket, why, now, TRANSCRIPT_WORDS)
    pseudonyms = casework.hotline.pseudonyms
    transcript: list[dict[str, Any]] = []
    body: dict[str, Any] = {}
    if user.is_staff:
        key = ConversationKey(ticket.channel, ticket.sender)
        transcript = await casework.hotline.conversations.transcript(key)
        state = await casework.hotline.conversations.load(key)
        chat = casework.chat_of(ticket) is not None
        # The one rule the engine obeys, so the console says what the bot really does.
        body = {"chat": chat, "bot_paused": chat and state.bot_paused, "chat_agent": state.agent}
        # The same citizen's other tickets, linked by conversation, shown as the queue shows them.
        others = await casework.hotline.desk.store.for_conversation(key.channel, key.sender)
        body["related"] = [
            summary(t, user, now, pseudonyms)
            for t in sorted(others, key=lambda t: t.created_at, reverse=True)
            if t.code != ticket.code and may_see_ticket(user, t)
        ][:RELATED_LIMIT]
    return web.json_response({**detail(showing, user, now, pseudonyms, transcript), **body})


def _place(request: web.Request, body: dict[str, Any]) -> tuple[str | None, str | None]:
    units = request.app[CASEWORK].hotline.units
    district_typed = text_field(body, "district", required=False, limit=100)
    ward_typed = text_field(body, "ward", required=False, limit=100)
    district = units.district(district_typed) if district_typed else None
    if district_typed and district is None:
        raise BadRequest(f"Không có thành phố/thị xã/huyện này: {district_typed}")
    ward = units.ward(ward_typed) if ward_typed else None
    if ward_typed and ward is None:
        raise BadRequest(f"Không có phường/xã này: {ward_typed}")
    if ward and district is None:
        district = units.district_of(ward)
    return district, ward


def _reporter(body: dict[str, Any]) -> Reporter | None:
    contact = body.get("contact")
    if contact is None:
        return None
    if not isinstance(contact, dict):
        raise BadRequest("Thông tin liên hệ (contact) phải gồm name, phone, email.")
    fields = ("name", "phone", "email")
    values = {k: text_field(contact, k, required=False, limit=200) for k in fields}
    reporter = Reporter(**{k: v or None for k, v in values.items()})
    return reporter or None


@requires(*STAFF)
@answers_errors
async def file_call(request: web.Request) -> web.Response:
    """A phone call filed by an agent: same categories, routing and deadline as a chat report."""
    user = user_of(request)
    body = await json_body(request)
    category = text_field(body, "category", limit=40)
    if category not in CATEGORIES:
        raise BadRequest(f"Loại phản ánh phải là một trong: {', '.join(CATEGORIES)}")
    district, ward = _place(request, body)
    # A retried post with the same Idempotency-Key files the call once.
    call = request.headers.get("Idempotency-Key", "")[:100] or uuid.uuid4().hex
    draft = TicketDraft(
        category=category,
        description=text_field(body, "description"),
        channel="phone",
        sender=f"{user.name}:{call}",
        source_key=f"phone:{user.name}:{call}",
        district=district,
        ward=ward,
        address=text_field(body, "address", required=False, limit=300) or None,
        occurred_at=text_field(body, "occurred_at", required=False, limit=100) or None,
        reporter=_reporter(body),
    )
    casework = request.app[CASEWORK]
    ticket = await casework.hotline.desk.file(draft, actor=user.name)
    row = summary(ticket, user, casework.clock(), casework.hotline.pseudonyms)
    return web.json_response(row, status=201)


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/api/tickets", list_tickets),
        web.post("/api/tickets", file_call),
        web.get("/api/tickets/{code}", show_ticket),
    ]

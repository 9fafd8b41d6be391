"""Tickets as the tickets API shows them, by who is asking; and reading JSON bodies."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from aiohttp import web

from hotline.handoff.redact import redact
from hotline.handoff.tickets import Reporter, Ticket
from hotline.handoff.users import User

# What agency staff may read of a ticket's history: its steps and the public answer, not
# the agents' internal notes or the citizen's own additions.
AGENCY_ACTIONS = frozenset({"filed", "forwarded", "answer", "resolved", "closed", "reopened"})
PREVIEW_CHARS = 140  # of the description, on a queue card


class BadRequest(Exception):
    """The body or query is not what the endpoint takes; the message says why."""


def summary(ticket: Ticket, user: User, now: datetime) -> dict[str, Any]:
    """One row of the queue."""
    left = (ticket.due_at - now).total_seconds()
    row: dict[str, Any] = {
        "code": ticket.code,
        "category": ticket.category,
        "priority": ticket.priority,
        "status": ticket.status,
        "created_at": ticket.created_at.isoformat(),
        "due_at": ticket.due_at.isoformat(),
        "assignee": ticket.assignee,
        "district": ticket.district,
        "ward": ticket.ward,
        "team": ticket.team,
        "agencies": list(ticket.agencies),
        "forwarded_to": list(ticket.forwarded_to),
        "time_left_seconds": int(left),
        "overdue": ticket.is_open and left < 0,
    }
    if user.is_staff:
        row["channel"] = ticket.channel
        row["conversation"] = f"{ticket.channel}:{ticket.sender}"
        # Without phones, e-mail addresses or the reporter's details, whoever looks at the queue.
        text = " ".join(redact(ticket.description, ticket.reporter).split())
        row["preview"] = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
    return row


def detail(
    ticket: Ticket,
    user: User,
    now: datetime,
    reporter: Reporter | None,
    transcript: list[dict[str, Any]],
) -> dict[str, Any]:
    """The whole ticket for its detail page; `reporter` only when the caller may see it."""
    body = summary(ticket, user, now)
    body.update(
        description=ticket.description,
        address=ticket.address,
        occurred_at=ticket.occurred_at,
        evidence=[dict(e) for e in ticket.evidence],
        history=[e.to_doc() for e in ticket.history if user.is_staff or e.action in AGENCY_ACTIONS],
        has_reporter=ticket.reporter is not None,
        reporter=reporter.to_doc() if reporter else None,
        transcript=[_line(m) for m in transcript] if user.is_staff else [],
    )
    return body


def _line(message: dict[str, Any]) -> dict[str, Any]:
    # Platform metadata can carry profile names; the console needs only what was said.
    return {k: v for k, v in message.items() if k not in ("metadata", "message_id")}


async def json_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise BadRequest("content type must be application/json")
    try:
        body = json.loads(await request.read())
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequest("body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


def text_field(body: dict[str, Any], name: str, required: bool = True, limit: int = 4000) -> str:
    value = body.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadRequest(f"{name} must be a non-empty string")
    if len(value) > limit:
        raise BadRequest(f"{name} is longer than {limit} characters")
    return value.strip()

"""Tickets as the tickets API shows them, by who is asking; and reading JSON bodies."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiohttp import web

from hotline import safe_json
from hotline.bot.dialogs import texts
from hotline.handoff.confidentiality import Pseudonyms, Showing, TranscriptWords
from hotline.handoff.redact import redact
from hotline.handoff.tickets import Ticket
from hotline.handoff.users import User

# How the bot asks for contact details and labels them: masked in transcripts as a whole.
TRANSCRIPT_WORDS = TranscriptWords(
    contact_questions=(texts.ASK_CONTACT, texts.ASK_CONTACT_HARDSHIP, texts.CONTACT_RETRY),
    contact_label=texts.LABELS["contact"],
)
PREVIEW_CHARS = 140  # of the description, on a queue card


class BadRequest(Exception):
    """The body or query is not what the endpoint takes; the message says why."""


def summary(ticket: Ticket, user: User, now: datetime, pseudonyms: Pseudonyms) -> dict[str, Any]:
    """One row of the queue; the citizen's conversation under its pseudonym, never its id."""
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
        row["conversation"] = pseudonyms.of(ticket.channel, ticket.sender)
        # Without phones, e-mail addresses or the reporter's details, whoever looks at the queue.
        text = " ".join(redact(ticket.description, ticket.reporter).split())
        row["preview"] = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
    return row


def detail(
    showing: Showing,
    user: User,
    now: datetime,
    pseudonyms: Pseudonyms,
    transcript: list[dict[str, Any]],
) -> dict[str, Any]:
    """The whole ticket for a staff member's detail page: the reporter and the clear text only
    when the caller may see them (`showing`), else masked."""
    ticket = showing.ticket
    body = summary(ticket, user, now, pseudonyms)
    body.update(
        description=showing.text(ticket.description),
        address=showing.text(ticket.address),
        occurred_at=showing.text(ticket.occurred_at),
        evidence=[dict(e) for e in ticket.evidence],
        history=[_event(e.to_doc(), showing) for e in ticket.history],
        has_reporter=ticket.reporter is not None,
        reporter=showing.reporter.to_doc() if showing.reporter else None,
        transcript=showing.transcript(_line(m) for m in transcript),
    )
    return body


def _event(doc: dict[str, Any], showing: Showing) -> dict[str, Any]:
    if "note" in doc:
        doc["note"] = showing.text(doc["note"])
    return doc


_NOT_SHOWN = frozenset({"metadata", "message_id", "id", "reply_to"})


def _line(message: dict[str, Any]) -> dict[str, Any]:
    # Platform metadata can carry profile names; the console needs only what was said (not the
    # rows' ids either).
    return {k: v for k, v in message.items() if k not in _NOT_SHOWN}


async def json_body(request: web.Request) -> dict[str, Any]:
    return await safe_json.read_object(request)


def text_field(body: dict[str, Any], name: str, required: bool = True, limit: int = 4000) -> str:
    value = body.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadRequest(f"Trường {name} không được để trống.")
    if len(value) > limit:
        raise BadRequest(f"Trường {name} dài quá {limit} ký tự.")
    return value.strip()

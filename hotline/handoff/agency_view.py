"""The one redacted projection of a ticket that agencies get, whichever way it reaches them:
their tickets API, Open311 and the forwarding e-mail. It names no reporter, no conversation,
no evidence file; its free text (description, address, time, notes, answers) is redacted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hotline.handoff.redact import redact
from hotline.handoff.tickets import Ticket, TicketStatus

# What agency staff may read of a ticket's history: its steps and the public answer, not
# the agents' internal notes or the citizen's own additions.
AGENCY_ACTIONS = frozenset({"filed", "forwarded", "answer", "resolved", "closed", "reopened"})


@dataclass(frozen=True)
class AgencyReport:
    code: str
    category: str
    priority: str
    status: TicketStatus
    is_open: bool
    description: str
    address: str
    place: str  # address, ward, district in one line
    district: str | None
    ward: str | None
    occurred_at: str
    locations: tuple[tuple[float, float], ...]
    photos: int
    history: tuple[dict[str, Any], ...]
    answer: str | None  # the latest public answer
    agencies: tuple[str, ...]
    forwarded_to: tuple[str, ...]
    created_at: datetime
    due_at: datetime
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        """What the tickets API answers an agency."""
        return {
            "code": self.code,
            "category": self.category,
            "priority": self.priority,
            "status": self.status.value,
            "created_at": self.created_at.isoformat(),
            "due_at": self.due_at.isoformat(),
            "district": self.district,
            "ward": self.ward,
            "agencies": list(self.agencies),
            "forwarded_to": list(self.forwarded_to),
            "description": self.description,
            "address": self.address,
            "occurred_at": self.occurred_at,
            "locations": [{"latitude": la, "longitude": lo} for la, lo in self.locations],
            "photos": self.photos,
            "history": list(self.history),
            "answer": self.answer,
        }


def agency_report(ticket: Ticket) -> AgencyReport:
    """The ticket as every agency channel shows it."""

    def clean(text: str | None) -> str:
        return redact(text, ticket.reporter)

    history = []
    for event in ticket.history:
        if event.action not in AGENCY_ACTIONS:
            continue
        doc = event.to_doc()
        if "note" in doc:
            doc["note"] = clean(doc["note"])
        history.append(doc)
    answers = [e.note for e in ticket.history if e.action == "answer" and e.note]
    place = ", ".join(p for p in (ticket.address, ticket.ward, ticket.district) if p)
    locations = tuple(
        (float(e["latitude"]), float(e["longitude"]))
        for e in ticket.evidence
        if e.get("kind") == "location" and e.get("latitude") is not None
    )
    return AgencyReport(
        code=ticket.code,
        category=ticket.category,
        priority=ticket.priority,
        status=ticket.status,
        is_open=ticket.is_open,
        description=clean(ticket.description),
        address=clean(ticket.address),
        place=clean(place),
        district=ticket.district,
        ward=ticket.ward,
        occurred_at=clean(ticket.occurred_at),
        locations=locations,
        photos=sum(1 for e in ticket.evidence if e.get("kind") == "photo"),
        history=tuple(history),
        answer=clean(answers[-1]) if answers else None,
        agencies=ticket.agencies,
        forwarded_to=ticket.forwarded_to,
        created_at=ticket.created_at,
        due_at=ticket.due_at,
        updated_at=ticket.history[-1].at if ticket.history else ticket.created_at,
    )


def agency_note(ticket: Ticket, note: str | None) -> str:
    """An agent's forwarding note as the agency reads it."""
    return redact(note, ticket.reporter)

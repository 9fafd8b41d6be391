"""The ticket: one report, tip, request or emergency that people must handle before a deadline."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any


class TicketStatus(StrEnum):
    """Where a ticket is in its life; the values are what stores and the JSON API carry."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    FORWARDED = "forwarded"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        """Still someone's work: not resolved or closed (the deadline clock runs)."""
        return self not in (TicketStatus.RESOLVED, TicketStatus.CLOSED)


STATUSES: tuple[TicketStatus, ...] = tuple(TicketStatus)
OPEN_STATUSES: tuple[TicketStatus, ...] = tuple(s for s in TicketStatus if s.is_open)
CLOSED_STATUSES: tuple[TicketStatus, ...] = tuple(s for s in TicketStatus if not s.is_open)
PRIORITIES: tuple[str, ...] = ("urgent", "high", "normal", "low")


@dataclass(frozen=True)
class Reporter:
    """Who sent the report. Confidential: never leaves the system with a forwarded report."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None

    def to_doc(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v}

    def __bool__(self) -> bool:
        return any((self.name, self.phone, self.email))


@dataclass(frozen=True)
class TicketEvent:
    """One change in a ticket's life: who, when, what, and a note."""

    at: datetime
    actor: str
    action: str
    status: TicketStatus | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None:
            object.__setattr__(self, "status", TicketStatus(self.status))

    def to_doc(self) -> dict[str, Any]:
        doc = {"at": self.at.isoformat(), "actor": self.actor, "action": self.action}
        if self.status is not None:
            doc["status"] = self.status.value
        if self.note:
            doc["note"] = self.note
        return doc

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> TicketEvent:
        return cls(**{**doc, "at": datetime.fromisoformat(doc["at"])})


@dataclass(frozen=True, kw_only=True)
class Report:
    """What was reported and where it came from: a draft's and its ticket's in common."""

    category: str
    description: str
    channel: str
    sender: str
    source_key: str
    district: str | None = None
    ward: str | None = None
    address: str | None = None
    occurred_at: str | None = None
    evidence: tuple[dict[str, Any], ...] = ()
    reporter: Reporter | None = None

    def reported(self) -> dict[str, Any]:
        """The report's own fields, to file a ticket with."""
        return {f.name: getattr(self, f.name) for f in fields(Report)}


@dataclass(frozen=True, kw_only=True)
class TicketDraft(Report):
    """What a dialog collected; the desk turns it into a ticket with a code and a deadline."""

    received_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class Ticket(Report):
    code: str
    priority: str
    status: TicketStatus
    created_at: datetime
    due_at: datetime
    assignee: str | None = None
    history: tuple[TicketEvent, ...] = field(default=())
    # Where routing sends it: the team that works it and the agencies that act on it.
    team: str | None = None
    agencies: tuple[str, ...] = ()
    # The agencies it has actually been sent to; only their staff may see it.
    forwarded_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Stored documents and callers give the plain string; the ticket holds the word's type.
        object.__setattr__(self, "status", TicketStatus(self.status))

    def with_event(self, event: TicketEvent, **changes: Any) -> Ticket:
        return replace(self, history=(*self.history, event), **changes)

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    @property
    def version(self) -> int:
        """Every change adds an event, so the number of events tells versions apart."""
        return len(self.history)

    def to_doc(self) -> dict[str, Any]:
        """The whole ticket as a document, for the stores."""
        doc = self.public_view()
        doc.update(
            channel=self.channel,
            sender=self.sender,
            source_key=self.source_key,
            reporter=self.reporter.to_doc() if self.reporter else None,
            history=[e.to_doc() for e in self.history],
        )
        return doc

    def public_view(self) -> dict[str, Any]:
        """The ticket without the reporter's identity or the conversation it came from."""
        return {
            "code": self.code,
            "category": self.category,
            "priority": self.priority,
            "status": self.status.value,
            "description": self.description,
            "district": self.district,
            "ward": self.ward,
            "address": self.address,
            "occurred_at": self.occurred_at,
            "evidence": [dict(e) for e in self.evidence],
            "assignee": self.assignee,
            "team": self.team,
            "agencies": list(self.agencies),
            "forwarded_to": list(self.forwarded_to),
            "created_at": self.created_at.isoformat(),
            "due_at": self.due_at.isoformat(),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Ticket:
        reporter = doc.get("reporter")
        return cls(
            code=doc["code"],
            category=doc["category"],
            priority=doc["priority"],
            status=TicketStatus(doc["status"]),
            description=doc["description"],
            channel=doc["channel"],
            sender=doc["sender"],
            source_key=doc["source_key"],
            created_at=datetime.fromisoformat(doc["created_at"]),
            due_at=datetime.fromisoformat(doc["due_at"]),
            district=doc.get("district"),
            ward=doc.get("ward"),
            address=doc.get("address"),
            occurred_at=doc.get("occurred_at"),
            evidence=tuple(doc.get("evidence") or ()),
            reporter=Reporter(**reporter) if reporter else None,
            assignee=doc.get("assignee"),
            history=tuple(TicketEvent.from_doc(e) for e in doc.get("history") or ()),
            team=doc.get("team"),
            agencies=tuple(doc.get("agencies") or ()),
            forwarded_to=tuple(doc.get("forwarded_to") or ()),
        )

"""The supervisors' dashboard figures, computed by one pure function over a date range.

Inputs are what the stores hold: the contact log (every inbound message's channel, time, parsed
intent and who handled it), the FAQ question log and the tickets. Days and hours are Vietnam
time. A contact is a conversation on a day: several messages of one chat that day count once,
at the hour of its first message.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hotline.bot.contact_log import Contact, conversation_digest
from hotline.faq.unanswered import AskedQuestion
from hotline.handoff.deadlines import VIETNAM
from hotline.handoff.sla import SlaFigures, figures, resolved_at
from hotline.handoff.tickets import Ticket

# Ticket events that mean a person has answered or acted on it, by someone other than the
# bot, the auto-assigner or the citizen.
FIRST_RESPONSE_ACTIONS = frozenset({"in_progress", "answer", "forwarded", "resolved", "closed"})
NOT_PEOPLE = frozenset({"bot", "auto", "citizen", "system"})
# Intents that mean the citizen asked for a person (the rest are handled by the bot first).
FOR_PEOPLE = frozenset({"request_human", "emergency"})
UNKNOWN_DISTRICT = "(chưa rõ)"


@dataclass(frozen=True)
class Period:
    """Whole days, first and last included, in Vietnam time."""

    first: date
    last: date

    @property
    def since(self) -> datetime:
        return datetime.combine(self.first, time(), VIETNAM)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(), VIETNAM)

    @property
    def days(self) -> tuple[date, ...]:
        count = (self.last - self.first).days + 1
        return tuple(self.first + timedelta(days=i) for i in range(count))

    def __contains__(self, moment: datetime) -> bool:
        return self.since <= moment < self.until


@dataclass(frozen=True)
class Dashboard:
    period: Period
    channels: tuple[str, ...]
    contacts_by_day: dict[str, tuple[int, ...]]  # channel -> one count per day
    contacts_by_hour: dict[str, tuple[int, ...]]  # channel -> 24 counts
    messages: int
    intents: tuple[tuple[str, int], ...]  # most frequent first
    tickets_by_category: tuple[tuple[str, int], ...]
    tickets_by_district: tuple[tuple[str, int], ...]
    deadlines: SlaFigures
    median_first_response: timedelta | None
    median_resolution: timedelta | None
    faq_asked: int
    faq_answered: int
    conversations: int
    handed_to_people: int

    @property
    def contacts(self) -> int:
        return sum(sum(v) for v in self.contacts_by_day.values())

    @property
    def tickets(self) -> int:
        return sum(n for _, n in self.tickets_by_category)

    @property
    def faq_answer_rate(self) -> float | None:
        return self.faq_answered / self.faq_asked if self.faq_asked else None

    @property
    def share_handed(self) -> float | None:
        return self.handed_to_people / self.conversations if self.conversations else None


def dashboard(
    period: Period,
    contacts: Sequence[Contact],
    questions: Sequence[AskedQuestion],
    tickets: Sequence[Ticket],
    now: datetime,
) -> Dashboard:
    """All the dashboard's figures for the period; items outside it are ignored."""
    contacts = [c for c in contacts if c.at in period]
    tickets = [t for t in tickets if t.created_at in period]
    questions = [q for q in questions if q.at in period]
    channels = tuple(sorted({c.channel for c in contacts}))
    day_index = {d: i for i, d in enumerate(period.days)}
    by_day = {ch: [0] * len(day_index) for ch in channels}
    by_hour = {ch: [0] * 24 for ch in channels}
    seen: set[tuple[str, str, date]] = set()
    for c in sorted(contacts, key=lambda c: c.at):
        local = c.at.astimezone(VIETNAM)
        key = (c.channel, c.conversation, local.date())
        if key in seen:
            continue
        seen.add(key)
        by_day[c.channel][day_index[local.date()]] += 1
        by_hour[c.channel][local.hour] += 1
    conversations = {(c.channel, c.conversation) for c in contacts}
    handed = {(c.channel, c.conversation) for c in contacts if _for_people(c)}
    handed |= {
        (t.channel, conversation_digest(t.channel, t.sender))
        for t in tickets
        if (t.channel, conversation_digest(t.channel, t.sender)) in conversations
    }
    intents = Counter(c.intent for c in contacts if c.intent)
    return Dashboard(
        period=period,
        channels=channels,
        contacts_by_day={ch: tuple(v) for ch, v in by_day.items()},
        contacts_by_hour={ch: tuple(v) for ch, v in by_hour.items()},
        messages=len(contacts),
        intents=_ranked(intents),
        tickets_by_category=_ranked(Counter(t.category for t in tickets)),
        tickets_by_district=_ranked(Counter(t.district or UNKNOWN_DISTRICT for t in tickets)),
        deadlines=figures(list(tickets), now),
        median_first_response=_median([first_response(t) for t in tickets]),
        median_resolution=_median([_resolution(t) for t in tickets]),
        faq_asked=len(questions),
        faq_answered=sum(1 for q in questions if not q.unanswered),
        conversations=len(conversations),
        handed_to_people=len(handed),
    )


def first_response(ticket: Ticket) -> timedelta | None:
    """How long the ticket waited for a person to act on it, by its history."""
    for event in ticket.history:
        if event.action in FIRST_RESPONSE_ACTIONS and event.actor not in NOT_PEOPLE:
            return event.at - ticket.created_at
    return None


def _resolution(ticket: Ticket) -> timedelta | None:
    done = resolved_at(ticket)
    return done - ticket.created_at if done else None


def _for_people(contact: Contact) -> bool:
    return contact.handled_by == "agent" or contact.intent in FOR_PEOPLE


def _median(values: Sequence[timedelta | None]) -> timedelta | None:
    known = [v.total_seconds() for v in values if v is not None]
    return timedelta(seconds=statistics.median(known)) if known else None


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

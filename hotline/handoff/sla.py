"""The deadline watcher: a warning at 80% of a ticket's window, an escalation at its deadline.

It keeps no state of its own: each check reads the open tickets and a log of alerts already
sent, and an alert is logged (once, whoever logs it first) before it goes out, so a restart or
a second worker never sends one twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hotline.handoff.deadlines import local_time
from hotline.handoff.store import TicketQuery, TicketStore
from hotline.handoff.tickets import OPEN_STATUSES, Ticket, TicketStatus

log = logging.getLogger(__name__)

WARNING = "deadline_warning"
MISSED = "deadline_missed"


@dataclass(frozen=True)
class Alert:
    kind: str  # WARNING or MISSED
    ticket: Ticket
    at: datetime

    def to_data(self) -> dict[str, object]:
        t = self.ticket
        return {
            "code": t.code,
            "category": t.category,
            "priority": t.priority,
            "status": t.status,
            "assignee": t.assignee,
            "team": t.team,
            "due_at": t.due_at.isoformat(),
        }


class AlertLog(Protocol):
    async def claim(self, code: str, kind: str, at: datetime) -> bool:
        """Log an alert; False if it was logged before (then it must not be sent again)."""
        ...

    async def close(self) -> None: ...


class Notifier(Protocol):
    """Reaches the supervisors outside the console (their chat group, an e-mail list)."""

    async def notify(self, subject: str, text: str) -> None: ...


def due_alert(ticket: Ticket, now: datetime, warn_at: float = 0.8) -> str | None:
    """Which alert a ticket deserves now, if any."""
    if not ticket.is_open:
        return None
    if now >= ticket.due_at:
        return MISSED
    if now >= ticket.created_at + (ticket.due_at - ticket.created_at) * warn_at:
        return WARNING
    return None


def escalation_text(ticket: Ticket) -> tuple[str, str]:
    subject = f"[1022] Quá hạn xử lý: {ticket.code}"
    text = (
        f"Phản ánh {ticket.code} ({ticket.category}, ưu tiên {ticket.priority}) đã quá hạn xử lý "
        f"lúc {local_time(ticket.due_at)}.\n"
        f"Trạng thái: {ticket.status}. Người xử lý: {ticket.assignee or 'chưa có'}. "
        f"Nhóm: {ticket.team or '-'}."
    )
    return subject, text


class DeadlineWatcher:
    def __init__(
        self,
        tickets: TicketStore,
        alerts: AlertLog,
        clock: Callable[[], datetime],
        publish: Callable[[Alert], None],
        notifier: Notifier | None = None,
        warn_at: float = 0.8,
    ) -> None:
        self.tickets = tickets
        self.alerts = alerts
        self.clock = clock
        self.publish = publish
        self.notifier = notifier
        self.warn_at = warn_at

    async def check(self) -> list[Alert]:
        """Send the alerts that are due and were not sent before; returns them."""
        now = self.clock()
        sent: list[Alert] = []
        for ticket in await self.tickets.find(TicketQuery(statuses=OPEN_STATUSES, limit=100_000)):
            kind = due_alert(ticket, now, self.warn_at)
            if kind is None or not await self.alerts.claim(ticket.code, kind, now):
                continue
            alert = Alert(kind, ticket, now)
            self.publish(alert)
            if kind == MISSED and self.notifier is not None:
                try:
                    await self.notifier.notify(*escalation_text(ticket))
                except Exception:  # the console alert went out; keep watching the others
                    log.exception("could not notify the supervisors about %s", ticket.code)
            sent.append(alert)
        return sent

    async def run_forever(self, every: float) -> None:
        while True:
            try:
                await self.check()
            except Exception:  # a busy database must not stop the watcher for good
                log.exception("deadline check failed; trying again")
            await asyncio.sleep(every)


@dataclass(frozen=True)
class SlaFigures:
    met: int  # resolved by the deadline
    missed: int  # resolved late, or still open past it
    open_on_time: int
    open_overdue: int

    @property
    def met_rate(self) -> float | None:
        done = self.met + self.missed
        return self.met / done if done else None

    def to_doc(self) -> dict[str, object]:
        return {**self.__dict__, "met_rate": self.met_rate}


def resolved_at(ticket: Ticket) -> datetime | None:
    """When the ticket was first resolved (a reopen does not move the figure)."""
    return next((e.at for e in ticket.history if e.status == TicketStatus.RESOLVED), None)


def figures(tickets: list[Ticket], now: datetime) -> SlaFigures:
    met = missed = on_time = overdue = 0
    for ticket in tickets:
        done = resolved_at(ticket)
        if done is not None:
            if done <= ticket.due_at:
                met += 1
            else:
                missed += 1
        elif now > ticket.due_at:
            missed += 1
            overdue += 1
        else:
            on_time += 1
    return SlaFigures(met, missed, on_time, overdue)

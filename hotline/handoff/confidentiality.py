"""Who may see what: tickets by role and agency, reporters only when needed, and logged."""

from __future__ import annotations

from datetime import datetime

from hotline.handoff.audit import AuditEntry, AuditLog
from hotline.handoff.tickets import Reporter, Ticket
from hotline.handoff.users import SEE_REPORTERS, Role, User


def may_see_ticket(user: User, ticket: Ticket) -> bool:
    """Staff see every ticket; agency staff only what was forwarded to their agency."""
    if user.is_staff:
        return True
    return (
        user.role == Role.AGENCY and user.agency is not None and user.agency in ticket.forwarded_to
    )


def may_see_reporter(user: User, ticket: Ticket) -> bool:
    """The ticket's own agent, supervisors and admins; never an agency, never another agent."""
    if user.role in SEE_REPORTERS:
        return True
    return user.role == Role.AGENT and ticket.assignee == user.name


def may_work(user: User, ticket: Ticket) -> bool:
    """Change the ticket, talk to the citizen: its agent, or a supervisor or admin."""
    return user.role in SEE_REPORTERS or (user.role == Role.AGENT and ticket.assignee == user.name)


async def reveal(
    audit: AuditLog, user: User, ticket: Ticket, why: str, now: datetime
) -> Reporter | None:
    """The reporter for a user allowed to see them, the showing written to the audit log first."""
    if ticket.reporter is None or not may_see_reporter(user, ticket):
        return None
    await audit.record(AuditEntry(at=now, who=user.name, role=user.role, code=ticket.code, why=why))
    return ticket.reporter

"""Who may see what: tickets by role and agency, reporters only when needed, and logged.

One rule (`may_see_reporter`) and one place that applies it (`disclose`): every staff view of a
ticket (its detail, transcript, list row) goes through a `Showing`, which either reveals the
reporter (the assigned agent, supervisors, admins; the look written to the audit log first) or
masks them: phones, e-mail addresses and the reporter's name wherever they stand, the answer to
the contact question and the summary's contact line as a whole. Citizens' platform ids are
never shown: a keyed pseudonym stands in for them.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hotline.handoff.audit import AuditEntry, AuditLog
from hotline.handoff.redact import HIDDEN, fold, redact
from hotline.handoff.tickets import Reporter, Ticket
from hotline.handoff.users import SEE_REPORTERS, Role, User

_PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # as ticket codes: no 0/O, 1/I


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


class Pseudonyms:
    """A citizen's platform id (`telegram:777009`) as staff see it: `telegram:ẩn-K7Q3-9XMA`,
    the same every time for the same id, and meaningless without the service's secret."""

    def __init__(self, secret: str | bytes) -> None:
        raw = secret.encode() if isinstance(secret, str) else secret
        self._key = hashlib.sha256(b"hotline-pseudonym\0" + raw).digest()

    def of(self, channel: str, sender: str) -> str:
        digest = hmac.new(self._key, f"{channel}\0{sender}".encode(), hashlib.sha256).digest()
        letters = "".join(_PSEUDONYM_ALPHABET[b % len(_PSEUDONYM_ALPHABET)] for b in digest[:8])
        return f"{channel}:ẩn-{letters[:4]}-{letters[4:]}"


class SenderProofs:
    """The secret a citizen's app holds to prove it is that sender (`rest:c1`) when it fetches
    its waiting replies: keyed with the service's secret, handed out with the first answer."""

    def __init__(self, secret: str | bytes) -> None:
        raw = secret.encode() if isinstance(secret, str) else secret
        self._key = hashlib.sha256(b"hotline-sender-proof\0" + raw).digest()

    def of(self, channel: str, sender: str) -> str:
        return hmac.new(self._key, f"{channel}\0{sender}".encode(), hashlib.sha256).hexdigest()

    def proves(self, channel: str, sender: str, shown: str) -> bool:
        return bool(shown) and hmac.compare_digest(self.of(channel, sender), shown)


@dataclass(frozen=True)
class TranscriptWords:
    """How the bot asks for contact details and labels them in its summary (the bot's words
    live with the dialogs; the web layer hands them over)."""

    contact_questions: tuple[str, ...] = ()
    contact_label: str = ""


@dataclass(frozen=True)
class Showing:
    """One person's view of one ticket: the reporter if they may see it, else masked text."""

    ticket: Ticket
    reporter: Reporter | None  # revealed (and audited), or None
    words: TranscriptWords = TranscriptWords()

    @property
    def masked(self) -> bool:
        return self.reporter is None

    def text(self, value: str | None) -> str | None:
        """Free text (description, address, notes) as this viewer may read it."""
        if value is None or not self.masked:
            return value
        return redact(value, self.ticket.reporter)

    def transcript(self, lines: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The conversation as this viewer may read it."""
        if not self.masked:
            return list(lines)
        shown: list[dict[str, Any]] = []
        asked_contact = False
        for line in lines:
            text = line.get("text")
            if isinstance(text, str):
                if line.get("direction") == "in" and asked_contact:
                    text = HIDDEN  # the answer to "your name and phone?", whatever its form
                else:
                    text = self._contact_lines_hidden(redact(text, self.ticket.reporter))
                line = {**line, "text": text}
            if line.get("direction") == "out":
                asked_contact = self._asks_contact(str(line.get("text") or ""))
            shown.append(line)
        return shown

    def _asks_contact(self, text: str) -> bool:
        folded = fold(text)
        return any(fold(q) in folded for q in self.words.contact_questions if q)

    def _contact_lines_hidden(self, text: str) -> str:
        label = self.words.contact_label
        if not label or label not in text:
            return text
        lines = text.split("\n")
        for i, line in enumerate(lines):
            at = line.find(label)
            if at >= 0:
                lines[i] = f"{line[: at + len(label)]}: {HIDDEN}"
        return "\n".join(lines)


async def reveal(
    audit: AuditLog, user: User, ticket: Ticket, why: str, now: datetime
) -> Reporter | None:
    """The reporter for a user allowed to see them, the showing written to the audit log first."""
    if ticket.reporter is None or not may_see_reporter(user, ticket):
        return None
    await audit.record(AuditEntry(at=now, who=user.name, role=user.role, code=ticket.code, why=why))
    return ticket.reporter


async def disclose(
    audit: AuditLog,
    user: User,
    ticket: Ticket,
    why: str,
    now: datetime,
    words: TranscriptWords = TranscriptWords(),
) -> Showing:
    """How `user` sees `ticket`: revealed and audited, or masked. Every view goes through here."""
    return Showing(ticket, await reveal(audit, user, ticket, why, now), words)


def masked(ticket: Ticket, words: TranscriptWords = TranscriptWords()) -> Showing:
    """The masked view, for lists and feeds that show no reporter to anyone."""
    return Showing(ticket, None, words)

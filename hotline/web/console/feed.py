"""What each person at the console may see of the live events.

Agents see their own tickets, the unassigned queue and the conversations they have taken;
supervisors and admins see everything. No frame carries the reporter's identity: the console
asks the tickets API for it, which checks the role and logs the look.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hotline.bot.events import Event
from hotline.bot.messages import ConversationKey
from hotline.bot.outbox import REPLY_WAITING
from hotline.handoff.confidentiality import Pseudonyms
from hotline.handoff.store import TicketStore
from hotline.handoff.tickets import Ticket
from hotline.handoff.users import STAFF, SUPERVISING, Role

CONSOLE_ROLES = frozenset(STAFF)
SEES_ALL = frozenset(SUPERVISING)
TICKET_KINDS = frozenset({"ticket", "deadline_warning", "deadline_missed"})
CONVERSATION_KINDS = frozenset(
    {"citizen_message", "takeover", "agent_message", "handback", "staff_left"}
)
# An emergency alerts everyone on duty, whoever is assigned (issue 17).
EVERYONE_KINDS = frozenset({"presence", "emergency"})
PRIVATE_KEYS = ("reporter", "contact", "sender")


@dataclass(frozen=True)
class Viewer:
    """A person at the console."""

    name: str
    role: Role

    @property
    def sees_all(self) -> bool:
        return self.role in SEES_ALL


def conversation_key(value: str) -> ConversationKey | None:
    return ConversationKey.parse(value)


class ConsoleFeed:
    def __init__(self, tickets: TicketStore, pseudonyms: Pseudonyms) -> None:
        self.tickets = tickets
        self.pseudonyms = pseudonyms

    async def frame(self, viewer: Viewer, event: Event) -> dict[str, Any] | None:
        """The JSON frame this viewer gets for the event, or None if it is not theirs."""
        if event.kind == REPLY_WAITING:
            return None  # for the channels of the other workers, not for people
        if event.kind in TICKET_KINDS:
            return await self._ticket_frame(viewer, event)
        if event.kind in CONVERSATION_KINDS:
            return await self._conversation_frame(viewer, event)
        if event.kind in EVERYONE_KINDS or viewer.sees_all:
            return _public(event.to_frame())
        return None

    async def _ticket_frame(self, viewer: Viewer, event: Event) -> dict[str, Any] | None:
        nested = event.data.get("ticket")
        doc: dict[str, Any] = nested if isinstance(nested, dict) else event.data
        code = doc.get("code")
        if not isinstance(code, str):
            return _public(event.to_frame()) if viewer.sees_all else None
        if "assignee" in doc:
            assignee = doc.get("assignee")
        else:
            ticket = await self.tickets.get(code)
            assignee = ticket.assignee if ticket else None
        if viewer.sees_all or assignee in (None, viewer.name):
            return _public(event.to_frame())
        if event.kind == "ticket":
            # Someone else has it now: the agent's console drops it from the list.
            return {"kind": "ticket", "code": code, "visible": False}
        return None

    async def _conversation_frame(self, viewer: Viewer, event: Event) -> dict[str, Any] | None:
        key = conversation_key(str(event.data.get("conversation", "")))
        if key is None:
            return _public(event.to_frame()) if viewer.sees_all else None
        tickets = await self.tickets.for_conversation(key.channel, key.sender)
        mine = [t for t in tickets if viewer.sees_all or t.assignee == viewer.name]
        if not (mine or viewer.sees_all or event.data.get("agent") == viewer.name):
            return None
        frame = {**event.to_frame(), "conversation": self.pseudonyms.of(key.channel, key.sender)}
        return _public({**frame, "tickets": _codes(mine)})


def _codes(tickets: list[Ticket]) -> list[str]:
    """Open tickets first: a live message belongs to the ticket being worked on."""
    ordered = sorted(tickets, key=lambda t: not t.is_open)
    return [t.code for t in ordered]


def _public(frame: dict[str, Any]) -> dict[str, Any]:
    clean = {k: v for k, v in frame.items() if k not in PRIVATE_KEYS}
    nested = clean.get("ticket")
    if isinstance(nested, dict):
        clean["ticket"] = {k: v for k, v in nested.items() if k not in PRIVATE_KEYS}
    return clean

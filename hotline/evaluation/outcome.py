"""What the bot did with one message, read off its replies, its conversation state and tickets."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.messages import OutboundMessage
from hotline.bot.nlu.base import ParseResult
from hotline.handoff.tickets import Ticket

Action = Literal[
    "answer",  # a direct FAQ answer
    "suggest",  # FAQ entries offered as buttons
    "form",  # a report form started (or a report filed at once)
    "emergency",  # an urgent ticket and "call 115"
    "health",  # a ticket for the health consultant
    "human",  # a ticket for an agent
    "status",  # a status lookup
    "reply",  # anything else: greetings, thanks, "no answer yet", out of scope
]
# A form started from these: the intent the bot took the message for.
FORM_INTENTS = {
    "violation": "report_violation",
    "contact_tip": "report_contact",
    "hardship": "request_support",
    "feedback": "feedback",
}
_TICKET_ACTIONS: dict[str, Action] = {
    "emergency": "emergency",
    "health": "health",
    "other": "human",
}
_ACTION_INTENTS: dict[Action, str] = {
    "emergency": "emergency",
    "human": "request_human",
    "status": "check_status",
}
REPORT_DIALOG = "report"
STATUS_DIALOG = "status"


@dataclass(frozen=True)
class Outcome:
    """`intent`: what the bot took the message for; `entry`: the entry it answered with;
    `offered`: the entries offered as buttons (with suggestions, or beside a ticket or a reply)."""

    intent: str
    action: Action
    entry: str | None = None
    offered: tuple[str, ...] = ()
    category: str | None = None


def suggested_entries(replies: Sequence[OutboundMessage]) -> tuple[str, ...]:
    """The FAQ entries behind suggestion buttons (`/ask_faq{"faq_id": ...}`)."""
    found: list[str] = []
    for reply in replies:
        for button in reply.buttons:
            if button.payload.startswith("/ask_faq{"):
                found.append(str(json.loads(button.payload[len("/ask_faq") :])["faq_id"]))
    return tuple(found)


def observe(
    parse: ParseResult,
    replies: Sequence[OutboundMessage],
    state: ConversationState,
    tickets: Sequence[Ticket],
    answers: Mapping[str, str],
) -> Outcome:
    """The bot's outcome; `answers` maps each published answer text to its entry id."""
    said = parse.intent.name
    offered = suggested_entries(replies)
    for ticket in tickets:
        action = _TICKET_ACTIONS.get(ticket.category, "form")
        intent = FORM_INTENTS.get(ticket.category) or _ACTION_INTENTS.get(action) or said
        if action == "health":
            intent = "health_consult"
        return Outcome(intent, action, offered=offered, category=ticket.category)
    if state.dialog == REPORT_DIALOG:
        category = str(state.slots.get("category"))
        return Outcome(FORM_INTENTS.get(category, said), "form", category=category)
    if state.dialog == STATUS_DIALOG:
        return Outcome("check_status", "status")
    faq_intent = said if said in ("ask_faq", "health_consult") else "ask_faq"
    for reply in replies:
        if reply.text in answers:
            return Outcome(faq_intent, "answer", entry=answers[reply.text])
    if any(reply.text == texts.OUT_OF_SCOPE for reply in replies):
        return Outcome("out_of_scope", "reply", offered=offered)  # with an entry, maybe
    if offered:
        return Outcome(faq_intent, "suggest", offered=offered)
    if any(reply.text == texts.NO_ANSWER for reply in replies):
        # The FAQ had nothing: the bot took the message for a question, whatever the NLU said.
        return Outcome(faq_intent, "reply")
    # A lookup settled at once (a code found or not) ends no dialog: read only after the FAQ's
    # replies, since a question taken for a status check may have been answered from the FAQ.
    if said == "check_status":
        return Outcome("check_status", "status")
    return Outcome(said, "reply")


def literal(parse: ParseResult) -> Outcome:
    """What a bot doing exactly what the NLU says would do: its FAQ pick answers a question, a
    report intent starts a form. The "rasa alone" column, showing what the bot's checks add."""
    name = parse.intent.name
    if name in ("ask_faq", "health_consult"):
        if parse.faq is not None:
            return Outcome(name, "answer", entry=parse.faq.entry_id)
        return Outcome(name, "reply")
    if name in FORM_INTENTS.values():
        category = next(c for c, i in FORM_INTENTS.items() if i == name)
        return Outcome(name, "form", category=category)
    for action, intent in _ACTION_INTENTS.items():
        if intent == name:
            return Outcome(name, action)
    return Outcome(name, "reply")

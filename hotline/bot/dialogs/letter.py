"""Reports by letter (e-mail): filed at once, missing details asked for in the reply.

A mail is not a chat turn: the citizen wrote down all they meant to say, and a form asking one
question per mail would take a day. So on a letter channel a report is filed from the letter
itself (its text, the ward, district and phone found in it, its attachments, the sender's
contact), the reply gives the code and the deadline and asks for what is missing, and whatever
the citizen writes next in the same conversation (the same mail thread) is added to that ticket.
Questions, emergencies, status lookups and requests for a person work as in a chat.
"""

from __future__ import annotations

from typing import Any

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import due, file_ticket
from hotline.bot.dialogs.report_form import INTENT_CATEGORIES
from hotline.handoff.desk import TicketDesk
from hotline.handoff.tickets import Ticket, TicketEvent

DIALOG = "letter"
FILES = frozenset(INTENT_CATEGORIES)
# Short courtesies in the thread are answered, not added to the ticket.
_COURTESY = frozenset(("thank", "greet", "goodbye"))
_SHORT = 6


async def file_report(ctx: Context, state: ConversationState) -> Turn:
    """File the letter as a ticket and say what else would help."""
    category = INTENT_CATEGORIES[ctx.intent]
    ward, district = _place(ctx)
    phone = ctx.parse.entity("phone")
    contact = {**ctx.message.metadata.get("contact", {}), "phone": phone}
    ticket = await file_ticket(
        ctx,
        category,
        ctx.their_words,
        district=district,
        ward=ward,
        evidence=tuple(a.to_dict() for a in ctx.message.attachments),
        contact={k: v for k, v in contact.items() if v} or None,
    )
    parts = [texts.LETTER_FILED.format(code=ticket.code, due=due(ticket))]
    if category != "feedback" and not (ward or district):
        parts.append(texts.LETTER_ASK_PLACE)
    if category == "hardship" and not phone:
        parts.append(texts.LETTER_ASK_PHONE)
    if category in ("violation", "contact_tip") and not ctx.message.attachments:
        parts.append(texts.LETTER_ASK_PHOTOS)
    return Turn(
        state.starting(DIALOG, "added", code=ticket.code),
        (ctx.reply("\n\n".join(parts)),),
    )


async def follow_up(ctx: Context, state: ConversationState) -> Turn:
    """A later mail in the thread: its text, place and attachments go onto the ticket."""
    code = state.slots["code"]
    said = ctx.their_words
    courtesy = ctx.intent in _COURTESY and len(said.split()) < _SHORT
    if courtesy and not ctx.message.attachments:
        return Turn(state, (ctx.reply(texts.LETTER_THANKS.format(code=code)),))
    ward, district = _place(ctx)
    evidence = tuple(a.to_dict() for a in ctx.message.attachments)
    ticket = await add_to_ticket(ctx.services.desk, code, said, evidence, ward, district)
    if ticket is None:
        return Turn(state.finished(), (ctx.reply(texts.LETTER_GONE.format(code=code)),))
    parts = [texts.LETTER_ADDED.format(code=code, due=due(ticket))]
    if evidence:
        parts.append(texts.LETTER_ADDED_EVIDENCE.format(count=len(evidence)))
    return Turn(state, (ctx.reply("\n".join(parts)),))


async def add_to_ticket(
    desk: TicketDesk,
    code: str,
    note: str,
    evidence: tuple[dict[str, Any], ...] = (),
    ward: str | None = None,
    district: str | None = None,
) -> Ticket | None:
    """Append what the citizen added; a place fills the ticket's place only if it had none."""
    while True:  # compare-and-set, so an agent's change made meanwhile is kept
        ticket = await desk.store.get(code)
        if ticket is None:
            return None
        event = TicketEvent(at=desk.clock(), actor="citizen", action="details", note=note or None)
        changes: dict[str, Any] = {"evidence": (*ticket.evidence, *evidence)}
        if note:
            changes["description"] = f"{ticket.description}\n{note}"
        if not (ticket.ward or ticket.district) and (ward or district):
            changes.update(ward=ward, district=district)
        if await desk.store.replace(ticket.with_event(event, **changes), ticket):
            return await desk.store.get(code)


def _place(ctx: Context) -> tuple[str | None, str | None]:
    ward, district = ctx.parse.entity("ward"), ctx.parse.entity("district")
    if ward and not district:
        district = ctx.services.units.district_of(ward)
    return ward, district

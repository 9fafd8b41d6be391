"""Emergencies: call 115 first, then an urgent ticket, then the address and phone for the
responders.

Honest about who reads it: when an agent is at the console the citizen is told the agents on duty
were alerted; when nobody is, the citizen is told at once to call 115 or 0274.1022, never that it
was passed on. The address step takes only a place (a ward, an address, a shared location); a
phone typed with it goes to the ticket's contact, the place to the ticket's own fields.
"""

from __future__ import annotations

from enum import StrEnum

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import file_ticket
from hotline.bot.dialogs.place import names_a_place, without_phone
from hotline.handoff.desk import Place

DIALOG = "emergency"
# Answers that are not a place are asked again this often, then the dialog ends with the
# numbers to call: an emergency must never loop.
_TRIES = 2


class EmergencyStep(StrEnum):
    WHERE = "where"
    PHONE = "phone"


WHERE, PHONE = EmergencyStep.WHERE, EmergencyStep.PHONE


async def start(ctx: Context, state: ConversationState) -> Turn:
    description = ctx.their_words or texts.CATEGORY_NAMES["emergency"]
    ward, district = _place(ctx)
    phone = ctx.parse.entity("phone")
    ticket = await file_ticket(
        ctx,
        "emergency",
        description,
        district=district,
        ward=ward,
        evidence=tuple(a.to_dict() for a in ctx.message.attachments),
        contact={"phone": phone} if phone else None,
    )
    said = texts.EMERGENCY if ctx.services.agents.anyone_online() else texts.EMERGENCY_NOBODY
    state = state.starting(DIALOG, WHERE, code=ticket.code, phone=bool(phone), tries=0)
    return Turn(
        state, (ctx.reply(said.format(code=ticket.code)), ctx.reply(texts.EMERGENCY_ASK_WHERE))
    )


def ask_again(ctx: Context, state: ConversationState) -> Turn:
    question = texts.EMERGENCY_ASK_PHONE if state.step == PHONE else texts.EMERGENCY_ASK_WHERE
    return Turn(state, (ctx.reply(question),))


async def step(ctx: Context, state: ConversationState) -> Turn:
    if state.step == PHONE:
        return await _on_phone(ctx, state)
    return await _on_where(ctx, state)


async def _on_where(ctx: Context, state: ConversationState) -> Turn:
    located = [a for a in ctx.message.attachments if a.kind == "location"]
    tries = state.slots.get("tries", 0) + 1
    if not located and not names_a_place(ctx):
        if tries <= _TRIES:
            again = ctx.reply(texts.EMERGENCY_WHERE_AGAIN)
            return Turn(state.goto(DIALOG, WHERE, tries=tries), (again,))
        return Turn(state.finished(), (ctx.reply(texts.EMERGENCY_CALL),))
    note = without_phone(ctx)  # the phone goes to the contact, behind the audited view
    for attachment in located:
        note += f"\nVị trí: {attachment.latitude}, {attachment.longitude}"
    ward, district = _place(ctx)
    phone = ctx.parse.entity("phone")
    place = Place(ward, district, without_phone(ctx) or None, phone)
    await ctx.services.desk.add_details(state.slots["code"], note.strip(), place=place)
    if not (phone or state.slots.get("phone")):
        state = state.goto(DIALOG, PHONE, tries=0)
        return Turn(state, (ctx.reply(texts.EMERGENCY_ASK_PHONE),))
    return _done(ctx, state)


async def _on_phone(ctx: Context, state: ConversationState) -> Turn:
    phone = ctx.parse.entity("phone")
    tries = state.slots.get("tries", 0) + 1
    if phone is None:
        if tries <= _TRIES:
            again = ctx.reply(texts.EMERGENCY_ASK_PHONE)
            return Turn(state.goto(DIALOG, PHONE, tries=tries), (again,))
        return _done(ctx, state)
    await ctx.services.desk.add_details(
        state.slots["code"], without_phone(ctx), place=Place(phone=phone)
    )
    return _done(ctx, state)


def _done(ctx: Context, state: ConversationState) -> Turn:
    code = state.slots["code"]
    if ctx.services.agents.anyone_online():
        return Turn(state.finished(), (ctx.reply(texts.EMERGENCY_NOTED),))
    return Turn(state.finished(), (ctx.reply(texts.EMERGENCY_NOTED_NOBODY.format(code=code)),))


def _place(ctx: Context) -> tuple[str | None, str | None]:
    ward, district = ctx.parse.entity("ward"), ctx.parse.entity("district")
    if ward and not district:
        district = ctx.services.units.district_of(ward)
    return ward, district

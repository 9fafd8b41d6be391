"""Emergencies: call 115 first, then an urgent ticket, then the address for the responders."""

from __future__ import annotations

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import file_ticket

DIALOG = "emergency"


async def start(ctx: Context, state: ConversationState) -> Turn:
    description = ctx.message.text.strip() or texts.CATEGORY_NAMES["emergency"]
    ticket = await file_ticket(
        ctx,
        "emergency",
        description,
        district=ctx.parse.entity("district"),
        ward=ctx.parse.entity("ward"),
        evidence=tuple(a.to_dict() for a in ctx.message.attachments),
        contact={"phone": phone} if (phone := ctx.parse.entity("phone")) else None,
    )
    return Turn(
        state.finished().goto(DIALOG, "where", code=ticket.code),
        (
            ctx.reply(texts.EMERGENCY.format(code=ticket.code)),
            ctx.reply(texts.EMERGENCY_ASK_WHERE),
        ),
    )


async def step(ctx: Context, state: ConversationState) -> Turn:
    """The one follow-up: whatever the citizen says next is added to the urgent ticket."""
    note = ctx.message.text.strip()
    for attachment in ctx.message.attachments:
        if attachment.kind == "location":
            note += f"\nVị trí: {attachment.latitude}, {attachment.longitude}"
    if note:
        await ctx.services.desk.add_details(state.slots["code"], note.strip())
    return Turn(state.finished(), (ctx.reply(texts.EMERGENCY_NOTED),))

"""'Let me talk to a person': a ticket for an agent, who replies in the same chat."""

from __future__ import annotations

from bot.conversation import ConversationState
from bot.dialogs import texts
from bot.dialogs.base import Context, Turn
from bot.dialogs.tickets import due, file_ticket


async def request_human(ctx: Context, state: ConversationState) -> Turn:
    description = ctx.message.text.strip() or texts.CATEGORY_NAMES["other"]
    ticket = await file_ticket(ctx, "other", description)
    return Turn(
        state.finished(), (ctx.reply(texts.HUMAN.format(code=ticket.code, due=due(ticket))),)
    )

"""'Let me talk to a person': a ticket for an agent, who replies in the same chat."""

from __future__ import annotations

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import due, file_ticket


async def request_human(ctx: Context, state: ConversationState, earlier: str | None = None) -> Turn:
    """`earlier`: what a form left half-filled had collected, kept for the agent."""
    description = ctx.their_words or texts.CATEGORY_NAMES["other"]
    if earlier:
        description = f"{description}\n{earlier}"
    ticket = await file_ticket(ctx, "other", description)
    said = texts.HUMAN_SOON if ctx.services.agents.anyone_online() else texts.HUMAN_QUEUED
    return Turn(state.finished(), (ctx.reply(said.format(code=ticket.code, due=due(ticket))),))

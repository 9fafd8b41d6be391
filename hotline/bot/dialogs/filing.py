"""Filing a ticket from a conversation, shared by the dialogs that file one."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hotline.bot.dialogs.base import Context
from hotline.handoff.deadlines import local_time
from hotline.handoff.tickets import Reporter, Ticket, TicketDraft


async def file_ticket(ctx: Context, category: str, description: str, **details: Any) -> Ticket:
    """File the conversation's ticket; TicketQuotaReached when it has filed enough for now
    (the engine answers that politely)."""
    quota = ctx.services.ticket_quota
    if quota is not None:
        now = ctx.message.received_at or datetime.now(UTC)
        await quota.check(ctx.services.desk.store, ctx.message.key, category, now)
    contact = details.pop("contact", None)
    draft = TicketDraft(
        category=category,
        description=description,
        **ctx.message.key.fields(),
        source_key=ctx.source_key,
        reporter=Reporter(**contact) if contact else None,
        received_at=ctx.message.received_at,
        **details,
    )
    return await ctx.services.desk.file(draft)


def due(ticket: Ticket) -> str:
    return local_time(ticket.due_at)

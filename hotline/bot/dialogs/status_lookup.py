"""Status lookup by code, only for the conversation that filed the ticket."""

from __future__ import annotations

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import due
from hotline.bot.nlu.payloads import payload
from hotline.handoff.codes import could_be_issued, find_code

DIALOG = "status"


def _code(ctx: Context) -> str | None:
    return ctx.parse.entity("ticket_code") or find_code(ctx.message.text)


async def start(ctx: Context, state: ConversationState) -> Turn:
    code = _code(ctx)
    if code:
        return await _show(ctx, state, code)
    return await ask_again(ctx, state)


async def ask_again(ctx: Context, state: ConversationState) -> Turn:
    """Ask for the code, offering the conversation's own tickets."""
    mine = await ctx.services.desk.store.for_conversation(*_who(ctx))
    if mine:
        buttons = [(t.code, payload("check_status", ticket_code=t.code)) for t in mine[:5]]
        return Turn(state.starting(DIALOG, "code"), (ctx.reply(texts.ASK_CODE_CHOOSE, buttons),))
    return Turn(state.starting(DIALOG, "code"), (ctx.reply(texts.ASK_CODE),))


async def step(ctx: Context, state: ConversationState) -> Turn:
    code = _code(ctx)
    if code is None:
        return Turn(
            state.finished(),
            (ctx.reply(texts.STATUS_NOT_FOUND.format(code=ctx.message.text.strip()[:40])),),
        )
    return await _show(ctx, state, code)


def _who(ctx: Context) -> tuple[str, str]:
    return ctx.message.key.channel, ctx.message.key.sender


async def _show(ctx: Context, state: ConversationState, code: str) -> Turn:
    if not could_be_issued(code):  # "PA-5GHU-1NBQ": a 1 where an I or an L was meant
        return Turn(state.finished(), (ctx.reply(texts.STATUS_NO_SUCH_CODE.format(code=code)),))
    ticket = await ctx.services.desk.lookup_for_reporter(code, *_who(ctx))
    if ticket is None:
        return Turn(state.finished(), (ctx.reply(texts.STATUS_NOT_FOUND.format(code=code)),))
    text = texts.STATUS.format(
        code=ticket.code,
        category=texts.CATEGORY_NAMES.get(ticket.category, ticket.category),
        status=texts.STATUS_NAMES.get(ticket.status, ticket.status),
        due=due(ticket),
    )
    public_notes = [e.note for e in ticket.history if e.action == "answer" and e.note]
    if public_notes:
        text += f"\n{public_notes[-1]}"
    return Turn(state.finished(), (ctx.reply(text),))

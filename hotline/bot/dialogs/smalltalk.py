"""Greetings, thanks, goodbyes and the polite answer to what the hotline does not do."""

from __future__ import annotations

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.nlu.acknowledgements import acknowledgement


def menu(ctx: Context, text: str) -> Turn:
    return Turn(ConversationState(ctx.message.key).finished(), (ctx.reply(text, texts.MENU),))


def greet(ctx: Context, state: ConversationState) -> Turn:
    return Turn(
        state.finished(),
        (ctx.reply(texts.GREETING), ctx.reply(texts.MENU_PROMPT, texts.MENU)),
    )


def thank(ctx: Context, state: ConversationState) -> Turn:
    """Thanks, or an "ok" or a 👍: a short polite reply that leaves any dialog as it was."""
    acknowledged = acknowledgement(ctx.message.text)
    said = texts.ACKNOWLEDGED if acknowledged else texts.THANKS
    return Turn(state, (ctx.reply(said),))


def goodbye(ctx: Context, state: ConversationState) -> Turn:
    return Turn(state.finished(), (ctx.reply(texts.GOODBYE),))


def out_of_scope(ctx: Context, state: ConversationState) -> Turn:
    return Turn(state.finished(), (ctx.reply(texts.OUT_OF_SCOPE, texts.MENU),))


def not_understood(ctx: Context, state: ConversationState) -> Turn:
    return Turn(state.finished(), (ctx.reply(texts.NOT_UNDERSTOOD, texts.MENU),))

"""Answers from the FAQ; suggestions when unsure; a health consultant when nothing fits."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import rating, smalltalk, texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import due, file_ticket
from hotline.bot.messages import OutboundMessage
from hotline.bot.nlu.faq_choice import faq_choice, off_topic_offer
from hotline.bot.nlu.greetings import after_greeting
from hotline.bot.nlu.payloads import payload
from hotline.bot.nlu.personal_health import personal_health
from hotline.faq.entries import FaqEntry
from hotline.faq.index import FaqLookup
from hotline.faq.unanswered import AskedQuestion

# A suggestion button's title: the widget wraps long chips, so only very long questions are
# shortened, and then between words, never mid-word.
_MAX_TITLE = 90


def _title(question: str) -> str:
    if len(question) <= _MAX_TITLE:
        return question
    cut = question[: _MAX_TITLE - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


async def choose(ctx: Context) -> FaqLookup:
    """`faq_choice` for the message, the encoder's second opinion (if any) asked first off the
    event loop (`FaqKnowledge.consider`). A question on someone's own illness and a vaccine, a
    treatment or a drug (`personal_health`) is never answered from an entry: its entries are
    only offered, beside the consultant."""
    asked = after_greeting(ctx.message.text)  # "chào ad, ..." asks what follows the greeting
    await ctx.services.faq.consider(asked)
    found = faq_choice(ctx.parse.faq, ctx.services.faq, asked)
    if found.answer is None or not personal_health(asked):
        return found
    offered = (found.answer, *(e for e in found.suggestions if e.id != found.answer.id))
    return replace(found, answer=None, suggestions=offered)


async def answer(ctx: Context, state: ConversationState) -> Turn:
    """An FAQ question (typed, or a suggestion button pressed)."""
    chosen = ctx.parse.entity("faq_id")
    if chosen:
        entry = ctx.services.faq.get_published(chosen)
        if entry is not None:
            return rating.answer_turn(ctx, state, entry)
        return smalltalk.not_understood(ctx, state)
    if not ctx.message.text.strip():  # the menu button: ask for the question itself
        prompt = texts.ASK_HEALTH_PROMPT if ctx.intent == "health_consult" else texts.ASK_FAQ_PROMPT
        return Turn(state.finished(), (ctx.reply(prompt),))
    found = await choose(ctx)
    log_question(ctx, found)
    if found.answer is not None:
        return rating.answer_turn(ctx, state, found.answer)
    if ctx.intent == "health_consult" or personal_health(ctx.message.text):
        # The consultant answers in person; plausible entries meanwhile, which may answer sooner.
        if not found.suggestions:
            return await health_ticket(ctx, state)
        offered = ctx.reply(texts.SUGGEST_WHILE_WAITING, _buttons(found.suggestions))
        return await health_ticket(ctx, state, offered)
    if found.suggestions:
        buttons = [*_buttons(found.suggestions), (texts.SUGGEST_NONE, "/request_human")]
        return Turn(state.finished(), (ctx.reply(texts.SUGGEST, buttons),))
    return no_answer(ctx, state)


def _buttons(entries: tuple[FaqEntry, ...]) -> list[tuple[str, str]]:
    return [_suggestion(e.questions[0], e.id) for e in entries]


@lru_cache(maxsize=4096)
def _suggestion(question: str, entry_id: str) -> tuple[str, str]:
    """An entry's suggestion button, made once (its payload's JSON cost about 3 us a button, and
    a repeated question offers the same entries again); an edited question is a new key."""
    return _title(question), payload("ask_faq", faq_id=entry_id)


def off_topic(ctx: Context, state: ConversationState) -> Turn:
    """What the hotline does, for a message taken for small talk; and the entry both retrievers
    agree on, when they do (`faq_choice.off_topic_offer`), since small talk is sometimes a
    question the NLU misread."""
    turn = smalltalk.out_of_scope(ctx, state)
    entry = off_topic_offer(ctx.parse.faq, ctx.services.faq, ctx.message.text)
    if entry is None:
        return turn
    return Turn(turn.state, (*turn.replies, ctx.reply(texts.SUGGEST_OFF_TOPIC, _buttons((entry,)))))


def no_answer(ctx: Context, state: ConversationState) -> Turn:
    """No entry answers it: say so plainly and offer a person (the question is logged for the
    admins' unanswered inbox by `answer`)."""
    return Turn(
        state.finished(), (ctx.reply(texts.NO_ANSWER, [(texts.ASK_PERSON, "/request_human")]),)
    )


async def sure_answer(ctx: Context, state: ConversationState) -> Turn | None:
    """The FAQ's answer when an entry surely answers the message, else None (nothing logged)."""
    found = await choose(ctx)
    if found.answer is None:
        return None
    log_question(ctx, found)
    return rating.answer_turn(ctx, state, found.answer)


def log_question(ctx: Context, found: FaqLookup) -> None:
    """Log the question for admins (with the turn): which entry answered it, or its text when
    none did."""
    if ctx.services.questions is None:
        return
    at = ctx.message.received_at or datetime.now(UTC)
    answered = found.answer.id if found.answer is not None else None
    text = None if answered else ctx.message.text
    ctx.asked(AskedQuestion(ctx.message.key.channel, at, answered, found.score, text))


async def health_ticket(ctx: Context, state: ConversationState, *offered: OutboundMessage) -> Turn:
    ticket = await file_ticket(
        ctx,
        "health",
        ctx.their_words,
        district=ctx.parse.entity("district"),
        ward=ctx.parse.entity("ward"),
    )
    reply = texts.HEALTH_TICKET.format(code=ticket.code, due=due(ticket))
    return Turn(state.finished(), (ctx.reply(reply), *offered))

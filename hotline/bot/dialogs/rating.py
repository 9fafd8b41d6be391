"""Closing the loop: 👍/👎 under each FAQ answer, and the survey after a ticket is resolved.

A 👎 puts the question in the admins' unanswered inbox: the question the citizen typed, found in
the conversation's transcript (the message the latest answer offering that 👎 replied to; not
merely the last one before it, since a message sent while the answer was worked out, a name and
phone number, comes between), or the entry's own question. Nothing is kept in the state for it,
so a new sender's answered question writes no state row. The survey is one question with three
buttons, sent with the news that the ticket was resolved; the first answer stands.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.messages import Button, ConversationKey, OutboundMessage
from hotline.bot.nlu import telex
from hotline.bot.nlu.payloads import payload
from hotline.bot.opinions import SURVEY_VERDICTS, Opinion, Subject, Verdict
from hotline.faq.entries import FaqEntry
from hotline.faq.unanswered import AskedQuestion

UP, DOWN, SURVEYED = "faq_up", "faq_down", "rate_ticket"


# How far back in the conversation a 👎 looks for the answer it rates and the question before it.
ASKED_WITHIN = 20


def answer_turn(ctx: Context, state: ConversationState, entry: FaqEntry) -> Turn:
    """The entry's answer with 👍/👎; a dialog in progress ends. An idle state stays the very
    one loaded, so the turn writes none (a 👎 finds the question in the transcript)."""
    idle = state.dialog is None and state.step is None and not state.slots
    return Turn(state if idle else state.finished(), (answer_reply(ctx, entry),))


def answer_reply(ctx: Context, entry: FaqEntry) -> OutboundMessage:
    if ctx.services.opinions is None or ctx.message.key.channel in ctx.services.letter_channels:
        return ctx.reply(entry.answer)  # a letter gets no buttons to press
    up, down = _opinion_payloads(entry.id)
    return ctx.reply(entry.answer, ((texts.HELPFUL, up), (texts.NOT_HELPFUL, down)))


@lru_cache(maxsize=4096)
def _opinion_payloads(entry_id: str) -> tuple[str, str]:
    """The 👍/👎 payloads of an entry, made once an entry (two JSON dumps: about 6 us an
    answer). Only the payloads: the labels are the conversation's locale's."""
    return payload(UP, faq_id=entry_id), payload(DOWN, faq_id=entry_id)


def survey(key: ConversationKey, code: str) -> OutboundMessage:
    """The one question sent when the citizen's ticket is resolved."""
    buttons = tuple(
        Button(texts.SURVEY_CHOICES[v], payload(SURVEYED, ticket_code=code, verdict=v.value))
        for v in SURVEY_VERDICTS
    )
    return OutboundMessage(key, texts.SURVEY.format(code=code), buttons=buttons)


def pressed(ctx: Context) -> bool:
    return ctx.pressed(UP, DOWN, SURVEYED)


async def rate(ctx: Context, state: ConversationState) -> Turn:
    """Keep the opinion; the conversation stays where it was (a form goes on)."""
    if ctx.intent == SURVEYED:
        return await _surveyed(ctx, state)
    entry = ctx.services.faq.get_published(ctx.parse.entity("faq_id") or "")
    log = ctx.services.opinions
    if entry is None or log is None:
        return Turn(state)
    verdict = Verdict.UP if ctx.intent == UP else Verdict.DOWN
    opinion = Opinion(Subject.ANSWER, entry.id, verdict, _channel(ctx), _at(ctx), ctx.source_key)
    if await log.record(opinion) and verdict == Verdict.DOWN and ctx.services.questions:
        text = await _asked(ctx, entry)
        # Written at once, not with the turn (`ctx.asked`): the opinion already is, so a
        # retried turn (its commit failed) would find it recorded and not log the question.
        await ctx.services.questions.record(AskedQuestion(_channel(ctx), _at(ctx), text=text))
    if verdict == Verdict.UP:
        return Turn(state, (ctx.reply(texts.RATED_UP),))
    return Turn(state, (ctx.reply(texts.RATED_DOWN, [(texts.ASK_PERSON, "/request_human")]),))


async def _asked(ctx: Context, entry: FaqEntry) -> str:
    """What the citizen wrote (read as `Engine` reads Telex) that the latest reply offering
    `entry`'s 👎 answered, both within the last `ASKED_WITHIN` messages; else the entry's own
    question."""
    history = ctx.services.history
    if history is None:
        return entry.questions[0]
    down = _opinion_payloads(entry.id)[1]
    lines = await history.transcript(ctx.message.key, ASKED_WITHIN)
    answered = next((line.get("reply_to") for line in reversed(lines) if _offers(line, down)), None)
    if answered is None:
        return entry.questions[0]
    asked = next((line for line in lines if line.get("id") == answered), None)
    if asked is None or asked["direction"] != "in":
        return entry.questions[0]
    return telex.decode((asked.get("text") or "").strip()) or entry.questions[0]


def _offers(line: dict[str, Any], wanted: str) -> bool:
    """Whether a transcript line is a reply with a button sending `wanted`."""
    buttons = (line.get("buttons") or ()) if line["direction"] == "out" else ()
    return any(b.get("payload") == wanted for b in buttons)


async def _surveyed(ctx: Context, state: ConversationState) -> Turn:
    code, said = ctx.parse.entity("ticket_code") or "", ctx.parse.entity("verdict")
    key = ctx.message.key
    ticket = await ctx.services.desk.lookup_for_reporter(code, key.channel, key.sender)
    log = ctx.services.opinions
    if ticket is None or log is None or said not in {v.value for v in SURVEY_VERDICTS}:
        return Turn(state)
    verdict = Verdict(said)
    opinion = Opinion(Subject.TICKET, code, verdict, key.channel, _at(ctx), by=code)
    if not await log.record(opinion):
        return Turn(state, (ctx.reply(texts.SURVEY_ALREADY.format(code=code)),))
    if verdict == Verdict.UNSATISFIED:
        return Turn(state, (ctx.reply(texts.SURVEY_SORRY, [(texts.ASK_PERSON, "/request_human")]),))
    return Turn(state, (ctx.reply(texts.SURVEY_THANKS),))


def _channel(ctx: Context) -> str:
    return ctx.message.key.channel


def _at(ctx: Context) -> datetime:
    return ctx.message.received_at or datetime.now(UTC)

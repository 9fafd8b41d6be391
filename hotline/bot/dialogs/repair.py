"""Repair in the middle of a form: leave it, step back, ask for a person, or ask a question.

A citizen half-way through a report says what people say to a person: "thôi hủy", "không báo
nữa", "quay lại", "cho tôi nói chuyện với tổng đài viên", or asks "F0 cách ly mấy ngày?". None of
these is an answer to the step, so each is recognised before the step sees the message: the NLU's
intent for a person and a question, phrases over folded words for leaving and stepping back (no
intent of the contract names them). An emergency interrupts earlier, in the router.
"""

from __future__ import annotations

from enum import StrEnum

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import (
    emergency,
    faq_answer,
    human,
    rating,
    report_form,
    status_lookup,
    texts,
    understood,
)
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.messages import OutboundMessage
from hotline.bot.nlu.normalize import words
from hotline.bot.nlu.questions import is_question

# Leaving or stepping back is said in a few words; a longer message is an answer that happens to
# contain "hủy" or "quay lại" ("quán bị công an yêu cầu hủy tiệc nhưng vẫn tụ tập trở lại").
_SHORT = 6
# How sure the NLU must be that a message in a form asks for a person. Answers to a step
# ("123 Yersin", "hôm qua") score far below; "gặp người thật" scores above.
PERSON_SURE = 0.6
# The dialogs that are repaired; others (a mail thread) take every message as their answer.
REPAIRED = frozenset({report_form.DIALOG, emergency.DIALOG, status_lookup.DIALOG})


class Repair(StrEnum):
    CANCEL = "cancel"
    BACK = "back"
    PERSON = "person"
    QUESTION = "question"


def _has(said: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(said[i : i + n]) == phrase for i in range(len(said) - n + 1)):
            return True
    return False


def repair_of(ctx: Context) -> Repair | None:
    """What the message repairs, or None when it answers the step."""
    if ctx.pressed("cancel") or ctx.said in understood.CANCEL_WORDS:
        return Repair.CANCEL
    if ctx.pressed("back"):
        return Repair.BACK
    if ctx.message.content.startswith("/"):
        return Repair.PERSON if ctx.pressed("request_human") else None
    said = words(ctx.message.text)
    if (
        said
        and len(said) <= _SHORT
        and "dang" not in said
        and _has(said, understood.CANCEL_PHRASES)
    ):
        return Repair.CANCEL  # "dang": "hủy đăng ký" ends a subscription, not this form
    if said and len(said) <= _SHORT and _has(said, understood.BACK_PHRASES):
        return Repair.BACK
    if ctx.intent == "request_human" and ctx.parse.intent.confidence >= PERSON_SURE:
        return Repair.PERSON
    if is_question(ctx.message.text) and ctx.intent in ("ask_faq", "health_consult"):
        return Repair.QUESTION
    return None


async def mend(ctx: Context, state: ConversationState) -> Turn | None:
    """The turn that repairs the dialog in progress, or None to let the step answer."""
    if state.dialog not in REPAIRED:
        return None
    repair = repair_of(ctx)
    if repair is None:
        return None
    if repair == Repair.CANCEL:
        said = texts.EMERGENCY_STOPPED if state.dialog == emergency.DIALOG else texts.CANCELLED
        return Turn(state.finished(), (ctx.reply(said),))
    if repair == Repair.PERSON:
        return await human.request_human(ctx, state, _partial(state))
    if repair == Repair.BACK:
        if state.dialog == report_form.DIALOG:
            return report_form.back(ctx, state)
        return await _ask_again(ctx, state)
    return await _answer_on_the_way(ctx, state)


async def _answer_on_the_way(ctx: Context, state: ConversationState) -> Turn | None:
    """A question the FAQ surely answers is answered and the step asked again; else the step
    takes the message (a question may well be the answer: "ở chợ Thủ Dầu Một phải không?")."""
    found = await faq_answer.choose(ctx)
    if found.answer is None:
        return None
    faq_answer.log_question(ctx, found)
    again = await _ask_again(ctx, state)
    resumed = again.replies
    if resumed:
        first = resumed[0]
        resumed = (ctx.reply(f"{texts.FORM_RESUME}\n{first.text}", _pairs(first)), *resumed[1:])
    return Turn(again.state, (rating.answer_reply(ctx, found.answer), *resumed))


async def _ask_again(ctx: Context, state: ConversationState) -> Turn:
    if state.dialog == report_form.DIALOG:
        return report_form.ask_again(ctx, state)
    if state.dialog == emergency.DIALOG:
        return emergency.ask_again(ctx, state)
    return await status_lookup.ask_again(ctx, state)


def _pairs(message: OutboundMessage) -> list[tuple[str, str]]:
    return [(b.title, b.payload) for b in message.buttons]


def _partial(state: ConversationState) -> str | None:
    """What a half-filled report said, kept on the ticket for the person who takes over."""
    if state.dialog != report_form.DIALOG or not state.slots.get("description"):
        return None
    category = texts.CATEGORY_NAMES[state.slots["category"]]
    return texts.PARTIAL_FORM.format(category=category, description=state.slots["description"])

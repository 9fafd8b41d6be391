"""Routes each message to the dialog in progress or, between dialogs, by intent."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import (
    emergency,
    faq_answer,
    human,
    letter,
    rating,
    repair,
    report_form,
    smalltalk,
    status_lookup,
    subscriptions,
    texts,
    understood,
)
from hotline.bot.dialogs.base import Context, Services, Turn
from hotline.bot.nlu.complaints import complains
from hotline.bot.nlu.greetings import greets
from hotline.bot.nlu.questions import is_question

Handler = Callable[[Context, ConversationState], Awaitable[Turn]]

# Below this confidence an intent is a guess: the FAQ gets a say before anything is filed.
CONFIDENT = 0.5
# An emergency interrupts any form when the NLU is this sure.
EMERGENCY_INTERRUPT = 0.8
# A question taken for a report below this confidence goes the FAQ's way (answer, suggestions or
# a person): on the development split no report was put as a question, many questions were
# taken for reports.
SURE_REPORT = 0.9
# A message put as a question but taken for one of these gets the FAQ's answer when an entry
# surely answers it ("hàng xóm là F1 thì phải ở nhà bao lâu" is no tip). Never an emergency.
# An event told without a question ("siêu thị mini đường Lê Lợi bán rau gấp đôi giá") is a report
# or tip from this confidence, unless an entry surely answers it: on the development split such
# reports scored 0.23-0.49 and were told "no answer yet"; no question at these scores was unasked.
EVENT_REPORT = 0.3
EVENTS = frozenset({"report_violation", "report_contact"})
# A question taken for small talk this surely is off the hotline's topics (a birth certificate,
# land tax, the province's population): it is told what the hotline does, with an FAQ entry only
# when both retrievers put that entry first (`faq_answer.off_topic`). Less sure, it goes the
# FAQ's way: an answer, plausible entries, or "no answer yet" and a person. Fitted on dev+dev2
# (0.7 and 0.8 gave the same figures; 0.6 lost a covered question).
SURE_OUT_OF_SCOPE = 0.75
QUESTION_FIRST = frozenset(
    {
        "report_violation",
        "report_contact",
        "request_support",
        "feedback",
        "check_status",
        "out_of_scope",
        "greet",
        "request_human",
        "thank",
        "goodbye",
    }
)
# Thanks or a goodbye put as a question ("cảm ơn ad, mà F1 ở nhà mấy ngày vậy") goes the FAQ's
# way, as a report put as one does, unless the NLU is SURE_REPORT of it.
POLITE_CLOSINGS = frozenset({"thank", "goodbye"})


def _wrap(handler: Callable[[Context, ConversationState], Turn]) -> Handler:
    async def run(ctx: Context, state: ConversationState) -> Turn:
        return handler(ctx, state)

    return run


BY_INTENT: dict[str, Handler] = {
    "greet": _wrap(smalltalk.greet),
    "goodbye": _wrap(smalltalk.goodbye),
    "thank": _wrap(smalltalk.thank),
    "out_of_scope": _wrap(faq_answer.off_topic),
    "ask_faq": faq_answer.answer,
    "health_consult": faq_answer.answer,
    "report_violation": report_form.start,
    "report_contact": report_form.start,
    "request_support": report_form.start,
    "feedback": report_form.start,
    "emergency": emergency.start,
    "request_human": human.request_human,
    "check_status": status_lookup.start,
}
IN_PROGRESS: dict[str, Handler] = {
    report_form.DIALOG: report_form.answer,
    emergency.DIALOG: emergency.step,
    status_lookup.DIALOG: status_lookup.step,
    letter.DIALOG: letter.follow_up,
    subscriptions.DIALOG: subscriptions.step,
}


class DialogRouter:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def handle(self, ctx: Context, state: ConversationState) -> Turn:
        if rating.pressed(ctx):  # 👍/👎 or a survey answer: kept, and whatever ran goes on
            return await rating.rate(ctx, state)
        # Notices: typed or the menu's button, at any step.
        wanted = subscriptions.wants(ctx, in_dialog=bool(state.dialog))
        if wanted == subscriptions.UNSUBSCRIBE:
            return await subscriptions.stop(ctx, state)
        if wanted == subscriptions.SUBSCRIBE:
            return await subscriptions.start(ctx, state)
        if state.dialog in IN_PROGRESS and not self._interrupts(ctx, state):
            # Leaving, stepping back, a person or a question, before the step reads it.
            mended = await repair.mend(ctx, state)
            if mended is not None:
                return mended
            if ctx.pressed("cancel") or ctx.said in understood.CANCEL_WORDS:
                return Turn(state.finished(), (ctx.reply(texts.CANCELLED),))
            return await IN_PROGRESS[state.dialog](ctx, state)
        if ctx.pressed("cancel"):
            return Turn(state.finished(), (ctx.reply(texts.CANCELLED),))
        return await self._by_intent(ctx, state.finished())

    def _interrupts(self, ctx: Context, state: ConversationState) -> bool:
        """A button from the menu, or an emergency, starts over whatever was in progress (a
        person asked for from a form is the repair's: it keeps what the form collected)."""
        if ctx.message.content.startswith("/") and ctx.intent in BY_INTENT:
            return not (ctx.intent == "request_human" and state.dialog in repair.REPAIRED)
        # In the emergency flow itself, "still bleeding, at ..." is the address it asks for.
        sure = ctx.intent == "emergency" and ctx.parse.intent.confidence >= EMERGENCY_INTERRUPT
        return sure and state.dialog != emergency.DIALOG

    def _told_event(self, ctx: Context) -> bool:
        """A report or tip intent, fairly sure, for a message that asks nothing; or feedback
        as sure, for a complaint about the hotline's answers ("trả lời như cái máy, vô dụng")."""
        sure_enough = ctx.parse.intent.confidence >= EVENT_REPORT
        told = ctx.intent in EVENTS or (ctx.intent == "feedback" and complains(ctx.message.text))
        return told and sure_enough and not is_question(ctx.message.text)

    async def _by_intent(self, ctx: Context, state: ConversationState) -> Turn:
        intent, confidence = ctx.intent, ctx.parse.intent.confidence
        if intent not in BY_INTENT:
            return smalltalk.not_understood(ctx, state)
        typed = not ctx.message.content.startswith("/")
        if intent == "greet" and typed and greets(ctx.message.text):
            # "alo, có ai trực không" is put as a question, yet asks the FAQ nothing.
            return await BY_INTENT[intent](ctx, state)
        if typed and intent in QUESTION_FIRST and is_question(ctx.message.text):
            if intent == "out_of_scope" and confidence >= SURE_OUT_OF_SCOPE:
                # Still on the admins' unanswered list, whatever it was taken for, so they may
                # add an entry (issue 12); chit-chat that asks nothing, thanks, "ok" and
                # greetings never are.
                found = await faq_answer.choose(ctx)
                faq_answer.log_question(ctx, replace(found, answer=None))
                return await BY_INTENT[intent](ctx, state)
            answered = await faq_answer.sure_answer(ctx, state)
            if answered is not None:
                return answered
            mistaken = intent in report_form.INTENT_CATEGORIES or intent in POLITE_CLOSINGS
            if mistaken and confidence < SURE_REPORT:
                return await faq_answer.answer(ctx, state)  # a question is no report, nor thanks
            if intent == "out_of_scope":
                return await faq_answer.answer(ctx, state)  # unsure small talk: the FAQ's way
        if confidence < CONFIDENT and intent not in ("ask_faq", "health_consult", "out_of_scope"):
            if not (typed and self._told_event(ctx)):
                return await faq_answer.answer(ctx, state)
            answered = await faq_answer.sure_answer(ctx, state)
            if answered is not None:
                return answered
        if intent in letter.FILES and ctx.message.key.channel in self.services.letter_channels:
            return await letter.file_report(ctx, state)
        return await BY_INTENT[intent](ctx, state)

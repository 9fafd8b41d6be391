"""The report form: what happened, where, when, evidence, contact, confirm; cancel at any step.

Each step is a state; `answer` handles the citizen's reply to the current step and returns the
next state, which the engine saves with the replies, so a restart continues the form.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts, understood
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.filing import due, file_ticket
from hotline.bot.dialogs.place import names_a_place, take_place, without_phone
from hotline.bot.nlu.payloads import payload
from hotline.bot.nlu.report_openers import asks_to_report

DIALOG = "report"


class FormStep(StrEnum):
    """A step of the form; the value is what the conversation store keeps as the state's step."""

    DESCRIBE = "describe"
    WHERE = "where"
    WHERE_DISTRICT = "where_district"  # the ward's name was not enough: which district
    WHERE_WARD = "where_ward"  # the district is known: which of its wards
    WHEN = "when"
    EVIDENCE = "evidence"
    CONTACT = "contact"
    CONFIRM = "confirm"
    EDIT = "edit"  # which answer to change, asked from the confirmation


# Short names for the steps table and the handlers below.
DESCRIBE, WHERE, WHERE_DISTRICT, WHERE_WARD, WHEN = (
    FormStep.DESCRIBE,
    FormStep.WHERE,
    FormStep.WHERE_DISTRICT,
    FormStep.WHERE_WARD,
    FormStep.WHEN,
)
EVIDENCE, CONTACT, CONFIRM, EDIT = (
    FormStep.EVIDENCE,
    FormStep.CONTACT,
    FormStep.CONFIRM,
    FormStep.EDIT,
)

INTENT_CATEGORIES = {
    "report_violation": "violation",
    "report_contact": "contact_tip",
    "request_support": "hardship",
    "feedback": "feedback",
}
STEPS: dict[str, tuple[FormStep, ...]] = {
    "violation": (DESCRIBE, WHERE, WHEN, EVIDENCE, CONTACT, CONFIRM),
    "contact_tip": (DESCRIBE, WHERE, WHEN, CONTACT, CONFIRM),
    "hardship": (DESCRIBE, WHERE, CONTACT, CONFIRM),
    "feedback": (DESCRIBE, CONTACT, CONFIRM),
}
_SLOT_OF = {DESCRIBE: "description"}
# An opening message this long is taken as the description itself.
_DESCRIPTIVE_WORDS = 6
# After this many answers that are not a place, the text is kept as the address: a citizen is
# never trapped in a step (and "thôi hủy" or "gặp người thật" work at every step anyway).
_PLACE_TRIES = 2
# Small talk is no description ("xin chào", "ok"), except in praise sent as feedback.
_NOT_A_DESCRIPTION = frozenset({"greet", "thank", "goodbye"})

Step = Callable[[Context, ConversationState], Awaitable[Turn]]


async def start(ctx: Context, state: ConversationState) -> Turn:
    category = INTENT_CATEGORIES[ctx.intent]
    form = state.starting(DIALOG, DESCRIBE, category=category, evidence=[])
    intro = ctx.reply(texts.FORM_INTRO[category])
    # "cho em gửi phản ánh ạ" is long, yet only says the citizen wants to report.
    described = len(ctx.said.split()) >= _DESCRIPTIVE_WORDS and not asks_to_report(ctx.said)
    if not ctx.message.content.startswith("/") and described:
        form = take_place(ctx, form).goto(DIALOG, DESCRIBE, description=ctx.their_words)
        return _prepend(intro, _ask_next(ctx, form))
    return _prepend(intro, _ask(ctx, form, DESCRIBE))


async def answer(ctx: Context, state: ConversationState) -> Turn:
    state = _keep_evidence(ctx, state)
    handler = _HANDLERS.get(state.step or "")
    if handler is None:
        return await start(ctx, state)
    return await handler(ctx, state)


# Asking.


def ask_again(ctx: Context, state: ConversationState) -> Turn:
    """The current step's question again (after a question answered on the way)."""
    step = state.step or DESCRIBE
    if step == WHERE_DISTRICT:
        return _ask_district(ctx, state, texts.ASK_DISTRICT)
    if step == WHERE_WARD:
        return _ask_ward(ctx, state, texts.ASK_WARD)
    if step in (CONFIRM, EDIT):
        return _confirm(ctx, state)
    return _ask(ctx, state, step)


def back(ctx: Context, state: ConversationState) -> Turn:
    """ "Quay lại": the step asked before this one, its answer cleared."""
    trail: list[str] = state.slots.get("trail", [])
    here = _TRAIL_STEP.get(state.step or DESCRIBE, state.step or DESCRIBE)
    at = trail.index(here) if here in trail else len(trail)
    if at == 0:
        turn = ask_again(ctx, state)
        return _prepend(ctx.reply(texts.BACK_AT_START), turn)
    target = FormStep(trail[at - 1])
    cleared: dict[str, Any] = {"editing": False}
    if target == WHERE:
        cleared.update(dict.fromkeys(("ward", "district", "address")), tries=0)
    return _ask(ctx, state.goto(DIALOG, target, **cleared), target)


# The steps "quay lại" returns to: the district and ward questions belong to "where".
_TRAIL_STEP: dict[str, str] = {WHERE_DISTRICT: WHERE, WHERE_WARD: WHERE, EDIT: CONFIRM}


def _walked(state: ConversationState, step: str) -> ConversationState:
    """The state with `step` as the last step of its trail (what "quay lại" walks back)."""
    trail: list[str] = list(state.slots.get("trail", []))
    if step in trail:
        trail = trail[: trail.index(step)]
    return state.goto(state.dialog, state.step, trail=[*trail, step])


def _ask(ctx: Context, state: ConversationState, step: str) -> Turn:
    category = state.slots["category"]
    state = _walked(state.goto(DIALOG, step), step)
    if step == DESCRIBE:
        return Turn(state, (ctx.reply(texts.ASK_DESCRIBE[category]),))
    if step == WHERE:
        return Turn(state, (ctx.reply(texts.ASK_WHERE),))
    if step == WHEN:
        buttons = [(texts.NOW, "/now"), (texts.SKIP, "/skip")]
        return Turn(state, (ctx.reply(texts.ASK_WHEN, buttons),))
    if step == EVIDENCE:
        return Turn(state, (ctx.reply(texts.ASK_EVIDENCE, [(texts.SKIP, "/skip")]),))
    if step == CONTACT:
        text = texts.ASK_CONTACT_HARDSHIP if category == "hardship" else texts.ASK_CONTACT
        return Turn(state, (ctx.reply(text, [(texts.SEND_ANONYMOUSLY, "/anonymous")]),))
    return _confirm(ctx, state)


def _ask_next(ctx: Context, state: ConversationState) -> Turn:
    if state.slots.get("editing"):
        return _confirm(ctx, state)
    steps = STEPS[state.slots["category"]]
    for step in steps[steps.index(state.step or DESCRIBE) + 1 :]:
        if _needed(ctx, state, step):
            return _ask(ctx, state, step)
    return _confirm(ctx, state)


def _needed(ctx: Context, state: ConversationState, step: FormStep) -> bool:
    slots = state.slots
    if step == WHERE:
        return not slots.get("ward")
    if step == EVIDENCE:
        return ctx.message.key.channel in ctx.services.media_channels and not slots["evidence"]
    return _SLOT_OF.get(step, step.value) not in slots or step == CONFIRM


def _confirm(ctx: Context, state: ConversationState) -> Turn:
    state = _walked(state.goto(DIALOG, CONFIRM, editing=False), CONFIRM)
    buttons = [
        (texts.SEND, "/confirm"),
        (texts.EDIT, "/edit"),
        (texts.BACK, "/back"),
        (texts.CANCEL, "/cancel"),
    ]
    summary = "\n".join([texts.CONFIRM_INTRO, *summary_lines(state.slots), texts.CONFIRM_PROMPT])
    return Turn(state, (ctx.reply(summary, buttons),))


def summary_lines(slots: dict[str, Any]) -> list[str]:
    lines = [f"- {texts.LABELS['category']}: {texts.CATEGORY_NAMES[slots['category']]}"]
    lines.append(f"- {texts.LABELS['description']}: {slots.get('description', '')}")
    place = ", ".join(
        p for p in (slots.get("address"), slots.get("ward"), slots.get("district")) if p
    )
    if place:
        lines.append(f"- {texts.LABELS['where']}: {place}")
    if slots.get("when"):
        lines.append(f"- {texts.LABELS['occurred_at']}: {slots['when']}")
    if slots.get("evidence"):
        evidence = texts.EVIDENCE_COUNT.format(count=len(slots["evidence"]))
        lines.append(f"- {texts.LABELS['evidence']}: {evidence}")
    contact = slots.get("contact")
    who = " ".join(v for v in (contact.get("name"), contact.get("phone")) if v) if contact else None
    lines.append(f"- {texts.LABELS['contact']}: {who or texts.ANONYMOUS}")
    return lines


# Answering each step.


async def _on_describe(ctx: Context, state: ConversationState) -> Turn:
    text = ctx.their_words
    if not text or ctx.message.content.startswith("/"):
        return _ask(ctx, state, DESCRIBE)
    small_talk = ctx.intent in _NOT_A_DESCRIPTION and state.slots["category"] != "feedback"
    if len(ctx.said.split()) < 2 or (small_talk and len(ctx.said.split()) < _DESCRIPTIVE_WORDS):
        return _prepend(ctx.reply(texts.NOT_A_DESCRIPTION), _ask(ctx, state, DESCRIBE))
    described = take_place(ctx, state, phone=False)
    return _ask_next(ctx, described.goto(DIALOG, DESCRIBE, description=text))


async def _on_where(ctx: Context, state: ConversationState) -> Turn:
    typed = not ctx.message.content.startswith("/")
    tries = state.slots.get("tries", 0) + 1
    if typed and not names_a_place(ctx) and tries <= _PLACE_TRIES:
        turn = _ask(ctx, state.goto(DIALOG, WHERE, tries=tries), WHERE)
        return _prepend(ctx.reply(texts.NOT_AN_ADDRESS), turn)
    located = take_place(ctx, state).goto(DIALOG, WHERE, tries=0)
    if typed and (address := without_phone(ctx)):
        located = located.goto(DIALOG, WHERE, address=address)
    return _placed(ctx, located)


def _placed(ctx: Context, located: ConversationState) -> Turn:
    """On to the next step once the ward is known; else ask the district, then the ward."""
    ward, district = located.slots.get("ward"), located.slots.get("district")
    units = ctx.services.units
    if ward and district and district in units.districts_of(ward):
        return _ask_next(ctx, located.goto(DIALOG, WHERE))
    if ward and len(units.districts_of(ward)) == 1:
        district = units.districts_of(ward)[0]
        return _ask_next(ctx, located.goto(DIALOG, WHERE, district=district))
    if district and not ward:
        return _ask_ward(ctx, located, texts.ASK_WARD)
    if ward:  # a ward name shared by several districts (An Bình, Tân Định...): which one
        return _ask_district(ctx, located, texts.ASK_WHICH_DISTRICT.format(ward=ward))
    return _ask_district(ctx, located, texts.ASK_DISTRICT)


def _ask_district(ctx: Context, state: ConversationState, question: str) -> Turn:
    units, ward = ctx.services.units, state.slots.get("ward")
    choices = units.districts_of(ward) if ward else units.districts
    buttons = [(name, payload("inform", district=name)) for name in choices]
    state = _walked(state.goto(DIALOG, WHERE_DISTRICT), WHERE)
    return Turn(state, (ctx.reply(question, buttons),))


def _ask_ward(ctx: Context, state: ConversationState, question: str) -> Turn:
    district = state.slots["district"]
    wards = ctx.services.units.wards_of(district)
    buttons = [(name, payload("inform", ward=name, district=district)) for name in wards]
    buttons.append((texts.WARD_UNKNOWN, "/skip"))
    state = _walked(state.goto(DIALOG, WHERE_WARD), WHERE)
    return Turn(state, (ctx.reply(question.format(district=district), buttons),))


async def _on_where_district(ctx: Context, state: ConversationState) -> Turn:
    located = take_place(ctx, state)
    district = located.slots.get("district")
    if district is None or district not in ctx.services.units.districts:
        return _ask_district(ctx, state, texts.NOT_A_DISTRICT)
    return _placed(ctx, located)


async def _on_where_ward(ctx: Context, state: ConversationState) -> Turn:
    district = state.slots["district"]
    if ctx.pressed("skip") or ctx.said in understood.SKIP_WORDS:
        return _ask_next(ctx, state.goto(DIALOG, WHERE))
    ward = ctx.parse.entity("ward")
    if ward is None or ward not in ctx.services.units.wards_of(district):
        return _ask_ward(ctx, state, texts.NOT_A_WARD)
    return _ask_next(ctx, take_place(ctx, state).goto(DIALOG, WHERE, ward=ward, district=district))


async def _on_when(ctx: Context, state: ConversationState) -> Turn:
    if ctx.pressed("skip") or ctx.said in understood.SKIP_WORDS:
        return _ask_next(ctx, state.goto(DIALOG, WHEN, when=""))
    when = texts.NOW if ctx.pressed("now") else ctx.their_words
    if not when:
        return _ask(ctx, state, WHEN)
    said = ctx.said.split()
    if not ctx.pressed("now") and not any(
        w in understood.TIME_WORDS or w[:1].isdigit() for w in said
    ):
        return _prepend(ctx.reply(texts.NOT_A_TIME), _ask(ctx, state, WHEN))
    return _ask_next(ctx, state.goto(DIALOG, WHEN, when=when))


async def _on_evidence(ctx: Context, state: ConversationState) -> Turn:
    if ctx.message.attachments:
        kept = texts.EVIDENCE_KEPT.format(count=len(state.slots["evidence"]))
        return Turn(state, (ctx.reply(kept, [(texts.DONE, "/skip")]),))
    return _ask_next(ctx, state)


async def _on_contact(ctx: Context, state: ConversationState) -> Turn:
    if ctx.pressed("anonymous") or ctx.said in understood.ANONYMOUS_WORDS:
        return _ask_next(ctx, state.goto(DIALOG, CONTACT, contact=None))
    phone = ctx.parse.entity("phone")
    if not phone:
        buttons = [(texts.SEND_ANONYMOUSLY, "/anonymous")]
        return Turn(state, (ctx.reply(texts.CONTACT_RETRY, buttons),))
    name = _name_with_phone(ctx)
    return _ask_next(
        ctx, state.goto(DIALOG, CONTACT, contact={"name": name or None, "phone": phone})
    )


# "Tôi tên ...", "tôi tên là ...", "mình là ...", "tên: ..., sđt: ...": the words around a name.
_FILLER = re.compile(
    r"^\s*(?:tôi|toi|mình|minh|em|cháu|chau)\s+(?:(?:tên|ten)\b(?:\s+(?:là|la)\b)?|(?:là|la)\b)"
    r"|\b(?:họ và tên|ho va ten|họ tên|ho ten|s[đd]t|số điện thoại|so dien thoai|điện thoại"
    r"|dien thoai|đt|dt|tên|ten)\b(?:\s+(?:là|la)\b)?\s*:?",
    re.IGNORECASE,
)


def _name_with_phone(ctx: Context) -> str:
    """The name the citizen gave with their phone: the text without the number and filler."""
    text = ctx.message.text
    for entity in sorted(ctx.parse.entities, key=lambda e: -e.start):
        if entity.entity == "phone":
            text = text[: entity.start] + " " + text[entity.end :]
    text = _FILLER.sub(" ", text)
    return " ".join(text.replace(",", " ").split()).strip(" -:;.")


async def _on_confirm(ctx: Context, state: ConversationState) -> Turn:
    if ctx.pressed("confirm") or ctx.said in understood.YES_WORDS:
        return await _file(ctx, state)
    if ctx.pressed("edit") or ctx.said in understood.EDIT_WORDS:
        fields = [f for f in STEPS[state.slots["category"]] if f not in (CONFIRM, EVIDENCE)]
        buttons = [(texts.EDIT_FIELDS[f], payload("edit_field", field=f.value)) for f in fields]
        return Turn(state.goto(DIALOG, EDIT), (ctx.reply(texts.EDIT_PROMPT, buttons),))
    turn = _confirm(ctx, state)
    return Turn(turn.state, (ctx.reply(texts.CONFIRM_HINT), *turn.replies))


async def _on_edit(ctx: Context, state: ConversationState) -> Turn:
    field = ctx.parse.entity("field")
    if field not in STEPS[state.slots["category"]]:
        return _confirm(ctx, state)
    cleared: dict[str, Any] = {}
    if field == WHERE:
        cleared = {**dict.fromkeys(("ward", "district", "address")), "tries": 0}
    return _ask(ctx, state.goto(DIALOG, field, editing=True, **cleared), field)


async def _file(ctx: Context, state: ConversationState) -> Turn:
    slots = state.slots
    ticket = await file_ticket(
        ctx,
        slots["category"],
        slots["description"],
        district=slots.get("district"),
        ward=slots.get("ward"),
        address=slots.get("address"),
        occurred_at=slots.get("when") or None,
        evidence=tuple(slots["evidence"]),
        contact=slots.get("contact"),
    )
    done = texts.FILED.format(code=ticket.code, due=due(ticket))
    return Turn(state.finished(), (ctx.reply(done),))


_HANDLERS: dict[str, Step] = {
    DESCRIBE: _on_describe,
    WHERE: _on_where,
    WHERE_DISTRICT: _on_where_district,
    WHERE_WARD: _on_where_ward,
    WHEN: _on_when,
    EVIDENCE: _on_evidence,
    CONTACT: _on_contact,
    CONFIRM: _on_confirm,
    EDIT: _on_edit,
}


# Slots that any step may fill.


def _keep_evidence(ctx: Context, state: ConversationState) -> ConversationState:
    if not ctx.message.attachments:
        return state
    evidence = [*state.slots.get("evidence", []), *(a.to_dict() for a in ctx.message.attachments)]
    return state.goto(state.dialog, state.step, evidence=evidence)


def _prepend(reply: Any, turn: Turn) -> Turn:
    return Turn(turn.state, (reply, *turn.replies))

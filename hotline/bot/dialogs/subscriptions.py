"""Subscribing to the province's notices in chat: which ward, district or the whole province;
"hủy đăng ký" stops every subscription of the conversation in one message."""

from __future__ import annotations

from collections.abc import Awaitable

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import texts, understood
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.nlu.payloads import payload
from hotline.bot.subscriptions import Area

DIALOG = "subscribe"
AREA = "area"
SUBSCRIBE = "subscribe"
UNSUBSCRIBE = "unsubscribe"
SHORT = 8  # words: what a request to (un)subscribe takes, place included


def wants(ctx: Context, in_dialog: bool = False) -> str | None:
    """SUBSCRIBE or UNSUBSCRIBE when the message asks for it (typed or a button), else None.

    Inside a form only a short message counts: a report's description may well speak of
    notices ("đã đăng ký nhận thông báo mà không thấy gì").
    """
    if ctx.pressed(SUBSCRIBE, UNSUBSCRIBE):
        return ctx.intent
    said = ctx.said
    if in_dialog and len(said.split()) > SHORT:
        return None
    if any(p in said for p in understood.UNSUBSCRIBE_PHRASES):
        # "hủy đăng ký tiêm" is about something else: only short messages or about notices.
        if "thong bao" in said or len(said.split()) <= 4:
            return UNSUBSCRIBE
    if said in understood.SUBSCRIBE_WORDS or any(p in said for p in understood.SUBSCRIBE_PHRASES):
        return SUBSCRIBE
    return None


def describe(area: Area) -> str:
    if area.ward and area.district:
        return texts.AREA_WARD.format(ward=area.ward, district=area.district)
    return area.ward or area.district or texts.AREA_PROVINCE


def _province_buttons(ctx: Context) -> list[tuple[str, str]]:
    buttons = [(texts.WHOLE_PROVINCE, payload(SUBSCRIBE, area="province"))]
    buttons += [(d, payload(SUBSCRIBE, district=d)) for d in ctx.services.units.districts]
    return buttons


async def start(ctx: Context, state: ConversationState) -> Turn:
    """ "đăng ký nhận thông báo", with the place in the same message or asked next."""
    found = _area(ctx)
    if found is not None:
        return await found
    return Turn(
        state.starting(DIALOG, AREA),
        (ctx.reply(texts.SUBSCRIBE_ASK_AREA, _province_buttons(ctx)),),
    )


async def step(ctx: Context, state: ConversationState) -> Turn:
    """The answer to "which ward?"."""
    found = _area(ctx)
    if found is not None:
        return await found
    typed = ctx.their_words[:60]
    return Turn(
        state.starting(DIALOG, AREA),
        (ctx.reply(texts.SUBSCRIBE_NOT_FOUND.format(typed=typed), _province_buttons(ctx)),),
    )


def _area(ctx: Context) -> Awaitable[Turn] | None:
    """The follow-up for the place this message names, or None when it names none."""
    units = ctx.services.units
    ward, district = ctx.parse.entity("ward"), ctx.parse.entity("district")
    if ward == "Bình Dương" or district == "Bình Dương":  # the province's own name
        ward = district = None
    padded = f" {ctx.said} "
    whole = any(f" {w} " in padded for w in understood.WHOLE_PROVINCE_WORDS)
    if ctx.parse.entity("area") == "province" or (whole and not ward and not district):
        return _follow(ctx, Area())
    if ward:
        choices = units.districts_of(ward)
        if district in choices or len(choices) == 1:
            return _follow(ctx, Area(district if district in choices else choices[0], ward))
        if choices:
            buttons = [(d, payload(SUBSCRIBE, ward=ward, district=d)) for d in choices]
            text = texts.SUBSCRIBE_WHICH_DISTRICT.format(ward=ward)
            return _asked(ctx, text, buttons)
    if district:
        return _follow(ctx, Area(district))
    return None


async def _asked(ctx: Context, text: str, buttons: list[tuple[str, str]]) -> Turn:
    state = ConversationState(ctx.message.key).goto(DIALOG, AREA)
    return Turn(state, (ctx.reply(text, buttons),))


async def _follow(ctx: Context, area: Area) -> Turn:
    state = ConversationState(ctx.message.key).finished()
    book = ctx.services.subscriptions
    if book is None:
        return Turn(state, (ctx.reply(texts.SUBSCRIBE_UNAVAILABLE),))
    key = ctx.message.key
    added = await book.follow(key, area)
    areas = ", ".join(describe(s.area) for s in await book.of(key))
    said = texts.SUBSCRIBED if added else texts.ALREADY_SUBSCRIBED
    return Turn(state, (ctx.reply(said.format(area=describe(area), areas=areas)),))


async def stop(ctx: Context, state: ConversationState) -> Turn:
    book = ctx.services.subscriptions
    if book is None:
        return Turn(state.finished(), (ctx.reply(texts.SUBSCRIBE_UNAVAILABLE),))
    stopped = await book.stop(ctx.message.key)
    return Turn(
        state.finished(), (ctx.reply(texts.UNSUBSCRIBED if stopped else texts.NOT_SUBSCRIBED),)
    )

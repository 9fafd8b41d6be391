"""Where something happened, read from what the citizen typed: ward, district, address, phone.

An answer to "ở đâu?" must look like a place: a ward or district from the shipped
administrative-unit list, or an address (a house number, a street, a hamlet). A phone number in
it is the citizen's contact, not part of the address.
"""

from __future__ import annotations

from hotline.bot.conversation import ConversationState
from hotline.bot.dialogs import understood
from hotline.bot.dialogs.base import Context
from hotline.bot.nlu.normalize import words


def take_place(ctx: Context, state: ConversationState, phone: bool = True) -> ConversationState:
    """The state with the ward, district and phone the message names (what it names only).
    Without `phone`, a number in the message stays where it is: in a description it may be the
    shop's or the neighbour's, not the citizen's."""
    ward, district = ctx.parse.entity("ward"), ctx.parse.entity("district")
    if ward and not district:
        district = ctx.services.units.district_of(ward)
    found: dict[str, object] = {k: v for k, v in (("ward", ward), ("district", district)) if v}
    number = ctx.parse.entity("phone") if phone else None
    if number and not state.slots.get("contact"):
        found["contact"] = {"name": None, "phone": number}
    return state.goto(state.dialog, state.step, **found) if found else state


def without_phone(ctx: Context) -> str:
    """The message's text without the phone numbers in it, and without dangling separators."""
    text = ctx.message.text
    for entity in sorted(ctx.parse.entities, key=lambda e: -e.start):
        if entity.entity == "phone":
            text = text[: entity.start] + " " + text[entity.end :]
    for label in ("sđt", "SĐT", "sdt", "số điện thoại", "điện thoại", "đt"):
        text = text.replace(label, " ")
    return " ".join(text.split()).strip(" ,;:-.")


def names_a_place(ctx: Context) -> bool:
    """True when the message names a ward or district, or reads like an address."""
    if ctx.parse.entity("ward") or ctx.parse.entity("district"):
        return True
    return looks_like_address(without_phone(ctx))


def looks_like_address(text: str) -> bool:
    """A house number or an address word ("đường", "hẻm", "ấp", "khu phố"...) and two words."""
    said = words(text)
    if len(said) < 2:
        return False
    return any(w.isdigit() or w[:1].isdigit() for w in said) or bool(
        understood.ADDRESS_WORDS.intersection(said)
    )

"""What both back ends keep sealed: tickets' reporters, messages and conversation states.

A store without a cipher keeps contact details readable: for tests of other parts only. A copy
between back ends (`hotline store migrate`) moves the sealed documents as they are.
"""

from __future__ import annotations

import json
from typing import Any

from hotline.handoff.crypto import SEALED, Cipher, SecretUnreadable, is_sealed
from hotline.handoff.tickets import Ticket


def sealed_doc(ticket: Ticket, cipher: Cipher | None) -> dict[str, Any]:
    doc = ticket.to_doc()
    if doc["reporter"] and cipher is not None:
        doc["reporter"] = cipher.seal(doc["reporter"])
    return doc


def opened_ticket(doc: dict[str, Any], cipher: Cipher | None) -> Ticket:
    if is_sealed(doc.get("reporter")):
        if cipher is None:
            raise SecretUnreadable("this store has no key for sealed reporter details")
        doc = {**doc, "reporter": cipher.open(doc["reporter"])}
    return Ticket.from_doc(doc)


# Messages and conversation states: what citizens wrote (and what the bot repeated back, such
# as the report's summary with the reporter's name and phone) is sealed as a whole; the
# columns the queues read (channel, sender, direction, status, times) stay clear.


def sealed_record(record: dict[str, Any], cipher: Cipher | None) -> dict[str, Any]:
    """A message's own record (`to_record`) as stored: `{"sealed": ...}` with a cipher."""
    return record if cipher is None else cipher.seal(record)


def sealed_json(record: dict[str, Any], cipher: Cipher | None) -> str:
    """`sealed_record` as the JSON text a row keeps. Sealed, the document is one Fernet token
    (URL-safe base64: nothing to escape), so it is written out rather than encoded a second
    time: the same text `json.dumps` makes, one encode a row less."""
    if cipher is None:
        return json.dumps(record, ensure_ascii=False)
    token = cipher.seal(record)[SEALED]
    return f'{{"{SEALED}": "{token}"}}'


def opened_record(doc: dict[str, Any], cipher: Cipher | None) -> dict[str, Any]:
    """A stored message document with its record opened (clear ones pass as they are)."""
    token = doc.get(SEALED)
    if token is None:
        return doc
    if cipher is None:
        raise SecretUnreadable("this store has no key for sealed messages")
    rest = {k: v for k, v in doc.items() if k != SEALED}
    return {**rest, **cipher.open({SEALED: token})}


def sealed_state(doc: dict[str, Any], cipher: Cipher | None) -> dict[str, Any]:
    """A conversation state as stored: its slots (the half-filled report) sealed."""
    if cipher is None or not doc.get("slots"):
        return doc
    return {**doc, "slots": cipher.seal(doc["slots"])}


def opened_state(doc: dict[str, Any], cipher: Cipher | None) -> dict[str, Any]:
    slots = doc.get("slots")
    if not isinstance(slots, dict) or not is_sealed(slots):
        return doc
    if cipher is None:
        raise SecretUnreadable("this store has no key for sealed conversation states")
    return {**doc, "slots": cipher.open(slots)}

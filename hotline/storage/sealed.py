"""Tickets as both back ends keep them: the document, the reporter's contact details sealed.

A store without a cipher keeps contact details readable: for tests of other parts only. A copy
between back ends (`hotline store migrate`) moves the sealed documents as they are.
"""

from __future__ import annotations

from typing import Any

from hotline.handoff.crypto import Cipher, SecretUnreadable, is_sealed
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

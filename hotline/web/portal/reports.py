"""A report as the portal takes it: the fields checked, then a ticket draft without identity.

The form and the JSON API share these rules, so the mobile app and the web page refuse the same
things with the same words. The ticket's sender is a random id, never the contact: the contact
goes into the reporter (encrypted by the ticket store) and nowhere else.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hotline.bot.nlu.admin_units import AdminUnits
from hotline.handoff.tickets import Reporter, TicketDraft

CHANNEL = "portal"
CATEGORIES = ("violation", "contact_tip", "hardship", "feedback", "health", "emergency")
LIMITS = {
    "description": 4000,
    "address": 300,
    "occurred_at": 100,
    "name": 100,
    "phone": 20,
    "email": 200,
}
REQUIRED = ("category", "description", "district", "ward")
_PHONE = re.compile(r"^(\+?84|0)\d{9,10}$")
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")
MESSAGES = {
    "required": "Xin điền mục này.",
    "category": "Xin chọn một loại phản ánh.",
    "district": "Xin chọn thành phố/thị xã/huyện trong danh sách.",
    "ward": "Xin chọn phường/xã thuộc thành phố/thị xã/huyện đã chọn.",
    "phone": "Số điện thoại chưa đúng (ví dụ 0912345678).",
    "email": "Địa chỉ thư điện tử chưa đúng (ví dụ ten@example.com).",
    "text": "Mục này phải là chữ.",
}


@dataclass(frozen=True)
class Report:
    category: str
    description: str
    district: str
    ward: str
    address: str = ""
    occurred_at: str = ""
    name: str = ""
    phone: str = ""
    email: str = ""

    def draft(
        self, source_key: str, evidence: tuple[dict[str, Any], ...], received_at: datetime
    ) -> TicketDraft:
        """The ticket to file: a random sender, the contact only as the (encrypted) reporter."""
        reporter = Reporter(self.name or None, self.phone or None, self.email or None)
        return TicketDraft(
            category=self.category,
            description=self.description,
            channel=CHANNEL,
            sender="p" + secrets.token_hex(8),
            source_key=source_key,
            district=self.district,
            ward=self.ward,
            address=self.address or None,
            occurred_at=self.occurred_at or None,
            evidence=evidence,
            reporter=reporter if reporter else None,
            received_at=received_at,
        )


def check(values: Mapping[str, Any], units: AdminUnits) -> tuple[Report | None, dict[str, str]]:
    """The report, or the problems by field name (Vietnamese, for the citizen)."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name in ("category", "description", "district", "ward", *LIMITS):
        value = values.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            errors[name] = MESSAGES["text"]
            continue
        value = value.strip()
        limit = LIMITS.get(name)
        if limit is not None and len(value) > limit:
            errors[name] = f"Tối đa {limit} ký tự (đang có {len(value)})."
        clean[name] = value
    for name in REQUIRED:
        if name not in errors and not clean.get(name):
            errors[name] = MESSAGES["required"]
    if "category" not in errors and clean["category"] not in CATEGORIES:
        errors["category"] = MESSAGES["category"]
    if "district" not in errors and clean["district"] not in units.districts:
        errors["district"] = MESSAGES["district"]
    # A district that is not text has no wards to look the ward up in.
    if errors.keys().isdisjoint({"district", "ward"}) and clean["ward"] not in units.wards_of(
        clean["district"]
    ):
        errors["ward"] = MESSAGES["ward"]
    phone = re.sub(r"[\s.\-()]", "", clean.get("phone", ""))
    if phone and "phone" not in errors and not _PHONE.match(phone):
        errors["phone"] = MESSAGES["phone"]
    email = clean.get("email", "")
    if email and "email" not in errors and not _EMAIL.match(email):
        errors["email"] = MESSAGES["email"]
    if errors:
        return None, errors
    return Report(**{**clean, "phone": phone}), {}


def contact_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON API's nested contact as the form's flat fields."""
    contact = body.get("contact") or {}
    if not isinstance(contact, dict):
        return {"name": 0}  # not text: reported as such by `check`
    return {k: contact.get(k, "") for k in ("name", "phone", "email")}

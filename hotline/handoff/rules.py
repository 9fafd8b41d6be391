"""Deadlines per ticket category and canned responses as documents admins edit, checked here;
the hotline starts with the ones admins last saved, and an admin's edit applies at once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Protocol

from hotline.handoff.canned import CannedResponse, load_canned
from hotline.handoff.deadlines import CATEGORIES, DeadlinePolicy
from hotline.handoff.tickets import PRIORITIES

DEADLINES = "deadlines"
CANNED = "canned"
MAX_HOURS = 72.0


def deadlines_doc(policy: DeadlinePolicy) -> dict[str, dict[str, Any]]:
    """`{category: {"hours": float, "priority": str}}` for every category."""
    return {
        c: {"hours": policy.window(c).total_seconds() / 3600, "priority": policy.priority(c)}
        for c in CATEGORIES
    }


def policy_from(doc: dict[str, Any]) -> DeadlinePolicy:
    """A policy from an admin's document; ValueError names the category that is wrong."""
    if not isinstance(doc, dict):
        raise ValueError("cần một bảng theo loại phiếu")
    windows, priorities = {}, {}
    for category, row in doc.items():
        if category not in CATEGORIES:
            raise ValueError(f"không có loại phiếu {category}")
        try:
            hours = float(str(row.get("hours", "")).replace(",", "."))
        except (AttributeError, ValueError):
            raise ValueError(f"{category}: thời hạn phải là số giờ") from None
        if not 0 < hours <= MAX_HOURS:
            raise ValueError(f"{category}: thời hạn từ trên 0 đến {MAX_HOURS:g} giờ")
        if row.get("priority") not in PRIORITIES:
            raise ValueError(f"{category}: mức ưu tiên phải là một trong {', '.join(PRIORITIES)}")
        windows[category] = timedelta(hours=hours)
        priorities[category] = str(row["priority"])
    return DeadlinePolicy(windows=windows, priorities=priorities)


def canned_from(doc: Any) -> list[CannedResponse]:
    """Canned responses from a list of `{id, title, text, categories?}`."""
    if not isinstance(doc, list):
        raise ValueError("cần một danh sách câu trả lời mẫu (mỗi mục bắt đầu bằng “- id:”)")
    responses, seen = [], set()
    for number, item in enumerate(doc, start=1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(k), str) and item[k].strip() for k in ("id", "title", "text")
        ):
            raise ValueError(f"mục {number}: cần id, title và text")
        categories = item.get("categories") or []
        if not isinstance(categories, list) or any(c not in CATEGORIES for c in categories):
            raise ValueError(f"mục {number}: categories phải là các loại phiếu {CATEGORIES}")
        if item["id"] in seen:
            raise ValueError(f"mục {number}: trùng id {item['id']}")
        seen.add(item["id"])
        responses.append(
            CannedResponse(
                item["id"].strip(), item["title"].strip(), item["text"].strip(), tuple(categories)
            )
        )
    return responses


def canned_doc(responses: list[CannedResponse]) -> list[dict[str, Any]]:
    return [
        {"id": c.id, "title": c.title, "text": c.text, "categories": list(c.categories)}
        for c in responses
    ]


class SavedRules(Protocol):
    async def get(self, name: str) -> Any | None:
        """The document saved under `name`, or None if admins never changed the default."""
        ...


async def saved_deadlines(rules: SavedRules) -> DeadlinePolicy:
    """The deadlines admins last saved, else the shipped defaults."""
    doc = await rules.get(DEADLINES)
    return DeadlinePolicy() if doc is None else policy_from(doc)


async def saved_canned(rules: SavedRules) -> list[CannedResponse]:
    """The canned responses admins last saved, else the shipped ones."""
    doc = await rules.get(CANNED)
    return load_canned() if doc is None else canned_from(doc)

"""The console's words: Vietnamese names of categories, statuses and priorities, and the areas.

Served to the page as data, so the page has one source for them and another province's list of
districts and wards is a different file, not a change to the console.
"""

from __future__ import annotations

from typing import Any

from hotline.bot.dialogs.texts import CATEGORY_NAMES
from hotline.bot.nlu.admin_units import AdminUnits
from hotline.handoff.deadlines import CATEGORIES
from hotline.handoff.tickets import PRIORITIES, STATUSES, TicketStatus

STATUS_NAMES: dict[str, str] = {
    TicketStatus.NEW: "Mới",
    TicketStatus.ASSIGNED: "Đã nhận",
    TicketStatus.IN_PROGRESS: "Đang xử lý",
    TicketStatus.FORWARDED: "Đã chuyển cơ quan",
    TicketStatus.RESOLVED: "Đã xử lý xong",
    TicketStatus.CLOSED: "Đã đóng",
}
PRIORITY_NAMES = {"urgent": "Khẩn", "high": "Cao", "normal": "Thường", "low": "Thấp"}
CHANNEL_NAMES = {
    "webchat": "Web chat",
    "rest": "Ứng dụng di động",
    "telegram": "Telegram",
    "viber": "Viber",
    "zalo": "Zalo",
    "messenger": "Messenger",
    "phone": "Điện thoại",
    "portal": "Cổng thông tin",
    "email": "Thư điện tử",
}


def _named(codes: tuple[str, ...], names: dict[str, str]) -> list[dict[str, str]]:
    return [{"code": code, "name": names.get(code, code)} for code in codes]


def console_labels(units: AdminUnits) -> dict[str, Any]:
    """Everything the page needs to name things, plus the districts and their wards."""
    return {
        "categories": _named(CATEGORIES, CATEGORY_NAMES),
        "statuses": _named(STATUSES, STATUS_NAMES),
        "priorities": _named(PRIORITIES, PRIORITY_NAMES),
        "channels": [{"code": c, "name": n} for c, n in CHANNEL_NAMES.items()],
        "districts": [
            {"name": district, "wards": list(units.wards_of(district))}
            for district in units.districts
        ],
    }

"""Tickets as Open311 GeoReport v2 service requests, for agencies' systems.

A request never carries the reporter's identity nor the conversation it came from: it is built
from the ticket's public fields, and its free text is redacted.
"""

from __future__ import annotations

from typing import Any

from hotline.handoff.deadlines import CATEGORIES, VIETNAM
from hotline.handoff.redact import redact
from hotline.handoff.tickets import Ticket, TicketStatus

SERVICES: dict[str, tuple[str, str]] = {
    "violation": ("Phản ánh vi phạm", "Vi phạm quy định phòng, chống dịch: tụ tập, mở cửa..."),
    "contact_tip": ("Tin báo F0/F1", "F0/F1 chưa khai báo y tế"),
    "hardship": ("Đề nghị hỗ trợ", "Người dân gặp khó khăn: lương thực, việc làm, người neo đơn"),
    "emergency": ("Cấp cứu", "Trường hợp khẩn cấp về sức khỏe"),
    "health": ("Tư vấn sức khỏe", "Câu hỏi về sức khỏe cần cán bộ y tế trả lời"),
    "feedback": ("Góp ý", "Góp ý, kiến nghị, khen ngợi"),
    "other": ("Khác", "Yêu cầu gặp tổng đài viên và việc khác"),
}
STATUS_NOTES: dict[str, str] = {
    TicketStatus.NEW: "Đã tiếp nhận",
    TicketStatus.ASSIGNED: "Đã phân công xử lý",
    TicketStatus.IN_PROGRESS: "Đang xử lý",
    TicketStatus.FORWARDED: "Đã chuyển cơ quan chức năng",
    TicketStatus.RESOLVED: "Đã xử lý",
    TicketStatus.CLOSED: "Đã đóng",
}


def services() -> list[dict[str, Any]]:
    return [
        {
            "service_code": code,
            "service_name": SERVICES[code][0],
            "description": SERVICES[code][1],
            "metadata": False,
            "type": "realtime",
            "keywords": code,
            "group": "1022",
        }
        for code in CATEGORIES
    ]


def _time(ticket: Ticket, which: str) -> str:
    return getattr(ticket, which).astimezone(VIETNAM).isoformat()


def status_notes(ticket: Ticket) -> str:
    answers = [e.note for e in ticket.history if e.action == "answer" and e.note]
    if answers:
        return redact(answers[-1], ticket.reporter)
    return STATUS_NOTES.get(ticket.status, ticket.status)


def service_request(ticket: Ticket) -> dict[str, Any]:
    """One GeoReport v2 service request, without who reported it."""
    location = next((e for e in ticket.evidence if e.get("kind") == "location"), None)
    place = ", ".join(p for p in (ticket.address, ticket.ward, ticket.district) if p)
    updated = ticket.history[-1].at if ticket.history else ticket.created_at
    return {
        "service_request_id": ticket.code,
        "status": "open" if ticket.is_open else "closed",
        "status_notes": status_notes(ticket),
        "service_name": SERVICES.get(ticket.category, (ticket.category,))[0],
        "service_code": ticket.category,
        "description": redact(ticket.description, ticket.reporter),
        "agency_responsible": ", ".join(ticket.forwarded_to or ticket.agencies),
        "service_notice": "",
        "requested_datetime": _time(ticket, "created_at"),
        "updated_datetime": updated.astimezone(VIETNAM).isoformat(),
        "expected_datetime": _time(ticket, "due_at"),
        "address": redact(place, ticket.reporter),
        "address_id": "",
        "zipcode": "",
        "lat": location.get("latitude") if location else None,
        "long": location.get("longitude") if location else None,
        # Platform photo links can name the sender's account (or carry a bot token): not sent.
        "media_url": "",
    }

"""Tickets as Open311 GeoReport v2 service requests, for agencies' systems.

A request never carries the reporter's identity nor the conversation it came from: it is built
from the ticket's public fields, and its free text is redacted.
"""

from __future__ import annotations

from typing import Any

from hotline.handoff.agency_view import agency_report
from hotline.handoff.deadlines import CATEGORIES, VIETNAM
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


def service_request(ticket: Ticket) -> dict[str, Any]:
    """One GeoReport v2 service request, from the agencies' redacted projection."""
    report = agency_report(ticket)
    location = report.locations[0] if report.locations else None
    return {
        "service_request_id": report.code,
        "status": "open" if report.is_open else "closed",
        "status_notes": report.answer or STATUS_NOTES.get(report.status, report.status),
        "service_name": SERVICES.get(report.category, (report.category,))[0],
        "service_code": report.category,
        "description": report.description,
        "agency_responsible": ", ".join(report.forwarded_to or report.agencies),
        "service_notice": "",
        "requested_datetime": report.created_at.astimezone(VIETNAM).isoformat(),
        "updated_datetime": report.updated_at.astimezone(VIETNAM).isoformat(),
        "expected_datetime": report.due_at.astimezone(VIETNAM).isoformat(),
        "address": report.place,
        "address_id": "",
        "zipcode": "",
        "lat": location[0] if location else None,
        "long": location[1] if location else None,
        # Platform photo links can name the sender's account (or carry a bot token): not sent.
        "media_url": "",
    }

"""The portal's pages, rendered from `portal/templates` by the one template engine.

A citizen's words (a description with `<script>`, an address with quotes) are shown as typed and
never run: the engine escapes every value the templates are given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hotline.bot.dialogs.texts import CATEGORY_NAMES, STATUS_NAMES
from hotline.bot.nlu.admin_units import AdminUnits
from hotline.handoff.deadlines import local_time
from hotline.handoff.redact import redact
from hotline.handoff.tickets import Ticket
from hotline.web.portal.reports import CATEGORIES
from hotline.web.render import render

LABELS = {
    "category": "Loại phản ánh",
    "description": "Sự việc",
    "district": "Thành phố/thị xã/huyện",
    "ward": "Phường/xã/thị trấn",
    "address": "Địa chỉ cụ thể",
    "occurred_at": "Thời gian xảy ra",
    "photos": "Ảnh chụp",
    "name": "Họ tên",
    "phone": "Số điện thoại",
    "email": "Thư điện tử",
}


@dataclass(frozen=True)
class TicketView:
    """A ticket's facts in the citizen's words and time zone."""

    category: str
    status: str
    created: str
    due: str
    updated: str
    answers: tuple[tuple[str, str], ...]  # (when, the answer)


def report_page(
    units: AdminUnits,
    values: Mapping[str, str],
    errors: Mapping[str, str],
    nonce: str,
    csrf: str,
    max_photos: int,
    max_bytes: int,
) -> str:
    """The report form, with the citizen's input kept and each problem beside its field."""
    return render(
        "portal/report.html",
        title="Gửi phản ánh",
        script=True,
        values=values,
        errors=errors,
        labels=LABELS,
        nonce=nonce,
        csrf=csrf,
        categories=[(c, CATEGORY_NAMES[c]) for c in CATEGORIES],
        districts=units.districts,
        wards_by_district=[(d, units.wards_of(d)) for d in units.districts],
        max_photos=max_photos,
        max_mb=max_bytes // (1024 * 1024),
        max_bytes=max_bytes,
    )


def filed_page(ticket: Ticket) -> str:
    return render(
        "portal/filed.html",
        title="Đã tiếp nhận phản ánh",
        script=False,
        urgent=ticket.category == "emergency",
        code=ticket.code,
        due=local_time(ticket.due_at),
    )


def status_page(code: str, ticket: Ticket | None, error: str | None) -> str:
    """The lookup form and, for a known code, the ticket without its reporter or transcript."""
    return render(
        "portal/status.html",
        title="Tra cứu phản ánh",
        script=False,
        code=code,
        errors={"code": error} if error else {},
        ticket=ticket,
        ticket_view=_view(ticket) if ticket is not None else None,
    )


def _view(ticket: Ticket) -> TicketView:
    answers = tuple(
        (local_time(e.at), redact(e.note, ticket.reporter))
        for e in ticket.history
        if e.action == "answer" and e.note
    )
    updated = ticket.history[-1].at if ticket.history else ticket.created_at
    return TicketView(
        category=CATEGORY_NAMES.get(ticket.category, ticket.category),
        status=STATUS_NAMES.get(ticket.status, ticket.status).capitalize(),
        created=local_time(ticket.created_at),
        due=local_time(ticket.due_at),
        updated=local_time(updated),
        answers=answers,
    )


def message_page(heading: str, message: str, back: str = "/report", label: str = "") -> str:
    return render(
        "portal/message.html",
        title=heading,
        script=False,
        heading=heading,
        message=message,
        back=back,
        back_label=label or "Quay lại mẫu phản ánh",
    )

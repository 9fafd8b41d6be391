"""Forwarding a ticket to the agencies that act on it, without the reporter's identity.

By e-mail to agencies with an address in the directory; every agency (with or without one) can
then read it over Open311 (`/open311/v2/requests.json`) with its own token.
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from hotline.handoff.agency_directory import NO_ADDRESS, unreachable
from hotline.handoff.agency_view import agency_note, agency_report
from hotline.handoff.deadlines import local_time
from hotline.handoff.lifecycle import Lifecycle, Refused, TicketNotFound
from hotline.handoff.mail import MailSender, compose
from hotline.handoff.open311 import SERVICES
from hotline.handoff.routing import RoutingStore
from hotline.handoff.tickets import Ticket
from hotline.handoff.user_store import UserStore


@dataclass(frozen=True)
class Forwarded:
    ticket: Ticket
    emailed: tuple[str, ...]  # agencies reached by e-mail; the others read it over Open311


def agency_email(
    ticket: Ticket, agency: str, to: str, sender: str, note: str | None
) -> EmailMessage:
    """The report as an agency receives it (the agencies' one redacted projection): what,
    where, by when; never who sent it."""
    report = agency_report(ticket)
    places = [
        f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}" for lat, lon in report.locations
    ]
    lines = [
        f"Kính gửi {agency},",
        "",
        f"Tổng đài 1022 chuyển phản ánh mã {report.code} để quý cơ quan xem xét, xử lý.",
        "",
        f"Loại: {SERVICES.get(report.category, (report.category,))[0]}",
        f"Mức ưu tiên: {report.priority}",
        f"Địa điểm: {report.place or '-'}",
        f"Thời điểm: {report.occurred_at or '-'}",
        f"Nội dung: {report.description}",
    ]
    lines += [f"Vị trí: {p}" for p in places]
    if report.photos:
        lines.append(f"Ảnh kèm theo: {report.photos} ảnh, xem trên hệ thống Tổng đài 1022.")
    if note:
        lines.append(f"Ghi chú của tổng đài viên: {agency_note(ticket, note)}")
    lines += [
        "",
        f"Hạn xử lý: {local_time(ticket.due_at)}",
        f"Cập nhật kết quả qua Open311 (service_request_id {ticket.code}) hoặc trả lời thư này.",
        "Thông tin người phản ánh được bảo mật và không kèm theo thư này.",
    ]
    subject = f"[1022] Phản ánh {ticket.code}: {SERVICES.get(ticket.category, ('',))[0]}"
    return compose(sender, [to], subject, "\n".join(lines))


class Forwarder:
    def __init__(
        self,
        lifecycle: Lifecycle,
        directory: RoutingStore,
        mail: MailSender,
        sender: str = "tongdai1022@localhost",
        users: UserStore | None = None,
    ) -> None:
        self.lifecycle = lifecycle
        self.directory = directory
        self.mail = mail
        self.sender = sender
        self.users = users  # agency users read their reports over Open311

    async def forward(
        self,
        code: str,
        actor: str,
        agencies: tuple[str, ...] = (),
        note: str | None = None,
    ) -> Forwarded:
        """Send to these agencies (default: the ones routing chose) and record it on the ticket."""
        ticket = await self.lifecycle.store.get(code)
        if ticket is None:
            raise TicketNotFound(code)
        targets = agencies or ticket.agencies
        if not targets:
            raise Refused(
                "Chưa chuyển được: quy tắc không chọn cơ quan nào; hãy chọn cơ quan nhận."
            )
        if not ticket.is_open:
            raise Refused("Phản ánh đã xử lý xong hoặc đã đóng thì không chuyển được nữa.")
        # Forwarding that reaches nobody is refused, not recorded as done.
        nobody = await unreachable(self.directory, self.users, targets)
        if nobody:
            raise Refused(NO_ADDRESS.format(names=", ".join(nobody)))
        addresses = {a.name: a.email for a in await self.directory.agencies() if a.email}
        emailed = []
        for agency in targets:
            if agency in addresses:
                message = agency_email(ticket, agency, addresses[agency], self.sender, note)
                await self.mail.send(message)
                emailed.append(agency)
        updated = await self.lifecycle.forwarded(code, tuple(targets), actor, note)
        return Forwarded(updated, tuple(emailed))

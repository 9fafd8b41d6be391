"""Forwarded reports and Open311 answers never carry who reported."""

import json
from email import message_from_bytes, policy

import pytest

from hotline.handoff.desk import TicketDesk
from hotline.handoff.forwarding import Forwarder
from hotline.handoff.lifecycle import Lifecycle, NotAllowed
from hotline.handoff.mail import FolderSender, SmtpSender
from hotline.handoff.open311 import service_request, services
from hotline.handoff.routing import Agency
from hotline.handoff.tickets import Reporter
from hotline.handoff.users import User
from hotline.storage.sqlite.backend import SqliteStorage
from tests.handoff.conftest import draft
from tests.support.smtp import mailbox

REPORTER = Reporter(name="Nguyễn Văn Tố", phone="0912345678", email="to.nguyen@example.vn")
SECRETS = ("Nguyễn Văn Tố", "0912345678", "0912 345 678", "to.nguyen@example.vn", "citizen-8841")


def assert_anonymous(raw: bytes) -> None:
    decoded = raw.decode("utf-8", errors="replace")
    for secret in SECRETS:
        assert secret.encode() not in raw and secret not in decoded, secret
    assert "Nguy" not in decoded and "912345678" not in decoded


async def test_an_agency_email_carries_the_report_but_not_the_reporter(
    storage: SqliteStorage, desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    routing = await storage.routing()
    await routing.put_agency(Agency("UBND Phú Cường, Thủ Dầu Một", "ubnd.phucuong@example.vn"))
    ticket = await desk.file(
        draft(
            reporter=REPORTER,
            description="Quán karaoke mở cửa. Gọi tôi: 0912 345 678, Nguyễn Văn Tố",
            evidence=({"kind": "location", "latitude": 10.98, "longitude": 106.65},),
        )
    )
    async with mailbox() as box:
        sender = SmtpSender("127.0.0.1", box.port, starttls=False)
        # The police read theirs over Open311: an agency user is their address.
        users = await storage.users()
        await users.add(User.new("ca-tdm", "agency", "h", agency="Công an Thủ Dầu Một"))
        forwarder = Forwarder(lifecycle, routing, sender, "tongdai1022@example.vn", users)
        done = await forwarder.forward(ticket.code, "lan", note="gọi 0912345678 nếu cần")

    assert done.emailed == ("UBND Phú Cường, Thủ Dầu Một",)
    assert done.ticket.status == "forwarded"
    assert done.ticket.forwarded_to == ("UBND Phú Cường, Thủ Dầu Một", "Công an Thủ Dầu Một")
    [raw] = box.messages
    assert box.recipients == [["ubnd.phucuong@example.vn"]]
    assert_anonymous(raw)
    mail = message_from_bytes(raw, policy=policy.default)
    body = mail.get_body().get_content()  # type: ignore[union-attr]
    assert_anonymous(body.encode())
    assert_anonymous(str(mail["Subject"]).encode())
    assert ticket.code in mail["Subject"] and "Quán karaoke mở cửa" in body
    assert "mlat=10.98" in body and "Hạn xử lý: 13:00 ngày 28/11/2026" in body


async def test_a_ticket_with_no_agency_cannot_be_forwarded(
    storage: SqliteStorage, desk: TicketDesk, lifecycle: Lifecycle, tmp_path
) -> None:
    ticket = await desk.file(draft("other"))
    forwarder = Forwarder(lifecycle, await storage.routing(), FolderSender(tmp_path))
    with pytest.raises(NotAllowed):
        await forwarder.forward(ticket.code, "lan")
    # An agency nobody reads for (no e-mail, no Open311 reader) is refused, saying why.
    with pytest.raises(NotAllowed, match="Công an Bến Cát chưa có địa chỉ nhận"):
        await forwarder.forward(ticket.code, "lan", ("Công an Bến Cát",))
    routing = await storage.routing()
    await routing.put_agency(Agency("Công an Bến Cát", "ca.bencat@example.vn"))
    done = await forwarder.forward(ticket.code, "lan", ("Công an Bến Cát",))
    assert done.emailed == ("Công an Bến Cát",)
    assert done.ticket.forwarded_to == ("Công an Bến Cát",)


async def test_an_open311_request_has_no_identity_and_says_when_and_who(
    desk: TicketDesk, lifecycle: Lifecycle
) -> None:
    ticket = await desk.file(draft(reporter=REPORTER, description="liên hệ to.nguyen@example.vn"))
    await lifecycle.forwarded(ticket.code, ("Công an Thủ Dầu Một",), "lan")
    done = await lifecycle.set_status(ticket.code, "resolved", "lan", "Đã kiểm tra, nhắc nhở")
    request = service_request(done)
    assert_anonymous(json.dumps(request, ensure_ascii=False).encode())
    assert request["service_request_id"] == ticket.code
    assert request["status"] == "closed" and request["status_notes"] == "Đã kiểm tra, nhắc nhở"
    assert request["expected_datetime"] == "2026-11-28T13:00:00+07:00"
    assert request["agency_responsible"] == "Công an Thủ Dầu Một"
    assert {s["service_code"] for s in services()} >= {"violation", "contact_tip", "hardship"}

"""The reporter stays confidential in every staff view: masked for those who may not see them,
revealed (and audited) for the assigned agent, supervisors and admins; platform ids never shown;
agencies and `/status` get only what the one redacted projection carries."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.config import Settings
from hotline.handoff.forwarding import agency_email
from hotline.handoff.redact import HIDDEN, leaks
from hotline.handoff.tickets import Reporter, TicketEvent
from hotline.storage.sqlite.database import sqlite_path
from hotline.web.keys import CASEWORK
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.office import filed, person

BICH = Reporter(name="Trần Thị Bích", phone="0987654321")


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    """Supervisors hear of emergencies by e-mail, written into a folder."""
    return replace(
        settings, supervisors_email="giam-sat@example.vn", mail_dir=str(tmp_path / "mail")
    )


def _files(folder: Path, pattern: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.glob(pattern))]


async def _report_with_contact(chat: RestChat) -> str:
    await chat.say("/report_violation")
    await chat.say("Quán nhậu đầu hẻm tụ tập 20 người, chủ quán là bà Tư")
    await chat.say("hẻm 12 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    await chat.press("Đang diễn ra")
    await chat.say("Tôi tên Trần Thị Bích 0987.654.321")
    assert "Người báo: Trần Thị Bích 0987654321" in chat.text
    await chat.press("Gửi")
    return chat.code()


async def test_only_the_assigned_agent_and_supervisors_see_the_reporter_each_look_audited(
    client: TestClient,
) -> None:
    chat = RestChat(client, "c1")
    code = await _report_with_contact(chat)
    ticket = await hotline_of(client).desk.store.get(code)
    assert ticket is not None and ticket.reporter == BICH  # "Tôi tên" is not part of the name
    lan = await person(client, "lan")
    boss = await person(client, "giang", "supervisor")

    # Not hers yet: the list, the detail and the transcript name nobody, and nothing is logged.
    listed = await client.get("/api/tickets", headers=lan)
    other = await client.get(f"/api/tickets/{code}", headers=lan)
    for raw in (await listed.text(), await other.text()):
        assert leaks(raw, BICH) == [] and "rest:c1" not in raw and '"c1"' not in raw
    body = await other.json()
    assert body["reporter"] is None and body["has_reporter"] is True
    assert body["conversation"].startswith("rest:ẩn-") and body["conversation"] != "rest:c1"
    [row] = (await listed.json())["tickets"]
    assert row["conversation"] == body["conversation"]  # stable: the same id, the same name
    said = [line["text"] for line in body["transcript"]]
    assert HIDDEN in said, "the answer to the contact question is masked as a whole"
    assert any(f"Người báo: {HIDDEN}" in text for text in said), "and so is the summary's line"
    audit = await client.get(f"/api/tickets/{code}/audit", headers=boss)
    assert (await audit.json())["entries"] == []

    # Hers: the reporter and the clear transcript, with an audit row for each look.
    assert (await client.post(f"/api/tickets/{code}/claim", headers=lan)).status == 200
    mine = await client.get(f"/api/tickets/{code}?reason=gọi lại", headers=lan)
    shown = await mine.json()
    assert shown["reporter"] == {"name": "Trần Thị Bích", "phone": "0987654321"}
    assert any("0987.654.321" in line["text"] for line in shown["transcript"])
    seen = await client.get(f"/api/tickets/{code}", headers=boss)
    assert (await seen.json())["reporter"]["phone"] == "0987654321"
    trail = await (await client.get(f"/api/tickets/{code}/audit", headers=boss)).json()
    assert [(e["who"], e["why"]) for e in trail["entries"]] == [
        ("lan", "gọi lại"),
        ("giang", "xem chi tiết phiếu"),
    ]
    # Another agent still sees it masked.
    minh = await person(client, "minh")
    theirs = await client.get(f"/api/tickets/{code}", headers=minh)
    assert leaks(await theirs.text(), BICH) == []

    # At rest: the database file (and its write-ahead log) holds no name and no phone.
    path = Path(sqlite_path(hotline_of(client).settings.store))
    stored = b"".join(await asyncio.to_thread(_files, path.parent, path.name + "*"))
    for secret in ("0987654321", "0987.654.321", "Trần Thị Bích", "Bích"):
        assert secret.encode() not in stored, secret


async def test_agencies_get_one_redacted_projection_everywhere(client: TestClient) -> None:
    """The agency's API, Open311 and the forwarding e-mail: no name (typed without diacritics
    or in another order), no phone in any format, no e-mail, no evidence file, no conversation."""
    mai = Reporter(name="Trần Thị Mai", phone="0912345678", email="mai.tran@gmail.com")
    ticket = await filed(
        client,
        description="Tran Thi Mai báo: quán mở cửa, gọi +84 912 345 678 hoặc mai.tran@gmail.com",
        address="nhà chị Mai, 0912.345.678",
        reporter=mai,
        evidence=({"kind": "photo", "file": "telegram-777009-AgAD1234.jpg"},),
    )
    boss = await person(client, "giang", "supervisor")
    police = await person(client, "ca-tdm", "agency", agency="UBND Phú Cường, Thủ Dầu Một")
    note = "Đề nghị liên hệ TRAN THI MAI số 84912345678 để xác minh"
    resp = await client.post(
        f"/api/tickets/{ticket.code}/status",
        headers=boss,
        json={"status": "forwarded", "note": note, "agencies": ["UBND Phú Cường, Thủ Dầu Một"]},
    )
    assert resp.status == 200, await resp.text()
    casework = client.app[CASEWORK]
    store = casework.hotline.desk.store
    forwarded = await store.get(ticket.code)
    assert forwarded is not None
    answered = forwarded.with_event(
        TicketEvent(forwarded.created_at, "ca-tdm", "answer", note="Đã làm việc với chị Mai")
    )
    await store.save(answered)

    api = await client.get(f"/api/tickets/{ticket.code}", headers=police)
    open311 = await client.get("/open311/v2/requests.json", headers=police)
    mail = agency_email(answered, "UBND Phú Cường", "ubnd@example.vn", "1022@example.vn", note)
    views = {
        "agency API": await api.text(),
        "Open311": await open311.text(),
        "e-mail": mail.as_string() + str(mail.get_content()),
    }
    for where, raw in views.items():
        assert leaks(raw, mai) == [], where
        assert "telegram-777009" not in raw and "citizen-9" not in raw, where
        assert "Mai" not in raw.replace("mai.tran", ""), where
    body = await api.json()
    assert body["photos"] == 1 and body["answer"] == f"Đã làm việc với chị {HIDDEN}"
    assert body["description"].startswith(f"{HIDDEN} báo: quán mở cửa")
    [request] = await open311.json()
    assert request["description"] == body["description"]
    assert request["status_notes"] == body["answer"]


async def test_the_status_page_shows_code_category_status_dates_and_answer_only(
    client: TestClient,
) -> None:
    ticket = await filed(client, description="Trần Văn Lộc 0911222333 báo quán mở cửa")
    stored = await hotline_of(client).desk.store.get(ticket.code)
    assert stored is not None
    answer = TicketEvent(stored.created_at, "ca-tdm", "answer", note="Đã xử phạt, cảm ơn anh Tố")
    await hotline_of(client).desk.store.save(stored.with_event(answer))

    page = await (await client.get(f"/status?code={ticket.code}")).text()
    api = await (await client.get(f"/api/reports/{ticket.code}")).text()
    for raw in (page, api):
        assert "Trần Văn Lộc" not in raw and "0911222333" not in raw and "quán mở cửa" not in raw
        assert "Tố" not in raw  # the reporter's given name in the answer, masked
        assert ticket.code in raw and "Đã xử phạt" in raw
    assert "Hạn xử lý" in page and "Ngày tiếp nhận" in page


async def test_the_emergency_notice_that_leaves_by_e_mail_names_nobody(
    client: TestClient, settings: Settings
) -> None:
    ticket = await filed(
        client, "emergency", description="Ông Tố khó thở, gọi con ông là Nguyễn Văn Tố 0912345678"
    )
    folder = Path(settings.mail_dir)
    for _ in range(100):  # the notice is sent in the background
        if await asyncio.to_thread(_files, folder, "*.eml"):
            break
        await asyncio.sleep(0.05)
    [mail] = [
        message_from_bytes(raw, policy=policy.default)
        for raw in await asyncio.to_thread(_files, folder, "*.eml")
    ]
    text = f"{mail['Subject']}\n{mail.get_body().get_content()}"  # type: ignore[union-attr]
    assert ticket.code in text and "khó thở" in text
    assert "0912345678" not in text and "Nguyễn Văn Tố" not in text

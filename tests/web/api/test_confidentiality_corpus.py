"""The corpus test: reporters who give their name and phone the ways citizens type them, then
every view anyone without the right to see them reads, on both back ends: 0 leaks.

Views: the staff API (list, detail, transcript) of an agent the ticket is not assigned to, the
agency's tickets API, Open311, the forwarding e-mail, the dashboard's CSV, `/status` and
`/api/reports/{code}`, the audit trail, and the database at rest (a copy of every message)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from hotline.config import Settings
from hotline.handoff.crypto import Cipher
from hotline.handoff.forwarding import agency_email
from hotline.handoff.redact import leaks
from hotline.handoff.tickets import Reporter
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import open_storage
from hotline.web.keys import CASEWORK
from tests.support.chat import RestChat
from tests.support.hotline import hotline_of
from tests.support.mongo_server import scratch_url
from tests.support.office import login, person

POLICE = "UBND Phú Cường, Thủ Dầu Một"


@dataclass(frozen=True)
class Citizen:
    sender: str
    contact: str  # the answer to the contact question, as typed
    description: str  # the report, naming the reporter without diacritics
    reporter: Reporter


CORPUS = (
    Citizen(
        "app-bich",
        "Tôi tên Trần Thị Bích 0987.654.321",
        "Quán nhậu đầu hẻm tụ tập 20 người, tran thi bich ở nhà bên cạnh thấy rõ",
        Reporter(name="Trần Thị Bích", phone="0987654321"),
    ),
    Citizen(
        "app-tam",
        "mình là Lê Văn Tám, sđt +84 912 345 678",
        "Tiệm tạp hóa bán khẩu trang giá gấp 5 lần, LE VAN TAM đã mua, gọi 0912-345-678",
        Reporter(name="Lê Văn Tám", phone="0912345678"),
    ),
    Citizen(
        "app-bao",
        "tên: Nguyễn Văn Bảo, sđt: 0903 111 222",
        "Karaoke mở cửa đến khuya, nguyễn bảo báo, email bao.nguyen@gmail.com",
        Reporter(name="Nguyễn Văn Bảo", phone="0903111222"),
    ),
)


@pytest.fixture(params=["sqlite", "mongodb"])
async def settings(
    request: pytest.FixtureRequest, settings: Settings, tmp_path: Path
) -> AsyncIterator[Settings]:
    store = settings.store
    if request.param == "mongodb":
        store = scratch_url(request.getfixturevalue("mongo_url"))
    yield replace(
        settings,
        store=store,
        secret_key=Cipher.new_key(),
        mail_dir=str(tmp_path / "mail"),
        assign_every_seconds=3600.0,
        deadline_check_seconds=3600.0,
    )
    async with await open_storage(store) as storage:
        if isinstance(storage, MongoStorage):
            await storage.db.drop()


async def _report(client: TestClient, citizen: Citizen) -> str:
    chat = RestChat(client, citizen.sender)
    await chat.say("/report_violation")
    await chat.say(citizen.description)
    if "ở đâu" in chat.text.lower():
        await chat.say("hẻm 12 đường Yersin, phường Phú Cường, Thủ Dầu Một")
    await chat.press("Đang diễn ra")
    await chat.say(citizen.contact)
    await chat.press("Gửi")
    return chat.code()


async def test_no_view_leaks_a_reporter(client: TestClient) -> None:
    boss = await person(client, "giang", "supervisor")
    lan = await person(client, "lan")
    police = await person(client, "ca-tdm", "agency", agency=POLICE)
    casework = client.app[CASEWORK]
    codes = {}
    for citizen in CORPUS:
        code = await _report(client, citizen)
        ticket = await casework.hotline.desk.store.get(code)
        assert ticket is not None and ticket.reporter == citizen.reporter, citizen.contact
        codes[citizen.sender] = code
        name = (citizen.reporter.name or "").lower()
        note = f"Đề nghị gọi lại {name} số {citizen.reporter.phone} để xác minh"
        resp = await client.post(
            f"/api/tickets/{code}/status",
            headers=boss,
            json={"status": "forwarded", "note": note, "agencies": [POLICE]},
        )
        assert resp.status == 200, await resp.text()
        answer = {"status": "resolved", "note": f"Đã xử lý, cảm ơn {citizen.reporter.name}"}
        resp = await client.post(f"/api/tickets/{code}/status", headers=police, json=answer)
        assert resp.status == 200, await resp.text()
        resp = await client.get(f"/api/tickets/{code}?reason=gọi lại", headers=boss)
        assert (await resp.json())["reporter"]["phone"] == citizen.reporter.phone

    views: dict[str, Callable[[str], object]] = {
        "staff list": lambda code: client.get("/api/tickets", headers=lan),
        "staff detail": lambda code: client.get(f"/api/tickets/{code}", headers=lan),
        "agency list": lambda code: client.get("/api/tickets", headers=police),
        "agency detail": lambda code: client.get(f"/api/tickets/{code}", headers=police),
        "Open311": lambda code: client.get("/open311/v2/requests.json", headers=police),
        "Open311 one": lambda code: client.get(f"/open311/v2/requests/{code}.json", headers=police),
        "status page": lambda code: client.get(f"/status?code={code}"),
        "reports API": lambda code: client.get(f"/api/reports/{code}"),
        "audit": lambda code: client.get(f"/api/tickets/{code}/audit", headers=boss),
    }
    found: list[tuple[str, str, list[str]]] = []
    shown = 0
    for citizen in CORPUS:
        code = codes[citizen.sender]
        for where, fetch in views.items():
            resp = await fetch(code)  # type: ignore[misc]
            assert resp.status == 200, (where, resp.status)
            raw = await resp.text()
            assert code in raw or where in ("staff list", "agency list", "Open311", "audit")
            shown += 1
            found += [(citizen.sender, where, leaks(raw, r.reporter)) for r in CORPUS]
            assert citizen.sender not in raw, (where, "platform id")
        ticket = await casework.hotline.desk.store.get(code)
        assert ticket is not None
        mail = agency_email(ticket, POLICE, "ubnd@example.vn", "1022@example.vn", "gọi 0903111222")
        found += [(citizen.sender, "e-mail", leaks(mail.as_string(), r.reporter)) for r in CORPUS]
        found += [
            (citizen.sender, "e-mail body", leaks(str(mail.get_content()), r.reporter))
            for r in CORPUS
        ]
        shown += 1
    await login(client, "giang")
    csv = await client.get("/admin/dashboard.csv")
    assert csv.status == 200
    found += [("all", "dashboard CSV", leaks(await csv.text(), r.reporter)) for r in CORPUS]
    stored = hotline_of(client).conversations
    copy = [r for part in stored.parts async for r in stored.export(part)]  # type: ignore[attr-defined]
    found += [("all", "messages at rest", leaks(repr(copy), r.reporter)) for r in CORPUS]

    leaked = [(who, where, what) for who, where, what in found if what]
    print(f"corpus: {len(CORPUS)} reporters, {shown + 2} views read, {len(leaked)} leaks")
    assert leaked == []

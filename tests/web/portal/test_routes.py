"""The portal over HTTP: the form, the status page and the JSON API, on the real app."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient

from hotline.bot.media import MediaStore
from hotline.config import Settings
from hotline.handoff.lifecycle import Lifecycle
from hotline.web.app import create_app
from tests.browser.widget import TICKET_CODE
from tests.support import images
from tests.support.hotline import hotline_of

JPEG = images.photo("JPEG", gps=True)
REPORT = {
    "category": "violation",
    "description": "Quán karaoke mở cửa hát đến khuya, tụ tập rất đông người",
    "district": "Thủ Dầu Một",
    "ward": "Phú Lợi",
    "address": "12 Lê Hồng Phong",
    "occurred_at": "2021-08-01T21:30",
}
CONTACT = {"name": "Trần Thị Bí Mật", "phone": "0912345678", "email": "bimat@example.vn"}


@pytest.fixture
def portal_settings(settings: Settings, tmp_path: Path) -> Settings:
    return replace(settings, media_dir=str(tmp_path / "media"), portal_photo_max_bytes=2000)


@pytest.fixture
async def client(
    aiohttp_client: Callable[..., Awaitable[TestClient]], portal_settings: Settings
) -> TestClient:
    return await aiohttp_client(create_app(portal_settings))


async def open_form(client: TestClient) -> dict[str, str]:
    """GET the form (the cookie jar keeps its cookie); its nonce and CSRF token."""
    page = await (await client.get("/report")).text()
    nonce = re.search(r'name="nonce" value="([^"]+)"', page)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert nonce and csrf
    return {"nonce": nonce.group(1), "csrf": csrf.group(1)}


def form_data(fields: dict[str, str], photos: list[tuple[str, bytes]] = ()) -> aiohttp.FormData:  # type: ignore[assignment]
    data = aiohttp.FormData()
    for name, value in fields.items():
        data.add_field(name, value)
    for filename, content in photos:
        data.add_field("photos", content, filename=filename, content_type="image/jpeg")
    return data


async def post_report(
    client: TestClient,
    fields: dict[str, str],
    photos: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> tuple[int, str]:
    token = await open_form(client)
    resp = await client.post("/report", data=form_data({**token, **fields}, photos))
    return resp.status, await resp.text()


async def test_the_form_files_a_report_with_a_photo_and_keeps_the_reporter_confidential(
    client: TestClient, portal_settings: Settings
) -> None:
    status, page = await post_report(client, {**REPORT, **CONTACT}, [("quan.jpg", JPEG)])
    assert status == 200
    code = TICKET_CODE.search(page)
    assert code and "Hạn xử lý" in page
    ticket = await hotline_of(client).desk.store.get(code.group(0))
    assert ticket is not None
    assert (ticket.channel, ticket.category, ticket.ward) == ("portal", "violation", "Phú Lợi")
    assert ticket.reporter is not None and ticket.reporter.phone == "0912345678"
    assert "0912345678" not in ticket.sender and "bimat" not in ticket.sender
    [photo] = ticket.evidence
    media = MediaStore(Path(portal_settings.media_dir))
    assert images.picture(media.path_of(photo["url"]).read_bytes()) == ("JPEG", (8, 6), False)

    shown = await (await client.get("/status", params={"code": ticket.code.lower()})).text()
    api = await (await client.get(f"/api/reports/{ticket.code}")).json()
    for secret in CONTACT.values():
        assert secret not in shown and secret not in str(api)
    assert api["code"] == ticket.code and api["status"] == "new"
    assert set(api) >= {"code", "category", "status", "updates"}


async def test_a_double_submit_files_one_ticket(client: TestClient) -> None:
    token = await open_form(client)
    first = await client.post("/report", data=form_data({**token, **REPORT}))
    second = await client.post("/report", data=form_data({**token, **REPORT}))
    codes = [TICKET_CODE.search(await r.text()) for r in (first, second)]
    assert codes[0] and codes[1] and codes[0].group(0) == codes[1].group(0)


async def test_missing_fields_reshow_the_form_with_errors_and_the_input_escaped(
    client: TestClient,
) -> None:
    typed = {**REPORT, "description": "", "address": '<b>"số 5"</b>', "ward": "Dĩ An"}
    status, page = await post_report(client, typed)
    assert status == 400
    assert 'id="description-error"' in page
    assert 'aria-describedby="description-hint description-error"' in page
    assert 'id="ward-error"' in page  # Dĩ An is not a ward of Thủ Dầu Một
    assert 'value="&lt;b&gt;&#34;số 5&#34;&lt;/b&gt;"' in page  # kept, and escaped
    assert "<b>" not in page
    assert re.search(r'value="violation"[^>]* checked', page)


@pytest.mark.parametrize(
    ("filename", "content", "said"),
    [
        ("virus.jpg", b"MZ\x90\x00 this is a program", "không phải ảnh JPEG, PNG hoặc WebP"),
        ("big.jpg", JPEG + bytes(5000), "lớn hơn"),
    ],
)
async def test_bad_uploads_are_refused_with_a_clear_message(
    client: TestClient, filename: str, content: bytes, said: str
) -> None:
    status, page = await post_report(client, REPORT, [(filename, content)])
    assert status == 400
    assert said in page and filename in page
    assert 'id="photos-error"' in page
    assert TICKET_CODE.search(page) is None


async def test_a_post_without_the_forms_token_is_refused(client: TestClient) -> None:
    await open_form(client)
    resp = await client.post("/report", data=form_data({**REPORT, "nonce": "x", "csrf": "0"}))
    assert resp.status == 403
    assert "hết hạn" in await resp.text()
    assert await hotline_of(client).desk.store.list() == []


async def test_the_status_page_shows_the_answer_literally_and_never_the_description(
    client: TestClient,
) -> None:
    attack = '<script>alert("x")</script> quán mở cửa'
    resp = await client.post("/api/reports", json={**REPORT, "description": attack})
    code = (await resp.json())["code"]
    hotline = hotline_of(client)
    await Lifecycle(hotline.desk.store).set_status(
        code, "resolved", "phuong", "Đã xử phạt <b>2 triệu</b>"
    )
    page = await (await client.get("/status", params={"code": code})).text()
    assert "<script>alert" not in page
    assert "quán mở cửa" not in page  # the description is never on the public page
    assert "Đã xử phạt &lt;b&gt;2 triệu&lt;/b&gt;" in page
    assert "phuong" not in page  # who answered stays inside
    updates = (await (await client.get(f"/api/reports/{code}")).json())["updates"]
    assert {"answer": "Đã xử phạt <b>2 triệu</b>"}.items() <= updates[-1].items()
    assert all("actor" not in u for u in updates)


async def test_an_unknown_code_is_not_found(client: TestClient) -> None:
    resp = await client.get("/status", params={"code": "PA-ZZZZ-ZZZZ"})
    assert resp.status == 404 and "Không tìm thấy" in await resp.text()
    assert (await client.get("/api/reports/PA-ZZZZ-ZZZZ")).status == 404


async def test_the_api_files_a_report_and_explains_what_is_wrong(client: TestClient) -> None:
    body: dict[str, Any] = {**REPORT, "contact": CONTACT}
    resp = await client.post("/api/reports", json=body)
    assert resp.status == 201
    filed = await resp.json()
    assert TICKET_CODE.fullmatch(filed["code"]) and filed["due_at"].endswith("+00:00")
    ticket = await hotline_of(client).desk.store.get(filed["code"])
    assert ticket is not None and ticket.reporter is not None
    assert ticket.reporter.email == CONTACT["email"]

    bad = await client.post(
        "/api/reports",
        json={"category": "gossip", "district": "Hà Nội", "contact": {"phone": "12"}},
    )
    assert bad.status == 400
    problems = await bad.json()
    assert problems["error"] and set(problems["fields"]) == {
        "category",
        "description",
        "district",
        "ward",
        "phone",
    }
    assert (await client.post("/api/reports", data="category=x")).status == 415


async def test_reports_are_rate_limited_per_client_across_form_and_api(
    aiohttp_client: Callable[..., Awaitable[TestClient]], portal_settings: Settings
) -> None:
    client = await aiohttp_client(create_app(replace(portal_settings, portal_reports_per_window=2)))
    assert (await client.post("/api/reports", json=REPORT)).status == 201
    status, _ = await post_report(client, REPORT)
    assert status == 200
    status, page = await post_report(client, REPORT)
    assert status == 429 and "thử lại sau" in page
    limited = await client.post("/api/reports", json=REPORT)
    assert limited.status == 429 and int(limited.headers["Retry-After"]) > 0
    assert len(await hotline_of(client).desk.store.list()) == 2

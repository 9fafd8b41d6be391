"""Redirects, headers, client addresses and cookies behind a proxy (issue 16)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace

from aiohttp.test_utils import TestClient

from hotline.config import Settings
from hotline.web.api.auth import SESSION_COOKIE, local_path
from hotline.web.app import create_app
from hotline.web.client_address import client_of, networks
from tests.support.hotline import hotline_of
from tests.support.office import PASSWORD, login, person

REPORT = {
    "category": "violation",
    "description": "Quán karaoke mở cửa hát đến khuya, tụ tập rất đông người",
    "district": "Thủ Dầu Một",
    "ward": "Phú Lợi",
}
MakeClient = Callable[..., Awaitable[TestClient]]


async def _form_login(client: TestClient, after: str) -> str:
    page = await (await client.get("/login")).text()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"username": "lan", "password": PASSWORD, "csrf_token": token, "next": after}
    resp = await client.post("/login", data=form, allow_redirects=False)
    assert resp.status == 303
    return resp.headers["Location"]


async def test_after_login_only_a_local_path(client: TestClient) -> None:
    await person(client, "lan")
    assert await _form_login(client, "/console?ve=1") == "/console?ve=1"
    for evil in [
        "/\t/evil.example/fake",  # what /login?next=/%09/evil.example/fake carries
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "/console\r\nSet-Cookie: x=1",
        "/\n/evil.example",
        "javascript:alert(1)",
    ]:
        assert await _form_login(client, evil) == "/console", evil
    assert not local_path("/\x00x") and local_path("/admin/faq?q=a%20b")
    page = await client.get("/login", params={"next": "/\t/evil.example/fake"})
    assert "evil.example" not in await page.text()


async def test_pages_and_answers_carry_the_security_headers(client: TestClient) -> None:
    for path in ["/", "/report", "/status", "/login"]:
        resp = await client.get(path)
        assert resp.status == 200, path
        h = resp.headers
        assert "frame-ancestors 'self'" in h["Content-Security-Policy"], path
        assert "script-src 'self'" in h["Content-Security-Policy"], path
        assert h["X-Frame-Options"] == "SAMEORIGIN" and h["X-Content-Type-Options"] == "nosniff"
        assert h["Referrer-Policy"] == "same-origin"
    boss = await person(client, "giam-sat", "supervisor")
    tickets = await client.get("/api/tickets", headers=boss)
    assert tickets.headers["Cache-Control"] == "no-store"
    assert tickets.headers["X-Content-Type-Options"] == "nosniff"
    status = await client.get("/status", params={"code": "PA-AAAA-BBBB"})
    assert status.headers["Cache-Control"] == "no-store"
    chat = await client.post("/webhooks/rest/webhook", json={"sender": "h-1", "message": "chào"})
    assert chat.status == 200 and chat.headers["Cache-Control"] == "no-store"
    refused = await client.get("/api/tickets")
    assert refused.status == 401 and refused.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_the_client_is_the_last_address_before_the_trusted_proxies() -> None:
    proxies = networks("127.0.0.1, 10.0.0.0/8")
    assert client_of("127.0.0.1", "1.2.3.4, 5.6.7.8, 10.1.1.1", proxies) == "5.6.7.8"
    assert client_of("203.0.113.9", "1.2.3.4", proxies) == "203.0.113.9"  # not a proxy: a claim
    assert client_of("127.0.0.1", "", proxies) == "127.0.0.1"
    assert client_of("127.0.0.1", "bogus, 10.0.0.1", proxies) == "127.0.0.1"
    assert client_of("127.0.0.1", "1.2.3.4", ()) == "127.0.0.1"


async def test_the_portal_quota_counts_clients_behind_a_trusted_proxy(
    aiohttp_client: MakeClient, settings: Settings
) -> None:
    one = replace(settings, portal_reports_per_window=1)
    trusting = await aiohttp_client(create_app(replace(one, trusted_proxies="127.0.0.1")))

    async def report(client: TestClient, address: str) -> int:
        resp = await client.post("/api/reports", json=REPORT, headers={"X-Forwarded-For": address})
        return resp.status

    assert await report(trusting, "1.1.1.1") == 201
    assert await report(trusting, "2.2.2.2") == 201  # another citizen behind the same nginx
    assert await report(trusting, "2.2.2.2") == 429
    assert len(await hotline_of(trusting).desk.store.list()) == 2


async def test_a_spoofed_forwarded_for_is_not_believed(
    aiohttp_client: MakeClient, settings: Settings
) -> None:
    client = await aiohttp_client(create_app(replace(settings, portal_reports_per_window=1)))
    first = await client.post("/api/reports", json=REPORT, headers={"X-Forwarded-For": "1.1.1.1"})
    assert first.status == 201
    again = await client.post("/api/reports", json=REPORT, headers={"X-Forwarded-For": "9.9.9.9"})
    assert again.status == 429


async def test_cookies_are_secure_when_the_public_url_is_https(
    aiohttp_client: MakeClient, settings: Settings
) -> None:
    for name, changed in [
        ("lan", {"public_url": "https://1022.example.vn"}),
        ("minh", {"trusted_proxies": "127.0.0.1"}),
    ]:
        client = await aiohttp_client(create_app(replace(settings, **changed)))
        await person(client, name)
        resp = await client.post(
            "/login",
            json={"username": name, "password": PASSWORD},
            headers={"X-Forwarded-Proto": "https"},
        )
        session = next(c for c in resp.headers.getall("Set-Cookie") if c.startswith(SESSION_COOKIE))
        assert "Secure" in session, changed


async def test_an_agency_address_with_a_line_break_is_refused(client: TestClient) -> None:
    admin = await person(client, "quan-tri", "admin")
    for email in ["ca@example.vn\r\nBcc: all@evil.example", "a@b.vn, c@d.vn", "X <a@b.vn>"]:
        resp = await client.put(
            "/api/routing",
            json={"rules": [], "agencies": [{"name": "Công an", "email": email}]},
            headers=admin,
        )
        assert resp.status == 400 and "e-mail" in (await resp.json())["error"], email
    csrf = await login(client, "quan-tri")
    page = await client.post(
        "/admin/rules/agencies",
        data={"csrf_token": csrf, "name": "Công an", "email": "ca@x.vn\r\nBcc: y@z.vn"},
    )
    assert page.status == 400 and "không xuống dòng" in await page.text()
    named = await client.put(
        "/api/routing",
        json={"rules": [], "agencies": [{"name": "A\r\nBcc: x@y.vn", "email": "a@b.vn"}]},
        headers=admin,
    )
    assert named.status == 400
    assert all(a.name != "Công an" for a in await hotline_of(client).routing.agencies())

"""Logging in to the console: the page, sessions, CSRF, lockout, logout, roles."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from hotline.web.api.auth import CSRF_COOKIE, LOGIN_COOKIE, SESSION_COOKIE
from tests.support.office import PASSWORD, filed, login, person


async def test_the_login_page_is_vietnamese_and_escapes_what_it_echoes(client: TestClient) -> None:
    resp = await client.get('/login?next=/console"><script>alert(1)</script>')
    page = await resp.text()
    assert resp.status == 200 and "Đăng nhập" in page and 'lang="vi"' in page
    assert "<script>alert(1)" not in page
    assert 'value="/console&#34;&gt;&lt;script&gt;' in page
    assert (await client.get("/login?next=//evil.example")).status == 200
    assert 'value="/console"' in await (await client.get("/login?next=//evil.example")).text()


async def test_a_form_login_sets_safe_cookies_and_redirects(client: TestClient) -> None:
    await person(client, "lan")
    page = await (await client.get("/login?next=/console")).text()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    form = {"username": "lan", "password": PASSWORD, "csrf_token": token, "next": "/console"}
    resp = await client.post("/login", data=form, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/console"
    cookies = resp.headers.getall("Set-Cookie")
    session = next(c for c in cookies if c.startswith(SESSION_COOKIE + "="))
    assert "HttpOnly" in session and "SameSite=Lax" in session and "Secure" not in session
    assert any(c.startswith(CSRF_COOKIE + "=") and "HttpOnly" not in c for c in cookies)
    me = await (await client.get("/api/me")).json()
    assert me["user"]["name"] == "lan" and me["csrf_token"]

    # A client's own X-Forwarded-Proto is not believed (tests/web/test_client_address.py has
    # the trusted proxy and the https public URL, which do make the cookie Secure).
    claimed = await client.post(
        "/login",
        json={"username": "lan", "password": PASSWORD},
        headers={"X-Forwarded-Proto": "https"},
    )
    assert "Secure" not in claimed.headers.getall("Set-Cookie")[0]


async def test_a_login_form_without_its_token_is_refused(client: TestClient) -> None:
    await person(client, "lan")
    client.session.cookie_jar.clear()
    resp = await client.post("/login", data={"username": "lan", "password": PASSWORD})
    assert resp.status == 403 and "hết hạn" in await resp.text()
    assert LOGIN_COOKIE  # the page sets it; without it no form login passes


async def test_cookie_posts_need_the_csrf_token_bearer_posts_do_not(client: TestClient) -> None:
    bearer = await person(client, "lan")
    ticket = await filed(client)
    csrf = await login(client, "lan")
    note = {"text": "gọi lại sau"}
    refused = await client.post(f"/api/tickets/{ticket.code}/notes", json=note)
    assert refused.status == 403 and "CSRF" in (await refused.json())["error"]
    wrong = await client.post(
        f"/api/tickets/{ticket.code}/notes", json=note, headers={"X-CSRF-Token": "x" + csrf}
    )
    assert wrong.status == 403
    ok = await client.post(
        f"/api/tickets/{ticket.code}/notes", json=note, headers={"X-CSRF-Token": csrf}
    )
    assert ok.status == 200
    client.session.cookie_jar.clear()
    assert (
        await client.post(f"/api/tickets/{ticket.code}/notes", json=note, headers=bearer)
    ).status == 200


async def test_repeated_failures_lock_the_account(client: TestClient) -> None:
    await person(client, "lan")
    for _ in range(4):
        resp = await client.post("/login", json={"username": "lan", "password": "sai-mat-khau"})
        assert resp.status == 401
    resp = await client.post("/login", json={"username": "lan", "password": "sai-mat-khau"})
    assert resp.status == 429 and "tạm khóa" in (await resp.json())["error"]
    resp = await client.post("/login", json={"username": "lan", "password": PASSWORD})
    assert resp.status == 429


async def test_logout_ends_the_session(client: TestClient) -> None:
    await person(client, "lan")
    csrf = await login(client, "lan")
    assert (await client.get("/api/tickets")).status == 200
    resp = await client.post(
        "/logout", headers={"X-CSRF-Token": csrf, "Accept": "application/json"}
    )
    assert resp.status == 200
    assert (await client.get("/api/tickets")).status == 401


async def test_roles_decide_who_edits_routing(client: TestClient) -> None:
    agent = await person(client, "lan")
    admin = await person(client, "quan", "admin")
    rules = (await (await client.get("/api/routing", headers=agent)).json())["rules"]
    rules.insert(0, {"category": "violation", "district": "Thủ Dầu Một", "agencies": ["Đội 1"]})
    edit = {"rules": rules, "agencies": [{"name": "Đội 1", "email": "doi1@example.vn"}]}
    assert (await client.put("/api/routing", json=edit, headers=agent)).status == 403
    assert (await client.put("/api/routing", json=edit)).status == 401
    resp = await client.put("/api/routing", json=edit, headers=admin)
    assert resp.status == 200, await resp.text()
    assert {"name": "Đội 1", "email": "doi1@example.vn"} in (await resp.json())["agencies"]
    assert (await filed(client)).agencies == ("Đội 1",)
    bad = {"rules": [{"category": "violation", "agencies": ["UBND {phone}"]}]}
    assert (await client.put("/api/routing", json=bad, headers=admin)).status == 400

"""People of the back office for API tests: users with bearer tokens, and console logins."""

from __future__ import annotations

from dataclasses import replace

from aiohttp.test_utils import TestClient

from hotline.handoff.tickets import Reporter, Ticket, TicketDraft
from hotline.web.keys import CASEWORK

PASSWORD = "mật-khẩu-đủ-dài"


async def person(client: TestClient, name: str, role: str = "agent", **kw: str) -> dict[str, str]:
    """A new user; returns the headers that carry their bearer token."""
    accounts = client.app[CASEWORK].accounts  # type: ignore[index]
    await accounts.add_user(name, role, PASSWORD, kw.get("team"), kw.get("agency"))
    return {"Authorization": f"Bearer {await accounts.issue_token(name)}"}


async def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in through the JSON login; the client keeps the cookie. Returns the CSRF token."""
    resp = await client.post("/login", json={"username": name, "password": password})
    assert resp.status == 200, await resp.text()
    return str((await resp.json())["csrf_token"])


async def filed(
    client: TestClient,
    category: str = "violation",
    source: str = "rest:test-1",
    sender: str = "citizen-9",
    **details: object,
) -> Ticket:
    """A ticket filed through the hotline's own desk, as the dialogs file them."""
    draft = TicketDraft(
        category=category,
        description="quán karaoke vẫn mở cửa, tụ tập đông người",
        channel="rest",
        sender=sender,
        source_key=source,
        district="Thủ Dầu Một",
        ward="Phú Cường",
        reporter=Reporter(name="Nguyễn Văn Tố", phone="0912345678"),
    )
    draft = replace(draft, **details)
    return await client.app[CASEWORK].hotline.desk.file(draft)  # type: ignore[index]

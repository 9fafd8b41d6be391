"""People at the console: users made through the back office, logged in through /login."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from aiohttp.test_utils import TestClient

from hotline.web.api.auth import SESSION_COOKIE
from hotline.web.keys import CASEWORK

PASSWORD = "mat-khau-an-toan-1022"


@dataclass(frozen=True)
class Person:
    """A logged-in user; their cookie is sent by hand, so one client serves several people."""

    name: str
    role: str
    session: str
    csrf: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Cookie": f"{SESSION_COOKIE}={self.session}", "X-CSRF-Token": self.csrf}


LogIn = Callable[..., Awaitable[Person]]


def log_in_fixture(client: TestClient) -> LogIn:
    """Make a user through the back office and log them in through /login."""

    async def log_in(name: str, role: str = "agent", agency: str | None = None) -> Person:
        casework = client.app[CASEWORK]  # type: ignore[index]
        await casework.accounts.add_user(name, role, PASSWORD, agency=agency)
        resp = await client.post("/login", json={"username": name, "password": PASSWORD})
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        session = resp.cookies[SESSION_COOKIE].value
        client.session.cookie_jar.clear()  # each request names its person explicitly
        return Person(name, role, session, body["csrf_token"])

    return log_in


@pytest.fixture
def log_in(client: TestClient) -> LogIn:
    return log_in_fixture(client)

"""Staff in the browser: a hotline of their own (`own_office`), a log-in through /login
(`staff_page`), and an agent at the console working the queue through Playwright."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, ConsoleMessage, Locator, Page

from hotline.config import Settings
from hotline.web.keys import CASEWORK
from tests.browser.widget import DESKTOP, open_page

PASSWORD = "mat-khau-truc-1022"
WAIT_MS = 15_000


@dataclass(frozen=True)
class Office:
    """A running hotline and its application, so tests can add users and publish events."""

    url: str
    app: web.Application

    async def add_user(self, name: str, role: str = "agent") -> None:
        await self.app[CASEWORK].accounts.add_user(name, role, PASSWORD)


@asynccontextmanager
async def running_office(
    data: Path, nlu_model_dir: Path, **settings: object
) -> AsyncIterator[Office]:
    """The real app on 127.0.0.1 on a free port, with a fresh SQLite store under `data`."""
    from hotline.web.app import create_app

    config = Settings(
        store=f"sqlite:///{data}/hotline.db",
        nlu_model_dir=str(nlu_model_dir),
        media_dir=str(data / "media"),
        mail_dir=str(data / "mail"),
        **settings,  # type: ignore[arg-type]
    )
    app = create_app(config)
    server = TestServer(app, host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield Office(str(server.make_url("")).rstrip("/"), app)
    finally:
        await server.close()


@asynccontextmanager
async def own_office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, **settings: object
) -> AsyncIterator[Office]:
    """A hotline for one test module's own staff; skipped against a BROWSER_TEST_URL hotline,
    where the tests could not add them."""
    if os.environ.get("BROWSER_TEST_URL"):
        pytest.skip("these tests make their own staff, so they start their own hotline")
    model_dir: Path = request.getfixturevalue("nlu_model_dir")
    data = tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])
    async with running_office(data, model_dir, **settings) as running:
        yield running


async def log_in(page: Page, office: Office, name: str, path: str, landing: str) -> None:
    """Open a staff page while logged out, log in on the page that asks, land on `landing`."""
    await page.goto(office.url + path)  # sent to the login page first
    assert "/login" in page.url
    await page.get_by_label("Tên đăng nhập").fill(name)
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.wait_for_url(office.url + landing)


@asynccontextmanager
async def staff_page(
    browser: Browser,
    office: Office,
    name: str,
    path: str = "/admin",
    landing: str = "/admin/faq*",
    *,
    console_words: tuple[str, ...] = (),
) -> AsyncIterator[Page]:
    """A staff member's page, logged in; any script error (or console message with one of
    `console_words`) fails the test once the block ends."""
    page = await open_page(browser, DESKTOP)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def said(note: ConsoleMessage) -> None:
        if any(word in note.text for word in console_words):
            errors.append(note.text)

    page.on("console", said)
    try:
        await log_in(page, office, name, path, landing)
        yield page
    finally:
        await page.context.close()
    assert errors == [], f"script errors on the staff pages: {errors}"


class Agent:
    """One agent's console page."""

    def __init__(self, page: Page, name: str) -> None:
        self.page = page
        self.name = name
        # Script errors, and anything the page's Content-Security-Policy blocked.
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._blocked)
        self.queue = page.get_by_role("list", name="Phản ánh, hạn gần nhất trước")
        self.log = page.get_by_role("log", name="Tin nhắn với người dân")
        self.reply_box = page.get_by_label("Trả lời người dân")
        self.notice = page.locator("#t-notice")

    def _blocked(self, note: ConsoleMessage) -> None:
        if "Content Security Policy" in note.text:
            self.errors.append(note.text)

    @classmethod
    async def log_in(cls, browser: Browser, office: Office, name: str) -> Agent:
        agent = cls(await open_page(browser, DESKTOP), name)
        await log_in(agent.page, office, name, "/console", "/console*")
        await agent.live()
        return agent

    async def live(self) -> None:
        await self.page.get_by_text("Đang cập nhật trực tiếp").wait_for(timeout=WAIT_MS)

    def ticket(self, code: str) -> Locator:
        return self.queue.get_by_role("button").filter(has_text=code)

    async def open(self, code: str) -> None:
        await self.ticket(code).click(timeout=WAIT_MS)
        await self.page.locator("#t-code").filter(has_text=code).wait_for()

    async def claim(self) -> None:
        await self.page.get_by_role("button", name="Nhận xử lý").click()
        await self.reply_box.wait_for(timeout=WAIT_MS)

    async def say(self, text: str) -> None:
        await self.reply_box.fill(text)
        await self.reply_box.press("Enter")
        await self.log.locator(".msg-out").filter(has_text=text).wait_for(timeout=WAIT_MS)

    async def set_status(self, status: str, note: str) -> None:
        form = self.page.locator("#status")
        await form.get_by_label("Trạng thái mới").select_option(label=status)
        await form.locator("textarea").fill(note)
        await form.get_by_role("button", name="Cập nhật").click()

    async def close(self) -> None:
        await self.page.context.close()

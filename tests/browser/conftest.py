"""Browser fixtures: the real app on a local port, Debian's Chromium driven by Playwright.

One app and one browser per test module (module-scoped event loop); a fresh browser context, so a
fresh citizen with empty storage, per test. Set BROWSER_TEST_URL to run the tests against a
hotline that is already running (e.g. `make run`) instead of starting one.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, async_playwright

from scripts.chromium import CHROMIUM, launch
from tests.browser.console import Office, own_office
from tests.browser.widget import DESKTOP, Chat, open_page


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def hotline_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """Base URL of a hotline: the real app on 127.0.0.1 on a free port."""
    external = os.environ.get("BROWSER_TEST_URL")
    if external:
        yield external.rstrip("/")
        return
    from hotline.config import Settings
    from hotline.web.app import create_app

    model_dir = request.getfixturevalue("nlu_model_dir")  # only when we start the app ourselves
    data = tmp_path_factory.mktemp("hotline")
    settings = Settings(store=f"sqlite:///{data}/hotline.db", nlu_model_dir=str(model_dir))
    server = TestServer(create_app(settings), host="127.0.0.1", port=0)
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail("browser tests need Debian's Chromium: apt-get install -y chromium")
    return CHROMIUM


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser(chromium: Path) -> AsyncIterator[Browser]:
    """One Chromium per module; asking for `chromium` first fails plainly when it is missing."""
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        yield browser
        await browser.close()


@pytest_asyncio.fixture(loop_scope="module")
async def page(browser: Browser) -> AsyncIterator[Page]:
    """A desktop-sized page of a new citizen; any uncaught script error fails the test."""
    page = await open_page(browser, DESKTOP)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    await page.context.close()
    assert errors == [], f"script errors on the page: {errors}"


@pytest.fixture
def chat(page: Page) -> Chat:
    return Chat(page)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Office]:
    """A hotline of the module's own, with the staff its `STAFF` names (name -> role) and the
    settings its `OFFICE_SETTINGS` gives; a module that needs more defines its own."""
    settings = getattr(request.module, "OFFICE_SETTINGS", {})
    async with own_office(request, tmp_path_factory, **settings) as running:
        for name, role in getattr(request.module, "STAFF", {}).items():
            await running.add_user(name, role)
        yield running

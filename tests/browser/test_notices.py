"""A supervisor writes a notice on the admin page; a citizen subscribed in the web chat widget
sees it arrive, and the public page lists it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page

from hotline.bot.dialogs import texts
from tests.browser.console import Office, staff_page
from tests.browser.widget import Chat

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

NOTICE = "Phường Phú Cường: xét nghiệm toàn dân từ 7h ngày 12/12 tại nhà văn hóa khu phố 1."
WAIT_MS = 15_000
STAFF = {"giamsat": "supervisor"}  # the module's office (tests/browser/conftest.py)


@pytest_asyncio.fixture(loop_scope="module")
async def supervisor_page(browser: Browser, office: Office) -> AsyncIterator[Page]:
    async with staff_page(browser, office, "giamsat", "/admin/notices", "/admin/notices") as page:
        yield page


async def test_a_notice_written_on_the_admin_page_arrives_in_a_subscribed_widget(
    supervisor_page: Page, chat: Chat, office: Office
) -> None:
    await chat.goto(office.url + "/")
    await chat.open()
    asked = await chat.say("đăng ký nhận thông báo")
    assert asked == [texts.SUBSCRIBE_ASK_AREA]
    confirmed = await chat.say("phường Phú Cường")
    assert "Phú Cường (Thủ Dầu Một)" in confirmed[0]

    page = supervisor_page
    await page.get_by_label("Nội dung").fill(NOTICE)
    await page.get_by_label("Phường/xã").fill("Phú Cường")
    await page.get_by_role("button", name="Xem trước").click()
    audience = page.locator("#audience")
    await audience.wait_for(timeout=WAIT_MS)
    assert "Người đăng ký: 1; sẽ gửi tới: 1." in await audience.inner_text()
    before = await chat.bot.count()
    await page.get_by_role("button", name="Gửi thông báo").click()
    await page.get_by_role("heading", name="Tình hình gửi").wait_for(timeout=WAIT_MS)

    arrived = await chat.replies_after(before)  # pushed over the widget's open socket
    number = int(page.url.rsplit("/", 1)[1])  # the notice's own page
    assert arrived == [texts.NOTICE.format(number=number, text=NOTICE)]
    await page.reload()
    delivery = await page.locator("#delivery").inner_text()
    assert "Đã gửi\t1" in delivery

    await page.goto(office.url + "/notices")
    await page.get_by_text(NOTICE).wait_for(timeout=WAIT_MS)
    assert "Phú Cường (Thủ Dầu Một)" in await page.locator(".notice").first.inner_text()

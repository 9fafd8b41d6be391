"""An admin edits and publishes an FAQ entry in the browser; a citizen then asks the bot in the
web chat widget and gets the new answer."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page

from tests.browser.console import Office, staff_page
from tests.browser.widget import Chat

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

QUESTION = "Có được đi câu cá không?"
ANSWER = "Theo Chỉ thị 16 của UBND tỉnh, đi câu cá là hoạt động không thiết yếu: chưa được phép."
WAIT_MS = 15_000
STAFF = {"quantri": "admin"}  # the module's office (tests/browser/conftest.py)


@pytest_asyncio.fixture(loop_scope="module")
async def admin_page(browser: Browser, office: Office) -> AsyncIterator[Page]:
    async with staff_page(browser, office, "quantri") as page:
        yield page


async def test_an_admin_publishes_an_entry_and_the_widget_answers_with_it(
    admin_page: Page, chat: Chat, office: Office
) -> None:
    await chat.goto(office.url + "/")
    await chat.open()
    before = await chat.say(QUESTION)
    assert ANSWER not in "\n".join(before)

    page = admin_page
    await page.get_by_role("link", name="+ Thêm mục mới").click()
    await page.get_by_label("Mã mục").fill("di-cau-ca")
    await page.get_by_label("Các cách hỏi").fill(f"{QUESTION}\nđi câu cá có bị phạt không")
    await page.get_by_label("Câu trả lời").fill(ANSWER)
    await page.get_by_label("Chủ đề").fill("quy_dinh")
    await page.get_by_role("button", name="Lưu và xuất bản").click()
    await page.get_by_role("status").filter(has_text="Đã xuất bản").wait_for(timeout=WAIT_MS)

    # The try box on the edit page asks the server without leaving the page.
    await page.get_by_label("Câu hỏi của người dân").fill("đi câu cá có sao không")
    await page.get_by_role("button", name="Thử", exact=True).click()
    await page.locator(".try-result").filter(has_text="di-cau-ca").wait_for(timeout=WAIT_MS)

    after = await chat.say(QUESTION)
    assert after == [ANSWER]

    # Edit the answer, then roll back from the history table.
    changed = ANSWER.replace("chưa được phép", "được phép nếu đi một mình")
    await page.get_by_label("Câu trả lời").fill(changed)
    await page.get_by_role("button", name="Lưu thay đổi").click()
    await page.get_by_role("status").filter(has_text="Đã lưu").wait_for(timeout=WAIT_MS)
    assert await chat.say(QUESTION) == [changed]
    history = page.locator("table.history tbody tr")
    assert await history.count() == 2
    await history.nth(1).get_by_role("button", name="Khôi phục").click()
    await page.get_by_role("status").filter(has_text="Đã khôi phục").wait_for(timeout=WAIT_MS)
    assert await chat.say(QUESTION) == [ANSWER]


async def test_the_dashboard_draws_its_charts(admin_page: Page, office: Office) -> None:
    await admin_page.get_by_role("link", name="Bảng số liệu").click()
    await admin_page.get_by_role("heading", name="Bảng số liệu").wait_for()
    by_day = admin_page.get_by_role("img", name="Liên hệ theo ngày")
    assert await by_day.locator("rect").count() >= 1  # the widget's chat of the test before
    assert await admin_page.get_by_role("img", name="Ý định").locator("rect").count() >= 1
    # Eight figures of the work, and two of what citizens think (satisfaction, 👍/👎).
    assert await admin_page.locator(".kpi").count() == 10
    await admin_page.locator(".kpi").filter(has_text="người dân hài lòng sau xử lý").wait_for()

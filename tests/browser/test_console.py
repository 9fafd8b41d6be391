"""An agent at the console and a citizen at the web chat widget, live, in two browser pages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page

from hotline.bot.events import Event
from hotline.web.keys import EVENTS
from tests.browser.console import Agent, Office
from tests.browser.widget import TICKET_CODE, Chat

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

NEED = "nhà tôi ở ấp 3, xã An Tây, Bến Cát; 4 người, hết gạo từ hôm qua"
ANSWER = "UBND xã An Tây đã mang 20 kg gạo và nhu yếu phẩm tới nhà bạn chiều nay."


# The module's office (tests/browser/conftest.py). No automatic assignment: these tests claim
# by hand.
OFFICE_SETTINGS = {"assign_every_seconds": 3600.0}
STAFF = {"an": "agent", "binh": "agent"}


@pytest_asyncio.fixture(loop_scope="module")
async def agent(browser: Browser, office: Office) -> AsyncIterator[Agent]:
    agent = await Agent.log_in(browser, office, "an")
    yield agent
    await agent.close()
    assert agent.errors == [], f"script errors or blocked content on the console: {agent.errors}"


async def test_the_console_asks_for_a_login(page: Page, office: Office) -> None:
    await page.goto(office.url + "/console")
    assert "/login" in page.url
    await page.get_by_label("Mật khẩu").fill("sai-mat-khau-roi")
    await page.get_by_label("Tên đăng nhập").fill("an")
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.get_by_role("alert").filter(has_text="Sai tên đăng nhập").wait_for()


async def test_an_agent_takes_over_a_chat_and_resolves_it(
    agent: Agent, chat: Chat, office: Office
) -> None:
    await chat.goto(office.url + "/")
    await chat.open()

    # The citizen asks for a person while an agent is on duty.
    asked = "\n".join(await chat.say("cho tôi gặp tổng đài viên"))
    code_found = TICKET_CODE.search(asked)
    assert code_found and "đang trực" in asked, asked
    code = code_found.group(0)

    # The ticket appears in the agent's queue without a reload; the agent claims it.
    await agent.open(code)
    await agent.claim()
    chips = await agent.page.locator("#t-chips").inner_text()
    assert "Đã nhận" in chips and "an" in chips

    # The agent's words reach the widget; the citizen's reach the console; the bot is silent.
    await agent.say("Chào bạn, tôi là tổng đài viên An. Bạn cần hỗ trợ gì ạ?")
    await chat.bot.filter(has_text="tôi là tổng đài viên An").wait_for(timeout=15_000)
    bot_said = await chat.bot.count()
    await chat.input.fill(NEED)
    await chat.input.press("Enter")
    await agent.log.locator(".msg-in").filter(has_text=NEED).wait_for(timeout=15_000)
    await chat.page.wait_for_timeout(1500)
    assert await chat.bot.count() == bot_said, "the bot answered in an agent's conversation"

    # Resolved: the citizen is told the answer, and the bot has the conversation again.
    await agent.set_status("Đã xử lý xong", ANSWER)
    told = await chat.replies_after(bot_said)
    assert any(code in line and ANSWER in line for line in told), told
    await agent.page.locator("#t-chips").filter(has_text="Đã xử lý xong").wait_for()
    thanks = "\n".join(await chat.say("cảm ơn tổng đài nhiều"))
    assert "Cảm ơn" in thanks


async def test_a_phone_call_is_filed_and_the_second_claim_is_told_who_won(
    agent: Agent, browser: Browser, office: Office
) -> None:
    binh = await Agent.log_in(browser, office, "binh")
    try:
        page = agent.page
        await page.get_by_role("button", name="Ghi nhận cuộc gọi").click()
        form = page.get_by_role("dialog", name="Ghi nhận cuộc gọi điện thoại")
        await form.get_by_label("Loại phản ánh").select_option(label="Phản ánh vi phạm")
        await form.get_by_label("Nội dung").fill(
            "Quán cà phê ở chợ Dĩ An vẫn cho khách ngồi tại chỗ"
        )
        await form.get_by_label("Huyện/Thị xã/Thành phố").select_option("Dĩ An")
        await form.get_by_label("Phường/Xã").select_option("Dĩ An")
        await form.get_by_label("Số điện thoại").fill("0912345678")
        await form.get_by_role("button", name="Tạo phản ánh").click()
        await form.wait_for(state="hidden")
        opened = page.locator("#t-code").filter(has_text=TICKET_CODE)
        await opened.wait_for(timeout=15_000)  # the new call opens by itself
        code = (await opened.inner_text()).strip()
        assert await page.locator("#reporter-card").is_hidden()  # nobody's ticket yet

        # binh sees the new call live and opens it; an claims first; binh is told.
        await binh.open(code)
        await agent.page.get_by_role("button", name="Nhận xử lý").click()
        await page.locator("#t-reporter").filter(has_text="0912345678").wait_for()
        await binh.page.locator("#t-chips").filter(has_text="Người xử lý: an").wait_for()
        assert await binh.page.locator("#reporter-card").is_hidden()  # not his ticket
        await binh.page.get_by_role("button", name="Nhận lại").click()
        await binh.notice.filter(has_text="an đã nhận phản ánh này trước bạn").wait_for()
    finally:
        await binh.close()
    assert binh.errors == []


async def test_a_deadline_warning_shows_as_an_alert(agent: Agent, office: Office) -> None:
    office.app[EVENTS].publish(
        Event(
            "deadline_warning",
            {
                "code": "PA-WARN-2345",
                "category": "hardship",
                "assignee": None,
                "due_at": "2026-11-28T10:00:00+00:00",
            },
        )
    )
    alert = agent.page.get_by_role("status").filter(has_text="Sắp hết hạn xử lý: PA-WARN-2345")
    await alert.wait_for(timeout=15_000)
    assert "Đề nghị hỗ trợ" in await alert.inner_text()
    await alert.get_by_role("button", name="Ẩn cảnh báo PA-WARN-2345").click()
    await alert.wait_for(state="detached")

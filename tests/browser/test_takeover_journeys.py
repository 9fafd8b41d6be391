"""Truthful takeover and the console, played with the citizen's widget and the console side by
side: an automatic assignment pauses the bot and says so in both; the citizen hears who joins,
who writes and who hands back; a portal report shows its photo to staff and has no composer."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, FilePayload, Page, expect

from hotline.handoff.tickets import TicketDraft
from hotline.web.keys import CASEWORK
from tests.browser.console import PASSWORD, WAIT_MS, Agent, Office, own_office
from tests.browser.widget import TICKET_CODE, Chat, open_page
from tests.support.fake_platform import TINY_JPEG

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

LOGIN = "nv.lan01"  # the login: never shown to citizens
SHOWN = "Tổng đài viên Lan"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Office]:
    # Automatic assignment every half second: chats go to whoever is at the console.
    async with own_office(request, tmp_path_factory, assign_every_seconds=0.5) as running:
        accounts = running.app[CASEWORK].accounts
        await accounts.add_user(LOGIN, "agent", PASSWORD, display_name="Lan")
        yield running


@pytest_asyncio.fixture(loop_scope="module")
async def agent(browser: Browser, office: Office) -> AsyncIterator[Agent]:
    agent = await Agent.log_in(browser, office, LOGIN)
    yield agent
    await agent.close()
    assert agent.errors == [], f"script errors or blocked content on the console: {agent.errors}"


async def test_an_assigned_chat_is_the_agents_and_both_sides_say_so(
    agent: Agent, chat: Chat, office: Office
) -> None:
    console = agent.page
    await chat.goto(office.url + "/")
    await chat.open()
    asked = "\n".join(await chat.say("cho tôi gặp tổng đài viên"))
    found = TICKET_CODE.search(asked)
    assert found, asked
    code = found.group(0)

    # Assigned automatically: the widget says who joined, by display name, never the login.
    staff = chat.page.locator(".hl-staff")
    await staff.filter(has_text="đã tham gia cuộc trò chuyện").wait_for(timeout=WAIT_MS)
    assert await staff.locator(".hl-who").first.inner_text() == SHOWN
    assert LOGIN not in await staff.first.inner_text()

    # The console pins the live chat with its waiting time and a preview; it says the bot waits.
    card = agent.ticket(code)
    await expect(card).to_contain_text("Trò chuyện trực tiếp · chờ", timeout=WAIT_MS)
    first = agent.queue.get_by_role("button").first
    await expect(first).to_contain_text(code)
    await agent.open(code)
    hint = console.locator("#reply-hint")
    await expect(hint).to_contain_text("bot đang tạm dừng")

    # The citizen's question reaches the console live; the bot stays silent.
    bot_said = await chat.bot.count()
    await chat.input.fill("F1 cách ly bao nhiêu ngày?")
    await chat.input.press("Enter")
    await agent.log.locator(".msg-in").filter(has_text="F1 cách ly").wait_for(timeout=WAIT_MS)
    await chat.page.wait_for_timeout(1000)
    assert await chat.bot.count() == bot_said, "the bot answered in an assigned conversation"

    # The agent's words arrive labelled as from staff.
    await agent.say("Chào bạn, F1 cách ly 7 ngày tại nhà.")
    words = staff.filter(has_text="F1 cách ly 7 ngày")
    await words.wait_for(timeout=WAIT_MS)
    assert await words.locator(".hl-who").inner_text() == SHOWN

    # "Trả lại cho bot": the hint follows at once, the citizen is told, the bot answers again.
    console.once("dialog", lambda dialog: dialog.accept())
    await console.get_by_role("button", name="Trả lại cho bot").click()
    await expect(hint).to_contain_text("Bot đang trả lời người dân", timeout=WAIT_MS)
    await expect(console.get_by_role("button", name="Trả lại cho bot")).to_be_hidden()
    await staff.filter(has_text="trả cuộc trò chuyện lại cho trợ lý").wait_for(timeout=WAIT_MS)
    before = await chat.bot.count()
    answer = "\n".join(await chat.say("F1 cách ly bao nhiêu ngày?"))
    assert await chat.bot.count() > before and answer


async def test_a_portal_report_shows_its_photo_to_staff_and_has_no_composer(
    agent: Agent, browser: Browser, office: Office, page: Page
) -> None:
    await page.goto(f"{office.url}/report")
    await page.get_by_label("Phản ánh vi phạm").check()
    await page.get_by_label("Sự việc").fill("Quán karaoke trên đường Yersin mở cửa, gọi 0912345678")
    await page.get_by_label("Thành phố/thị xã/huyện").select_option("Thủ Dầu Một")
    await page.get_by_label("Phường/xã/thị trấn").select_option("Phú Cường")
    await page.get_by_label("Địa chỉ cụ thể").fill("25 Yersin")
    photo = FilePayload(name="karaoke.jpg", mimeType="image/jpeg", buffer=TINY_JPEG)
    await page.get_by_label("Ảnh chụp", exact=False).set_input_files([photo])
    await page.get_by_role("button", name="Gửi phản ánh").click()
    code = (await page.locator("#ticket-code").inner_text()).strip()

    console = agent.page
    card = agent.ticket(code)
    await card.wait_for(timeout=WAIT_MS)
    await expect(card).to_contain_text("Quán karaoke trên đường Yersin")  # the preview
    assert "0912345678" not in await card.inner_text()  # redacted
    await agent.open(code)
    image = console.locator("#t-evidence img")
    await image.wait_for(timeout=WAIT_MS)
    src = await image.get_attribute("src") or ""
    assert src.startswith("/console/media/")
    await console.wait_for_function(
        "() => document.querySelector('#t-evidence img')?.naturalWidth > 0", timeout=WAIT_MS
    )

    # No composer for a report without a chat; the hint says why.
    assert await console.locator("#reply").is_hidden()
    await expect(console.locator("#reply-hint")).to_contain_text("cổng thông tin")

    # The photo is not for the public: a citizen's browser without a login cannot open it.
    outsider = await open_page(browser, {"width": 800, "height": 600})
    try:
        answer = await outsider.request.get(office.url + src)
        assert answer.status == 401
    finally:
        await outsider.context.close()


async def test_new_chats_and_emergencies_ring_and_emergencies_stay_on_screen(
    agent: Agent, office: Office
) -> None:
    console = agent.page
    bell = console.locator("#sound")
    await bell.click()  # the click browsers require before a page may make a sound
    await expect(bell).to_have_attribute("aria-pressed", "true")
    await expect(bell).to_have_text("Âm báo: bật")

    draft = TicketDraft(
        category="emergency",
        description="Ông cụ 78 tuổi khó thở, SpO2 90%",
        channel="phone",
        sender="nv.lan01:call-1",
        source_key="phone:nv.lan01:call-1",
        district="Thủ Dầu Một",
        ward="Phú Cường",
    )
    ticket = await office.app[CASEWORK].hotline.desk.file(draft, actor=LOGIN)
    card = console.get_by_role("alert").filter(has_text=f"Cấp cứu mới: {ticket.code}")
    await card.wait_for(timeout=WAIT_MS)
    await expect(bell).to_have_attribute("data-last", "emergency")
    await console.wait_for_timeout(6000)  # longer than a toast lives: the card stays
    assert await card.is_visible()
    await card.get_by_role("button", name="Mở").click()
    await console.locator("#t-code").filter(has_text=ticket.code).wait_for(timeout=WAIT_MS)

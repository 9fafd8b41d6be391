"""Forwarding that reaches someone, played by an admin, an agent and a citizen side by side:
the admin's rule form offers only known teams and agencies, a placeholder agency without an
address is flagged and refused, and the citizen hears where the report went once it is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, expect

from hotline.web.keys import CASEWORK
from tests.browser.console import PASSWORD, WAIT_MS, Agent, Office, own_office, staff_page
from tests.browser.widget import DESKTOP, TICKET_CODE, Chat

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

AGENCY = "Sở Thông tin và Truyền thông"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def office(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Office]:
    async with own_office(request, tmp_path_factory, assign_every_seconds=0.5) as running:
        accounts = running.app[CASEWORK].accounts
        await accounts.add_user("quantri", "admin", PASSWORD)
        await accounts.add_user("nv.lan01", "agent", PASSWORD, display_name="Lan")
        yield running


@pytest_asyncio.fixture(loop_scope="module")
async def admin(browser: Browser, office: Office) -> AsyncIterator[Page]:
    # An invalid `pattern` attribute is only said on the console: it fails the test too.
    async with staff_page(browser, office, "quantri", console_words=("pattern",)) as page:
        yield page


async def test_a_report_is_forwarded_only_once_its_agency_has_an_address(
    admin: Page, browser: Browser, chat: Chat, office: Office
) -> None:
    await admin.goto(office.url + "/admin/rules")
    row = admin.get_by_role("row", name=f"{AGENCY} ", exact=False).filter(has_not_text="mọi nơi")
    await expect(row).to_contain_text("chưa có địa chỉ")

    # A misspelt team is refused, in Vietnamese, naming the teams there are.
    await admin.get_by_text("Sửa nâng cao (YAML)").click()
    await admin.get_by_label("Toàn bộ quy tắc (YAML)").fill("- category: health\n  team: helth\n")
    await admin.get_by_role("button", name="Lưu quy tắc").last.click()
    refused = admin.get_by_role("status").filter(has_text="không có tổ “helth”")
    await expect(refused).to_contain_text("health")

    # The form offers pick-lists: citizens asking for a person go to the agents and the Sở.
    form = admin.locator("form.rule-form")
    await form.get_by_label("Loại phiếu").select_option(label="Gặp tổng đài viên")
    await form.get_by_label("Tổ xử lý").select_option("agents")
    await form.get_by_label("Cơ quan nhận", exact=False).select_option([AGENCY])
    await form.get_by_role("button", name="Lưu quy tắc").click()
    await admin.get_by_role("status").filter(has_text="Đã lưu quy tắc").wait_for()
    assert await admin.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]

    agent = await Agent.log_in(browser, office, "nv.lan01")
    try:
        await chat.goto(office.url + "/")
        await chat.open()
        found = TICKET_CODE.search("\n".join(await chat.say("cho tôi gặp tổng đài viên")))
        assert found
        code = found.group(0)
        await chat.page.locator(".hl-staff").first.wait_for(timeout=WAIT_MS)  # Lan joined
        await agent.open(code)

        # The Sở has no address yet: forwarding is refused and says why.
        await agent.set_status("Đã chuyển cơ quan", "Đề nghị Sở xem xét")
        await expect(agent.notice).to_contain_text(f"{AGENCY} chưa có địa chỉ nhận")

        # The admin gives it an address; the flag goes; the second try reaches it.
        await admin.get_by_label("Tên cơ quan").fill(AGENCY)
        await admin.get_by_label("E-mail nhận phản ánh").fill("stttt@example.vn")
        await admin.get_by_role("button", name="Thêm / cập nhật").click()
        await admin.get_by_role("status").filter(has_text="Đã lưu cơ quan").wait_for()
        await expect(row).to_contain_text("stttt@example.vn")

        await agent.set_status("Đã chuyển cơ quan", "Đề nghị Sở xem xét")
        chips = agent.page.locator("#t-chips")
        await expect(chips).to_contain_text("Đã chuyển cơ quan", timeout=WAIT_MS)
        told = chat.page.locator(".hl-bot").filter(has_text="đã được chuyển tới cơ quan chức năng")
        await told.wait_for(timeout=WAIT_MS)
        assert code in await told.inner_text()
    finally:
        await agent.close()
    assert agent.errors == []


async def test_the_users_page_pattern_works_in_chromium(admin: Page, office: Office) -> None:
    await admin.goto(office.url + "/admin/users")
    name = admin.get_by_label("Tên đăng nhập")
    assert await name.evaluate("i => { i.value = 'nv.lan02'; return i.checkValidity(); }")
    assert not await name.evaluate("i => { i.value = 'có dấu cách'; return i.checkValidity(); }")
    await admin.get_by_label("Tên hiển thị với người dân", exact=False).wait_for()


@pytest.mark.parametrize("path", ["/admin/rules", "/admin/users", "/admin/faq", "/admin/dashboard"])
async def test_admin_pages_fit_a_desktop_and_a_phone(
    admin: Page, office: Office, path: str
) -> None:
    for width, height in ((1280, 800), (390, 844)):
        await admin.set_viewport_size({"width": width, "height": height})
        await admin.goto(office.url + path)
        wide = await admin.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{path} is {wide} px wide on a {width} px screen"
        await expect(admin.get_by_role("button", name="Đăng xuất")).to_be_in_viewport()
    await admin.set_viewport_size(DESKTOP)

"""Screenshots of the agent console and the citizen's widget during a live takeover, into
./screenshots/ (git-ignored).

    .venv/bin/python scripts/console_screenshots.py

Starts the app with throwaway data (NLU model from HOTLINE_NLU_MODEL_DIR, default var/nlu, as
`make run` trains it), makes an agent and a supervisor, files a morning's worth of tickets with
deadlines near and past, then: a citizen asks for a person on the widget, the agent claims the
chat, both talk, and a deadline warning comes in.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiohttp import web
from chromium import launch  # scripts/chromium.py, beside this script
from playwright.async_api import Browser, Page, async_playwright
from shots import main, running_app  # scripts/shots.py

from hotline.bot.events import Event
from hotline.handoff.tickets import Reporter, Ticket, TicketDraft
from hotline.web.keys import CASEWORK, EVENTS, HOTLINE

PASSWORD = "mat-khau-truc-1022"
DESKTOP = {"width": 1440, "height": 900}
# (category, minutes ago, district, ward, description): a morning at the hotline.
MORNING = [
    (
        "violation",
        320,
        "Dĩ An",
        "Dĩ An",
        "Quán karaoke đường số 9 mở cửa tới khuya, khoảng 30 người tụ tập không đeo khẩu trang",
    ),
    ("hardship", 250, "Bến Cát", "An Tây", "Gia đình 5 người ở trọ, mất việc 2 tháng, hết gạo"),
    ("emergency", 20, "Thủ Dầu Một", "Phú Cường", "Ông cụ 78 tuổi khó thở, SpO2 90%, đã gọi 115"),
    (
        "contact_tip",
        95,
        "Thuận An",
        "An Phú",
        "Phòng trọ số 7 có người từ TP.HCM về, ho sốt, chưa khai báo y tế",
    ),
    ("health", 40, "Tân Uyên", "Uyên Hưng", "Đã tiêm 2 mũi, F1 có phải cách ly tập trung không?"),
    ("feedback", 10, None, None, "Cảm ơn tổng đài đã hỗ trợ gia đình tôi nhanh chóng"),
]


async def file_morning(app: web.Application) -> dict[str, Ticket]:
    desk = app[HOTLINE].desk
    now = datetime.now(UTC)
    filed: dict[str, Ticket] = {}
    for n, (category, ago, district, ward, text) in enumerate(MORNING):
        draft = TicketDraft(
            category=category,
            description=text,
            channel="phone",
            sender=f"shots:{n}",
            source_key=f"shots:{n}",
            district=district,
            ward=ward,
            reporter=Reporter(name="Trần Thị B", phone="0987654321"),
            received_at=now - timedelta(minutes=ago),
        )
        filed[category] = await desk.file(draft)
    return filed


async def log_in(browser: Browser, url: str, name: str) -> Page:
    context = await browser.new_context(locale="vi-VN", viewport=DESKTOP)  # type: ignore[arg-type]
    page = await context.new_page()
    await page.goto(url + "/console")
    await page.get_by_label("Tên đăng nhập").fill(name)
    await page.get_by_label("Mật khẩu").fill(PASSWORD)
    await page.get_by_role("button", name="Đăng nhập").click()
    await page.get_by_text("Đang cập nhật trực tiếp").wait_for(timeout=15_000)
    return page


async def citizen_says(page: Page, text: str) -> None:
    box = page.get_by_label("Tin nhắn gửi Tổng đài 1022")
    await box.fill(text)
    await box.press("Enter")
    await page.wait_for_timeout(900)


async def shoot(out: Path) -> list[Path]:
    saved: list[Path] = []

    async def snap(page: Page, name: str, full: bool = False) -> None:
        path = out / f"{name}.png"
        await page.screenshot(path=str(path), full_page=full)
        saved.append(path)

    with tempfile.TemporaryDirectory(prefix="hotline-console-shots-") as data:
        async with (
            running_app(Path(data), assign_every_seconds=3600.0) as (url, app),  # claims by hand
            async_playwright() as pw,
        ):
            casework = app[CASEWORK]
            await casework.accounts.add_user("an", "agent", PASSWORD, display_name="An")
            await casework.accounts.add_user("lan", "supervisor", PASSWORD, display_name="Lan")
            morning = await file_morning(app)
            browser = await launch(pw)
            agent = await log_in(browser, url, "an")
            await snap(agent, "console-queue")

            citizen_context = await browser.new_context(
                locale="vi-VN", viewport={"width": 420, "height": 760}, device_scale_factor=2
            )
            citizen = await citizen_context.new_page()
            await citizen.goto(url + "/")
            await citizen.locator(".hl-launcher").wait_for()
            if not await citizen.get_by_label("Tin nhắn gửi Tổng đài 1022").is_visible():
                await citizen.locator(".hl-launcher").click()
            await citizen_says(citizen, "cho tôi gặp tổng đài viên")
            await agent.wait_for_timeout(800)
            newest = agent.locator(".item").filter(has_text="Gặp tổng đài viên").first
            await newest.click()
            await agent.get_by_role("button", name="Nhận xử lý").click()
            await agent.get_by_label("Trả lời người dân").wait_for()
            box = agent.get_by_label("Trả lời người dân")
            await box.fill("Chào bạn, tôi là tổng đài viên An. Bạn cần hỗ trợ gì ạ?")
            await box.press("Enter")
            await agent.wait_for_timeout(600)
            await citizen_says(
                citizen,
                "Nhà tôi ở ấp 3 xã An Tây, Bến Cát. 4 người, hết gạo từ hôm qua, con nhỏ đang sốt",
            )
            await box.fill(
                "Tôi đã ghi nhận và chuyển UBND xã An Tây. Cán bộ xã sẽ liên hệ "
                "bạn trong chiều nay."
            )
            await box.press("Enter")
            await agent.locator("#note textarea").fill("Gọi lại lúc 14:00 nếu xã chưa liên hệ.")
            await agent.get_by_role("button", name="Thêm ghi chú").click()
            await agent.wait_for_timeout(800)
            await snap(agent, "console-conversation")
            await snap(citizen, "widget-with-agent")

            app[EVENTS].publish(Event("deadline_missed", _alert(morning["violation"])))
            app[EVENTS].publish(Event("deadline_warning", _alert(morning["hardship"])))
            await agent.wait_for_timeout(600)
            await snap(agent, "console-deadline-alerts")

            await agent.get_by_role("button", name="Ghi nhận cuộc gọi").click()
            await agent.get_by_role("dialog").wait_for()
            await snap(agent, "console-phone-call")

            boss = await log_in(browser, url, "lan")
            await boss.locator(".item").first.click()
            await boss.wait_for_timeout(600)
            await snap(boss, "console-supervisor")

            await agent.keyboard.press("Escape")
            dismiss = agent.get_by_role("button", name="Ẩn cảnh báo")
            while await dismiss.count():
                await dismiss.first.click()
            await agent.set_viewport_size({"width": 390, "height": 844})
            await agent.wait_for_timeout(300)
            await snap(agent, "console-narrow", full=True)
            await browser.close()
    return saved


def _alert(ticket: Ticket) -> dict[str, object]:
    """As the deadline watcher says it (handoff/sla.py Alert.to_data)."""
    return {
        "code": ticket.code,
        "category": ticket.category,
        "priority": ticket.priority,
        "status": ticket.status,
        "assignee": ticket.assignee,
        "due_at": ticket.due_at.isoformat(),
    }


if __name__ == "__main__":
    main(shoot, __doc__)

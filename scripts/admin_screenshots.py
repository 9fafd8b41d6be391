"""Screenshots of the admin pages and the dashboard, into ./screenshots/ (git-ignored).

    .venv/bin/python scripts/admin_screenshots.py

Starts the app with throwaway data (NLU model from HOTLINE_NLU_MODEL_DIR, default var/nlu, as
`make run` trains it), then plays a week at the hotline through the real engine and stores:
citizens' questions on four channels (some the FAQ cannot answer), reports filed as tickets
with agents' answers; an admin edits an entry twice, and the pages are photographed.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from aiohttp import web
from chromium import launch  # scripts/chromium.py, beside this script
from playwright.async_api import Page, async_playwright
from shots import main, running_app  # scripts/shots.py

from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.handoff.codes import new_code
from hotline.handoff.deadlines import VIETNAM, DeadlinePolicy
from hotline.handoff.tickets import Ticket, TicketEvent
from hotline.web.keys import ADMIN_TOOLS, CASEWORK, HOTLINE

PASSWORD = "mat-khau-quan-tri-1022"
DESKTOP = {"width": 1440, "height": 900}
CHANNELS = ("zalo", "zalo", "zalo", "webchat", "webchat", "rest", "messenger", "viber")
# Daytime-heavy, as the hotline's calls were.
HOURS = (7, 8, 8, 9, 9, 9, 10, 10, 11, 13, 14, 14, 15, 16, 17, 19, 20, 21, 22)
QUESTIONS = (
    "F1 cách ly mấy ngày",
    "f0 cach ly bao lau",
    "Xét nghiệm miễn phí ở đâu",
    "tiêm vaccine mũi 3 đăng ký thế nào",
    "Giấy đi đường xin ở đâu",
    "shipper có được chạy không",
    "chợ nào còn mở cửa",
    "Mấy giờ không được ra đường",
    "hộ kinh doanh được hỗ trợ bao nhiêu tiền",
    "xin chào",
    "cảm ơn tổng đài",
    "cho tôi gặp tổng đài viên",
)
UNANSWERED = (
    "Đi câu cá ngoài sông có bị phạt không?",
    "đi câu cá có bị phạt ko",
    "Có được đi câu cá ở hồ không",
    "Đăng ký kết hôn trong mùa dịch được không?",
    "dang ky ket hon mua dich duoc ko",
    "Tiệm sửa xe máy có được mở cửa không?",
    "sửa xe có được mở không ạ",
    "Nuôi chó mèo có bị lây covid không",
)
TICKETS = (
    ("violation", "Dĩ An", "Quán karaoke đường số 9 tụ tập đông người"),
    ("violation", "Thuận An", "Quán cà phê bán tại chỗ"),
    ("violation", "Thủ Dầu Một", "Tiệm tạp hóa bán khẩu trang giá cao"),
    ("hardship", "Bến Cát", "Gia đình 5 người mất việc, hết gạo"),
    ("hardship", "Tân Uyên", "Cụ bà sống một mình cần thực phẩm"),
    ("contact_tip", "Thuận An", "Phòng trọ có người từ TP.HCM về chưa khai báo"),
    ("health", "Dĩ An", "F0 tại nhà sốt cao ngày thứ 3"),
    ("emergency", "Thủ Dầu Một", "Ông cụ khó thở, SpO2 90%"),
    ("feedback", None, "Cảm ơn tổng đài hỗ trợ nhanh"),
    ("other", None, "Muốn gặp tổng đài viên"),
)


async def play_a_week(app: web.Application, rng: random.Random) -> None:
    """Citizens' messages through the engine, and tickets with agents' work, over 7 days."""
    engine, store = app[HOTLINE].engine, app[HOTLINE].desk.store
    today = datetime.now(VIETNAM).replace(minute=0, second=0, microsecond=0)
    policy = DeadlinePolicy()
    n = 0
    for day in range(6, -1, -1):
        for _ in range(14 + 4 * (6 - day) + rng.randrange(6)):
            n += 1
            hour = rng.choice(HOURS)
            when = (today - timedelta(days=day)).replace(hour=hour, minute=rng.randrange(60))
            if when > datetime.now(VIETNAM):
                when -= timedelta(days=1)
            pool = UNANSWERED if rng.random() < 0.18 else QUESTIONS
            key = ConversationKey(rng.choice(CHANNELS), f"shot-{n}")
            message = InboundMessage(key, f"m{n}", rng.choice(pool), received_at=when)
            await engine.handle(message)
        for category, district, text in rng.sample(TICKETS, 4 + rng.randrange(4)):
            created = (today - timedelta(days=day)).replace(hour=rng.choice(HOURS[:12]))
            if created > datetime.now(VIETNAM):
                created -= timedelta(days=1)
            history = [TicketEvent(created, "bot", "filed", "new")]
            status = "new"
            if day > 0 or rng.random() < 0.5:
                took = timedelta(minutes=rng.randrange(5, 70))
                history.append(TicketEvent(created + took, "an", "in_progress", "in_progress"))
                status = "in_progress"
                if day > 0:
                    done = took + timedelta(minutes=rng.randrange(40, 420))
                    history.append(TicketEvent(created + done, "an", "resolved", "resolved"))
                    status = "resolved"
            await store.insert(
                Ticket(
                    code=new_code(),
                    category=category,
                    priority=policy.priority(category),
                    status=status,
                    description=text,
                    channel="phone",
                    sender=f"phone-{n}-{category}",
                    source_key=f"shots:{day}:{category}",
                    created_at=created,
                    due_at=policy.due_at(category, created),
                    district=district,
                    assignee="an" if status != "new" else None,
                    history=tuple(history),
                )
            )


async def edit_an_entry(app: web.Application) -> str:
    editor = app[ADMIN_TOOLS].editor
    entry = (await editor.knowledge.store.list("published"))[1]
    longer = entry.answer + " Cập nhật theo Công văn 3190/UBND-VX ngày 20/8/2021."
    edited = await editor.save(replace(entry, answer=longer), "quantri")
    await editor.save(
        replace(edited, questions=(*edited.questions, "cach ly may hom")), "lan.nguyen"
    )
    return entry.id


async def shoot(out: Path) -> list[Path]:
    saved: list[Path] = []

    async def snap(page: Page, name: str) -> None:
        path = out / f"{name}.png"
        await page.screenshot(path=str(path), full_page=True)
        saved.append(path)

    with tempfile.TemporaryDirectory(prefix="hotline-admin-shots-") as data:
        async with (
            # no automatic assignment: the pictures show tickets as they are left
            running_app(Path(data), assign_every_seconds=3600.0) as (url, app),
            async_playwright() as pw,
        ):
            accounts = app[CASEWORK].accounts
            await accounts.add_user("quantri", "admin", PASSWORD)
            await accounts.add_user("lan.nguyen", "supervisor", PASSWORD)
            await accounts.add_user("an", "agent", PASSWORD, display_name="An")
            await play_a_week(app, random.Random(1022))
            edited = await edit_an_entry(app)

            browser = await launch(pw)
            context = await browser.new_context(locale="vi-VN", viewport=DESKTOP)  # type: ignore[arg-type]
            page = await context.new_page()
            await page.goto(url + "/admin")
            await page.get_by_label("Tên đăng nhập").fill("quantri")
            await page.get_by_label("Mật khẩu").fill(PASSWORD)
            await page.get_by_role("button", name="Đăng nhập").click()
            await page.wait_for_url(url + "/admin/faq*")
            await page.goto(url + "/admin/faq?thu=f1+cach+ly+may+ngay")
            await snap(page, "admin-faq-list")
            await page.goto(url + f"/admin/faq/{edited}")
            await page.get_by_role("button", name="Thử", exact=True).click()
            await page.locator(".try-result p").first.wait_for()
            await snap(page, "admin-faq-edit-history")
            await page.goto(url + "/admin/unanswered")
            await snap(page, "admin-unanswered")
            await page.locator("a.button", has_text="Tạo mục FAQ").first.click()
            await snap(page, "admin-faq-from-unanswered")
            await page.goto(url + "/admin/faq/transfer")
            await page.get_by_label("Hoặc dán nội dung tệp vào đây").fill(
                "faq:\n- id: Sai Ma\n  questions: [a]\n  answer: b\n  topic: quy_dinh\n"
                "- id: thieu-cau-tra-loi\n  questions: [câu hỏi]\n  topic: quy_dinh\n"
            )
            await page.get_by_role("button", name="Nhập").click()
            await page.locator("table.rejected").wait_for()
            await snap(page, "admin-import-report")
            await page.goto(url + "/admin/dashboard")
            await snap(page, "admin-dashboard")
            await page.goto(url + "/admin/rules")
            await snap(page, "admin-rules")
            await page.goto(url + "/admin/categories")
            await snap(page, "admin-categories")
            await page.goto(url + "/admin/users")
            await snap(page, "admin-users")
            await browser.close()
    return saved


if __name__ == "__main__":
    main(shoot, __doc__)

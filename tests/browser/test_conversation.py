"""A citizen talks to the real hotline through the chat widget on the demo page."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page

from tests.browser.widget import TICKET_CODE, Chat, sender_of

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

SAFE_CHOICES = ("Bỏ qua", "Ẩn danh", "Gửi", "Xác nhận")
REPORT = (
    "Quán karaoke số 12 đường Yersin, phường Phú Cường, Thủ Dầu Một mở cửa tới khuya, "
    "khoảng 30 người tụ tập không đeo khẩu trang"
)


async def test_the_demo_page_loads_with_the_widget(
    page: Page, chat: Chat, hotline_url: str
) -> None:
    await chat.goto(hotline_url + "/")

    assert await page.title() == "Tổng đài 1022 – Bình Dương"
    await chat.panel.wait_for()  # opens at start on a wide screen
    assert await chat.launcher.get_attribute("aria-expanded") == "true"
    log = page.get_by_role("log")
    assert await log.get_attribute("aria-live") == "polite"
    assert await chat.input.get_attribute("maxlength") == "4000"
    assert await page.get_by_role("status").first.inner_text() in {
        "Đang kết nối…",
        "Đang trực tuyến",
    }
    await page.get_by_text("Đang trực tuyến").wait_for()


async def test_a_rules_question_gets_an_answer(chat: Chat, hotline_url: str) -> None:
    await chat.goto(hotline_url + "/")
    await chat.open()

    replies = await chat.say("cách ly F0 bao nhiêu ngày")

    assert await chat.user.last.locator(".hl-bubble").inner_text() == "cách ly F0 bao nhiêu ngày"
    answer = "\n".join(replies)
    assert re.search(r"\bngày\b", answer), answer
    assert chat.sent[-1]["message"] == "cách ly F0 bao nhiêu ngày"


async def test_greeting_offers_buttons_that_send_their_payload(
    chat: Chat, hotline_url: str
) -> None:
    await chat.goto(hotline_url + "/")
    await chat.open()
    await chat.say("xin chào")
    offered = [frame for frame in chat.received if frame.get("buttons")]
    assert offered, f"the greeting offers no buttons: {chat.received}"
    first = offered[-1]["buttons"][0]

    await chat.click(first["title"])

    pressed = chat.sent[-1]
    assert pressed["payload"] == first["payload"]
    assert "message" not in pressed
    assert re.fullmatch(r"[A-Za-z0-9_.:-]{8,128}", pressed["id"])
    assert await chat.user.last.locator(".hl-bubble").inner_text() == first["title"]
    used = chat.bot.filter(has=chat.page.get_by_role("button", name=first["title"], exact=True))
    chips = used.last.locator(".hl-chip")
    assert await chips.count() == len(offered[-1]["buttons"])
    for index in range(await chips.count()):
        assert await chips.nth(index).is_disabled()
    assert await used.last.get_by_role("button", pressed=True).inner_text() == first["title"]


async def test_a_violation_report_is_filed_end_to_end(chat: Chat, hotline_url: str) -> None:
    await chat.goto(hotline_url + "/")
    await chat.open()
    conversation = await chat.say("Tôi muốn phản ánh vi phạm: " + REPORT)

    for _turn in range(12):
        if TICKET_CODE.search("\n".join(conversation)):
            break
        choices = await chat.open_choices()
        safe = [title for title in choices if any(word in title for word in SAFE_CHOICES)]
        if safe:
            conversation += await chat.click(safe[0])
        else:
            conversation += await chat.say(answer_to(conversation[-1]))

    filed = [text for text in conversation if TICKET_CODE.search(text)]
    assert filed, "no ticket code after 12 turns:\n" + "\n---\n".join(conversation)
    assert "mã phản ánh" in filed[-1].lower()


def answer_to(question: str) -> str:
    """A plausible citizen's answer to whatever the report form asks."""
    asked = question.lower()
    if any(word in asked for word in ("điện thoại", "sđt", "liên hệ")):
        return "0912 345 678"
    if any(word in asked for word in ("phường", "xã", "địa chỉ", "ở đâu", "địa điểm", "quận")):
        return "Số 12 đường Yersin, phường Phú Cường, thành phố Thủ Dầu Một"
    if any(word in asked for word in ("khi nào", "thời gian", "lúc nào", "bao giờ")):
        return "Tối nay lúc 21 giờ"
    if "tên" in asked:
        return "Nguyễn Văn An"
    return REPORT


async def test_html_typed_by_a_citizen_is_shown_literally(
    page: Page, chat: Chat, hotline_url: str
) -> None:
    attack = '<img src=x onerror="window.__xss = 1"><script>window.__xss = 2</script>'
    await chat.goto(hotline_url + "/")
    await chat.open()

    await chat.say(attack)

    assert await chat.user.last.locator(".hl-bubble").inner_text() == attack
    assert chat.sent[-1]["message"] == attack
    assert await page.locator(".hl-log img, .hl-log script").count() == 0
    assert await page.evaluate("window.__xss") is None


async def test_a_reload_continues_the_same_conversation(
    page: Page, chat: Chat, hotline_url: str
) -> None:
    await chat.goto(hotline_url + "/")
    await chat.open()
    await chat.say("xin chào")
    sender = await chat.stored_sender()
    assert sender_of(chat.sockets[0]) == sender

    await page.reload()
    await chat.launcher.wait_for()
    await page.get_by_text("Đang trực tuyến").wait_for()

    assert await chat.stored_sender() == sender
    assert len(chat.sockets) == 2
    assert sender_of(chat.sockets[1]) == sender
    assert (
        await chat.user.first.locator(".hl-bubble").inner_text() == "xin chào"
    )  # the transcript survives
    await chat.say("cách ly F0 bao nhiêu ngày")

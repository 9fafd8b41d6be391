"""A citizen's journeys in the widget, end to end (issue 17): leaving a form, a person and a
question mid-form, honest emergencies with the console open beside the widget, a widget that
follows the conversation, wraps its chips and stops its typing dots when the bot is silent."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.async_api import Browser, Page

from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey
from hotline.web.keys import PRESENCE, TAKEOVER
from tests.browser.console import Agent, Office, staff_page
from tests.browser.test_widget import ScriptedHotline, scripted
from tests.browser.widget import PHONE, TICKET_CODE, Chat, open_page, sender_of

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

HELP = "cứu với, bố tôi F0 đang khó thở, tím tái rồi"
WHERE = "số 12 đường 30/4, phường Chánh Nghĩa, sđt 0903123456"


# The module's office (tests/browser/conftest.py), without automatic assignment.
OFFICE_SETTINGS = {"assign_every_seconds": 3600.0}
STAFF = {"an": "agent", "quantri": "admin"}


async def _citizen(page: Page, office: Office) -> Chat:
    chat = Chat(page)
    await chat.goto(office.url + "/")
    await chat.open()
    return chat


async def test_a_form_is_left_a_question_answered_and_a_person_reached(
    page: Page, office: Office
) -> None:
    chat = await _citizen(page, office)
    await chat.say("Tôi cần hỗ trợ")
    described = "\n".join(await chat.say("Gia đình 4 người mất việc 2 tháng nay, hết gạo rồi"))
    assert texts.ASK_WHERE in described

    # A question mid-form is answered, and the same step asked again.
    told = await chat.say("F1 phải cách ly bao nhiêu ngày vậy?")
    assert len(told) == 2 and texts.FORM_RESUME in told[1] and texts.ASK_WHERE in told[1]
    # An answer that is no place is refused; a place is taken.
    assert texts.NOT_AN_ADDRESS in "\n".join(await chat.say("xin chào"))
    assert "số điện thoại" in "\n".join(await chat.say("khu phố 3, phường Tân Định, Bến Cát"))
    # "Quay lại" steps back, and "thôi hủy" leaves the form.
    assert texts.ASK_WHERE in "\n".join(await chat.say("quay lại"))
    assert await chat.say("thôi hủy") == [texts.CANCELLED]

    # In another form a person is asked for in the citizen's own words.
    await chat.say("Tôi muốn phản ánh vi phạm")
    await chat.say("Quán karaoke vẫn mở cửa hát đến khuya, tụ tập rất đông người")
    person = "\n".join(await chat.say("cho tôi nói chuyện với tổng đài viên"))
    assert "mã phản ánh" in person and TICKET_CODE.search(person), person
    assert texts.HUMAN_QUEUED.split("{")[0] in person, "nobody is on duty: queued, and said so"


async def test_nobody_on_duty_the_citizen_is_told_to_call(page: Page, office: Office) -> None:
    assert not office.app[PRESENCE].anyone_online()
    chat = await _citizen(page, office)
    told = "\n".join(await chat.say(HELP))
    assert "0274.1022" in told and "115" in told
    assert "đã báo tổng đài viên" not in told
    await page.get_by_role("link", name="115").last.wait_for()  # one tap to call
    done = "\n".join(await chat.say(WHERE))
    assert "0274.1022" in done and "Đã chuyển" not in done


async def test_an_emergency_alerts_the_console_open_beside_the_widget(
    browser: Browser, page: Page, office: Office
) -> None:
    agent = await Agent.log_in(browser, office, "an")
    frames: list[dict[str, Any]] = []
    try:
        # The console's live line was opened during the log-in; listen from now on.
        agent.page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda data: frames.append(json.loads(data))),
        )
        await agent.page.reload()
        await agent.live()
        chat = await _citizen(page, office)
        told = "\n".join(await chat.say(HELP))
        found = TICKET_CODE.search(told)
        assert found and texts.EMERGENCY.format(code=found.group(0)) in told, told
        code = found.group(0)
        await agent.ticket(code).wait_for(timeout=15_000)  # in the queue without a reload

        assert "\n".join(await chat.say(WHERE)) == texts.EMERGENCY_NOTED
        await agent.page.wait_for_timeout(500)  # the last frame is on its way
        alerts = [f for f in frames if f.get("kind") == "emergency" and f.get("code") == code]
        assert len(alerts) == 2, frames
        assert alerts[-1]["ward"] == "Chánh Nghĩa" and alerts[-1]["district"] == "Thủ Dầu Một"
        assert alerts[-1]["address"] == "số 12 đường 30/4, phường Chánh Nghĩa"
        assert "0903123456" not in json.dumps(alerts), "who called stays behind the audited view"

        await agent.open(code)
        await agent.page.locator("#t-facts").filter(has_text="Chánh Nghĩa").wait_for()
    finally:
        await agent.close()
    assert agent.errors == []


async def test_typing_dots_stop_when_the_bot_is_silent(page: Page, office: Office) -> None:
    chat = await _citizen(page, office)
    await chat.say("xin chào")
    sender = await chat.stored_sender()
    await office.app[TAKEOVER].take(ConversationKey("webchat", sender), "an")
    await chat.input.fill("tôi chờ tổng đài viên")
    await chat.input.press("Enter")
    dots = page.locator(".hl-typing")
    await dots.wait_for(state="hidden", timeout=3_000)  # not the 20 s fallback
    assert any(f == {"typing": False} for f in chat.received)
    assert sender_of(chat.sockets[0]) == sender


async def _at_bottom(page: Page) -> bool:
    return bool(
        await page.evaluate(
            """() => {
              const s = document.querySelector('#hotline-1022-chat').shadowRoot
                .querySelector('.hl-scroll');
              return s.scrollHeight - s.scrollTop - s.clientHeight < 2;
            }"""
        )
    )


async def test_quick_replies_stay_in_view_and_new_ones_are_announced(
    page: Page, office: Office
) -> None:
    hotline = ScriptedHotline()
    chat = await scripted(page, hotline, office.url + "/")
    for n in range(8):
        hotline.push({"text": f"Tin số {n}\n" + "Nội dung dài để cuộn. " * 8})
    await chat.bot.nth(7).wait_for()
    hotline.push({"text": "Câu hỏi cấp cứu thứ nhất"})
    hotline.push({"text": "Có ai khó thở không?", "buttons": [{"title": "Có", "payload": "/y"}]})
    await chat.bot.nth(9).wait_for()
    await page.wait_for_timeout(300)
    assert await _at_bottom(page), "the second of two quick replies is in view"

    # The citizen scrolls up to read: a new message does not pull them down, a button says so.
    await chat.bot.first.scroll_into_view_if_needed()
    hotline.push({"text": "Tin mới khi đang đọc phía trên"})
    new = page.get_by_role("button", name="Tin nhắn mới")
    await new.wait_for()
    assert not await _at_bottom(page)
    await new.click()
    assert await _at_bottom(page)
    await new.wait_for(state="hidden")


async def test_long_chips_wrap_between_words(browser: Browser, office: Office) -> None:
    page = await open_page(browser, PHONE)
    try:
        hotline = ScriptedHotline()
        chat = await scripted(page, hotline, office.url + "/")
        long_title = (
            "Người từ vùng dịch về Bình Dương có phải cách ly tập trung hay được cách ly tại "
            "nhà, và phải khai báo ở đâu"
        )
        hotline.push({"text": "Gợi ý:", "buttons": [{"title": long_title, "payload": "/x"}]})
        chip = chat.choices().get_by_role("button", name=long_title)
        await chip.wait_for()
        box = await chip.bounding_box()
        log = await page.locator(".hl-log").bounding_box()
        assert box is not None and log is not None
        assert box["x"] + box["width"] <= log["x"] + log["width"] + 1, "not cut at the edge"
        assert box["height"] > 40, "wrapped onto several lines"
        fits = await chip.evaluate("b => b.scrollWidth <= b.clientWidth")
        assert fits, "no word is cut"
    finally:
        await page.context.close()


async def test_a_thumb_down_lands_in_the_admins_inbox(
    browser: Browser, page: Page, office: Office
) -> None:
    chat = await _citizen(page, office)
    question = "F1 phải cách ly bao nhiêu ngày vậy?"
    await chat.say(question)
    assert await chat.open_choices() == [texts.HELPFUL, texts.NOT_HELPFUL]
    assert await chat.click(texts.NOT_HELPFUL) == [texts.RATED_DOWN]

    async with staff_page(browser, office, "quantri") as admin:
        await admin.goto(office.url + "/admin/unanswered")
        await admin.get_by_text(question).first.wait_for()


async def test_the_survey_after_resolution_reaches_the_dashboard(
    browser: Browser, page: Page, office: Office
) -> None:
    agent = await Agent.log_in(browser, office, "an")
    try:
        chat = await _citizen(page, office)
        asked = "\n".join(await chat.say("cho tôi gặp tổng đài viên"))
        found = TICKET_CODE.search(asked)
        assert found, asked
        code = found.group(0)
        await agent.open(code)
        await agent.claim()
        before = await chat.bot.count()
        await agent.set_status("Đã xử lý xong", "Đã hướng dẫn anh/chị qua điện thoại.")
        await chat.bot.filter(has_text=texts.SURVEY.format(code=code)).wait_for(timeout=15_000)
        assert await chat.bot.count() > before
        choices = await chat.open_choices()
        assert choices == list(texts.SURVEY_CHOICES.values())
        assert await chat.click(texts.SURVEY_CHOICES["satisfied"]) == [texts.SURVEY_THANKS]
    finally:
        await agent.close()

    async with staff_page(browser, office, "quantri") as admin:
        await admin.goto(office.url + "/admin/dashboard")
        await admin.get_by_text("người dân hài lòng sau xử lý (1/1)").wait_for()

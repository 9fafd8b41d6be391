"""The widget on its own: rendering, keyboard, phone layout, limits, reconnection, embedding.

The page and the script come from the real app; where a test needs the server to say something
precise (hostile text, a dropped connection) a scripted WebSocket peer stands in for it.
"""

from __future__ import annotations

import json
import re

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, WebSocketRoute

from tests.browser.widget import DESKTOP, PHONE, Chat, open_page

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="module")]

WS = re.compile(r"/webchat/ws\?sender=")


class ScriptedHotline:
    """Stands in for the server's WebSocket: records frames, answers as each test scripts."""

    def __init__(self, drop_first: bool = False) -> None:
        self.drop_first = drop_first
        self.reachable = True
        self.connections: list[WebSocketRoute] = []
        self.frames: list[tuple[int, dict[str, object]]] = []

    async def accept(self, ws: WebSocketRoute) -> None:
        if not self.reachable:
            await ws.close(code=1011, reason="unreachable")  # refused before it opens
            return
        number = len(self.connections)
        self.connections.append(ws)

        async def received(raw: str | bytes) -> None:
            frame = json.loads(raw)
            self.frames.append((number, frame))
            if self.drop_first and number == 0:
                self.reachable = False
                await ws.close(code=1011, reason="gone")  # the frame is lost with the socket
                return
            said = frame.get("message") or frame.get("payload")
            ws.send(json.dumps({"text": f"Đã nhận: {said}"}))

        ws.on_message(received)

    def push(self, frame: dict[str, object]) -> None:
        self.connections[-1].send(json.dumps(frame, ensure_ascii=False))


async def scripted(page: Page, hotline: ScriptedHotline, url: str) -> Chat:
    await page.route_web_socket(WS, hotline.accept)
    chat = Chat(page)
    await chat.goto(url)
    await chat.open()
    await page.get_by_text("Đang trực tuyến").wait_for()
    return chat


async def test_server_text_is_never_parsed_as_html(page: Page, hotline_url: str) -> None:
    hotline = ScriptedHotline()
    chat = await scripted(page, hotline, hotline_url + "/")

    hotline.push(
        {
            "text": '<img src=x onerror="window.__xss=1">\nDòng hai <b>đậm</b>\n'
            "https://1022.example.vn/tra-cuu?ma=PA-7K3Q-9X2M. javascript:alert(1) gọi 115",
            "buttons": [{"title": "<img src=y onerror=window.__xss=2>", "payload": "/x"}],
        }
    )
    bubble = chat.bot.last.locator(".hl-bubble")
    await bubble.wait_for()

    assert await bubble.inner_text() == (
        '<img src=x onerror="window.__xss=1">\nDòng hai <b>đậm</b>\n'
        "https://1022.example.vn/tra-cuu?ma=PA-7K3Q-9X2M. javascript:alert(1) gọi 115"
    )
    assert await page.locator(".hl-log img, .hl-log b").count() == 0
    links = bubble.get_by_role("link")
    assert await links.count() == 2
    assert (
        await links.nth(0).get_attribute("href")
        == "https://1022.example.vn/tra-cuu?ma=PA-7K3Q-9X2M"
    )
    assert await links.nth(0).get_attribute("rel") == "noopener noreferrer"
    assert await links.nth(1).get_attribute("href") == "tel:115"
    chip = chat.choices().get_by_role("button")
    assert await chip.inner_text() == "<img src=y onerror=window.__xss=2>"
    await page.wait_for_timeout(200)
    assert await page.evaluate("window.__xss") is None


async def test_pushed_messages_count_as_unread_while_closed(page: Page, hotline_url: str) -> None:
    hotline = ScriptedHotline()
    chat = await scripted(page, hotline, hotline_url + "/")
    await chat.launcher.click()
    assert await chat.launcher.get_attribute("aria-expanded") == "false"

    hotline.push({"text": "Tổng đài viên Lan: chào anh, tôi đã nhận phản ánh."})
    hotline.push({"text": "Phản ánh PA-7K3Q-9X2M đã được xử lý."})

    badge = page.locator(".hl-badge")
    await badge.wait_for()
    assert await badge.inner_text() == "2"
    assert "2 tin nhắn mới" in (await chat.launcher.get_attribute("aria-label") or "")
    await chat.launcher.click()
    assert await badge.is_hidden()
    assert await chat.bot.count() == 2


async def test_a_dropped_connection_resends_and_flushes_the_queue(
    page: Page, hotline_url: str
) -> None:
    hotline = ScriptedHotline(drop_first=True)
    chat = await scripted(page, hotline, hotline_url + "/")

    await chat.input.fill("câu hỏi thứ nhất")
    await chat.input.press("Enter")
    await page.get_by_text("Mất kết nối, đang thử lại…").wait_for()
    await chat.input.fill("câu hỏi thứ hai")
    await chat.input.press("Enter")
    await page.get_by_text("Đang chờ gửi").wait_for()  # queued while the server is away
    assert await chat.bot.count() == 0

    hotline.reachable = True
    await page.evaluate("window.dispatchEvent(new Event('online'))")  # retry now, not at backoff
    await chat.bot.nth(1).wait_for(timeout=5_000)

    assert len(hotline.connections) == 2
    first, resent, second = (frame for _, frame in hotline.frames)
    assert [number for number, _ in hotline.frames] == [0, 1, 1]
    assert resent == first  # same id: the server can drop the duplicate
    assert second["message"] == "câu hỏi thứ hai"
    assert second["id"] != first["id"]
    assert await chat.bot.locator(".hl-bubble").all_inner_texts() == [
        "Đã nhận: câu hỏi thứ nhất",
        "Đã nhận: câu hỏi thứ hai",
    ]
    assert await chat.user.count() == 2
    assert await page.get_by_text("Đang chờ gửi").count() == 0


async def test_keyboard_only_use(browser: Browser, hotline_url: str) -> None:
    page = await open_page(browser, DESKTOP)
    try:
        chat = Chat(page)
        await page.add_init_script("sessionStorage.setItem('hotline1022:open', 'false')")
        await chat.goto(hotline_url + "/")
        assert await chat.panel.is_hidden()

        await chat.launcher.focus()
        await page.keyboard.press("Enter")
        await chat.panel.wait_for()
        assert await chat.input.evaluate("el => el.getRootNode().activeElement === el")

        await page.keyboard.type("dòng một")
        await page.keyboard.press("Shift+Enter")
        await page.keyboard.type("dòng hai")
        assert await chat.input.input_value() == "dòng một\ndòng hai"
        await page.keyboard.press("Escape")
        assert await chat.panel.is_hidden()
        assert await chat.launcher.evaluate("el => el.getRootNode().activeElement === el")
        outline = await chat.launcher.evaluate("el => getComputedStyle(el).outlineStyle")
        assert outline == "solid"  # focus is visible
    finally:
        await page.context.close()


async def test_phone_width_uses_the_whole_screen(browser: Browser, hotline_url: str) -> None:
    page = await open_page(browser, PHONE)
    try:
        chat = Chat(page)
        await chat.goto(hotline_url + "/")
        assert await chat.panel.is_hidden()  # does not cover the page until asked
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], "the page scrolls sideways on a phone"

        await chat.open()
        box = await chat.panel.bounding_box()
        assert box is not None
        assert (box["x"], box["y"], box["width"]) == (0, 0, PHONE["width"])
        assert box["height"] == PHONE["height"]
        assert await chat.launcher.is_hidden()
        send = page.get_by_role("button", name="Gửi", exact=True)
        send_box = await send.bounding_box()
        assert send_box is not None and send_box["width"] >= 44  # a finger-sized target
    finally:
        await page.context.close()


async def test_the_composer_stops_at_4000_characters(page: Page, hotline_url: str) -> None:
    chat = Chat(page)
    await chat.goto(hotline_url + "/")
    await chat.open()
    counter = page.locator(".hl-counter")

    await chat.input.fill("a" * 3000)
    assert await counter.is_hidden()
    await chat.input.fill("a" * 3700)
    assert await counter.inner_text() == "3700/4000"
    await chat.input.fill("á" * 4100)

    assert len(await chat.input.input_value()) == 4000
    assert await counter.inner_text() == "4000/4000"
    assert await page.get_by_text("Đã đạt giới hạn 4000 ký tự").count() == 1


async def test_embedding_on_another_site(page: Page, hotline_url: str) -> None:
    """The snippet from the docs, on a page of another origin, talks to the hotline."""
    snippet = (
        f'<script src="{hotline_url}/static/widget.js" data-hotline-url="{hotline_url}" defer>'
        "</script>"
    )
    html = (
        "<!doctype html><html lang=vi><head><meta charset=utf-8><title>Cổng tỉnh</title>"
        f"<style>div, p, textarea {{ color: red !important; font-size: 40px; }}</style>{snippet}"
        "</head><body><p>Trang của tỉnh</p></body></html>"
    )

    async def portal_page(request: web.Request) -> web.Response:
        return web.Response(text=html, content_type="text/html")

    portal = web.Application()
    portal.router.add_get("/", portal_page)
    # Another port is another origin; both on loopback, as Chromium only lets pages that are
    # themselves local reach a local address.
    async with TestServer(portal, host="127.0.0.1", port=0) as server:
        chat = Chat(page)
        await chat.goto(str(server.make_url("/")))
        await chat.open()
        replies = await chat.say("xin chào")

    assert replies, "no reply across origins"
    assert chat.sockets[0].url.startswith(hotline_url.replace("http", "ws", 1) + "/webchat/ws")
    color = await chat.input.evaluate("el => getComputedStyle(el).color")
    assert color != "rgb(255, 0, 0)"  # the host page's CSS does not reach into the widget

"""A citizen at the chat widget: drives it through Playwright and records the WebSocket frames."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from playwright.async_api import Browser, Locator, Page, ViewportSize, WebSocket

TICKET_CODE = re.compile(r"PA-[A-Z2-9]{4}-[A-Z2-9]{4}")
REPLY_TIMEOUT_MS = 15_000
DESKTOP: ViewportSize = {"width": 1280, "height": 860}
PHONE: ViewportSize = {"width": 360, "height": 740}


async def open_page(browser: Browser, viewport: ViewportSize) -> Page:
    """A page in a new browser context: a citizen with empty storage."""
    context = await browser.new_context(viewport=viewport, locale="vi-VN")
    return await context.new_page()


class Chat:
    """Drives the chat widget like a citizen and records the WebSocket frames both ways."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.sent: list[dict[str, Any]] = []
        self.received: list[dict[str, Any]] = []
        self.sockets: list[WebSocket] = []
        self.launcher = page.locator(".hl-launcher")
        self.panel = page.get_by_role("dialog", name="Tổng đài 1022 – Bình Dương")
        self.input = page.get_by_label("Tin nhắn gửi Tổng đài 1022")
        self.bot = page.locator(".hl-log .hl-bot")
        self.user = page.locator(".hl-log .hl-user")
        page.on("websocket", self._watch)

    def _watch(self, ws: WebSocket) -> None:
        if "/webchat/ws" not in ws.url:
            return
        self.sockets.append(ws)
        ws.on("framesent", lambda data: self.sent.append(_frame(data)))
        ws.on("framereceived", lambda data: self.received.append(_frame(data)))

    async def goto(self, url: str) -> None:
        await self.page.goto(url)
        await self.launcher.wait_for()

    async def open(self) -> None:
        if not await self.panel.is_visible():
            await self.launcher.click()
        await self.input.wait_for()

    async def say(self, text: str) -> list[str]:
        """Type and send a message; the bot's reply texts."""
        before = await self.bot.count()
        await self.input.fill(text)
        await self.input.press("Enter")
        return await self.replies_after(before)

    async def click(self, title: str) -> list[str]:
        """Press the bot's offered button with this title; the bot's reply texts."""
        before = await self.bot.count()
        await self.choices().get_by_role("button", name=title, exact=True).click()
        return await self.replies_after(before)

    def choices(self) -> Locator:
        """The buttons under the bot's latest message."""
        return self.bot.last.locator(".hl-chips")

    async def open_choices(self) -> list[str]:
        chips = self.choices().locator(".hl-chip:enabled")
        return [text.strip() for text in await chips.all_inner_texts()]

    async def replies_after(self, before: int) -> list[str]:
        """Wait for at least one new bot message, then until the bot has gone quiet."""
        await self.bot.nth(before).wait_for(timeout=REPLY_TIMEOUT_MS)
        count = await self.bot.count()
        while True:
            await asyncio.sleep(0.4)
            now = await self.bot.count()
            if now == count:
                break
            count = now
        texts = await self.bot.locator(".hl-bubble").all_inner_texts()
        return texts[before:]

    async def stored_sender(self) -> str:
        raw = await self.page.evaluate("localStorage.getItem('hotline1022:sender')")
        return str(json.loads(raw))


def _frame(data: str | bytes) -> dict[str, Any]:
    value = json.loads(data)
    assert isinstance(value, dict), f"a frame must be a JSON object: {data!r}"
    return value


def sender_of(ws: WebSocket) -> str:
    match = re.search(r"[?&]sender=([^&]+)", ws.url)
    assert match, ws.url
    return match.group(1)

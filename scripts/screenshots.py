"""Screenshots of the demo page and a short chat, at desktop and phone width, into ./screenshots/.

    .venv/bin/python scripts/screenshots.py                # starts the app from HOTLINE_* settings
    .venv/bin/python scripts/screenshots.py http://127.0.0.1:8080   # a hotline already running

Started here, the app keeps its data in a temporary SQLite file and loads the NLU model from
HOTLINE_NLU_MODEL_DIR (default var/nlu, as `make run` trains it).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from chromium import launch  # scripts/chromium.py, beside this script
from playwright.async_api import Browser, Page, ViewportSize, async_playwright
from shots import running_app  # scripts/shots.py

CONVERSATION = ("Xin chào", "Cách ly F0 bao nhiêu ngày?")
SHOTS: dict[str, tuple[ViewportSize, int]] = {  # name: (viewport, device pixel ratio)
    "desktop": ({"width": 1366, "height": 860}, 1),
    "phone": ({"width": 360, "height": 740}, 2),
}


@asynccontextmanager
async def running_hotline() -> AsyncIterator[str]:
    """The real app on a free local port, with throwaway data."""
    with tempfile.TemporaryDirectory(prefix="hotline-shots-") as data:
        async with running_app(Path(data)) as (url, _):
            yield url


async def say(page: Page, text: str) -> None:
    """Send a message and wait until the bot has answered and gone quiet."""
    replies = page.locator(".hl-log .hl-bot")
    before = await replies.count()
    box = page.get_by_label("Tin nhắn gửi Tổng đài 1022")
    await box.fill(text)
    await box.press("Enter")
    await replies.nth(before).wait_for(timeout=15_000)
    await page.wait_for_timeout(600)


async def shoot(browser: Browser, url: str, name: str, out: Path) -> list[Path]:
    viewport, scale = SHOTS[name]
    context = await browser.new_context(
        locale="vi-VN", viewport=viewport, device_scale_factor=scale
    )
    page = await context.new_page()
    saved: list[Path] = []
    try:
        await page.goto(url)
        await page.locator(".hl-launcher").wait_for()
        if await page.get_by_role("dialog").is_visible():
            await page.locator(".hl-launcher").click()  # the page alone first
        saved.append(out / f"{name}-page.png")
        await page.screenshot(path=saved[-1], full_page=True)

        await page.locator(".hl-launcher").click()
        for text in CONVERSATION:
            await say(page, text)
        await page.mouse.move(0, 0)  # no hover effects in the picture
        saved.append(out / f"{name}-chat.png")
        await page.screenshot(path=saved[-1])
    finally:
        await context.close()
    return saved


async def main(url: str | None, out: Path) -> None:
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        try:
            if url is None:
                async with running_hotline() as started:
                    saved = [p for name in SHOTS for p in await shoot(browser, started, name, out)]
            else:
                saved = [p for name in SHOTS for p in await shoot(browser, url, name, out)]
        finally:
            await browser.close()
    for path in saved:
        print(path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", help="a running hotline; default: start one here")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, if not installed
    asyncio.run(main(args.url.rstrip("/") if args.url else None, args.out))

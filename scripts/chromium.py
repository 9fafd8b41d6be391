"""Debian's Chromium as the project drives it through Playwright: one binary, one set of flags.

The browser tests (tests/browser/conftest.py) and the screenshot scripts launch it from here. The
scripts run as `python scripts/x.py`, so they import this module by its bare name, `chromium`.
"""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Browser, Playwright

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and quiet: no sandbox (containers), no GPU, and nothing that reaches the network on
# its own (QUIC, component updates, sync), so a run only talks to the hotline under test.
FLAGS = (
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


async def launch(playwright: Playwright) -> Browser:
    """Start Chromium; the caller closes it."""
    return await playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(FLAGS))

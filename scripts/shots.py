"""What the screenshot scripts share: the real app on a free local port with throwaway data, and
their command line. They run as `python scripts/x.py`, so they import this by its bare name."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from aiohttp import web


@asynccontextmanager
async def running_app(data: Path, **settings: Any) -> AsyncIterator[tuple[str, web.Application]]:
    """The app on 127.0.0.1, configured from HOTLINE_* but keeping its data under `data`
    (`settings` override more); its base URL and the app."""
    from hotline.config import Settings
    from hotline.web.app import (
        create_app,  # here: screenshots.py puts the checkout on sys.path first
    )

    config = replace(
        Settings.from_env(),
        store=f"sqlite:///{data}/hotline.db",
        media_dir=str(data / "media"),
        mail_dir=str(data / "mail"),
        **settings,
    )
    app = create_app(config)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}", app
    finally:
        await runner.cleanup()


def main(shoot: Callable[[Path], Awaitable[list[Path]]], doc: str) -> None:
    """`script.py [--out DIR]`: take the screenshots into DIR and print their paths."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(shoot(args.out)):
        print(path)

"""FAQ import and export for the command line, on the configured store."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from hotline.config import Settings
from hotline.faq.entries import FaqEntry
from hotline.faq.io import format_for, read_entries, write_entries
from hotline.faq.store import FaqStore
from hotline.storage.open import open_storage


@asynccontextmanager
async def faq_store(settings: Settings) -> AsyncIterator[FaqStore]:
    async with await open_storage(settings.store) as storage:
        yield await storage.faq()


async def published_entries(settings: Settings) -> list[FaqEntry]:
    """What the bot answers from, on the configured store (SQLite or MongoDB)."""
    async with faq_store(settings) as store:
        return await store.list(status="published")


async def import_file(settings: Settings, path: Path) -> int:
    """Import entries (new or updated by id); print the rejected rows. Exit code 1 if any."""
    try:
        text = await asyncio.to_thread(path.read_text, encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"cannot read {path}: {error}", file=sys.stderr)
        return 2
    report = read_entries(text, format_for(path))
    async with faq_store(settings) as store:
        # One write: a running bot sees one new revision and rebuilds its index once.
        await store.put_many(report.entries)
    print(f"imported {len(report.entries)} entries from {path}")
    for rejected in report.rejected:
        print(f"rejected {rejected.where}: {rejected.reason}", file=sys.stderr)
    return 1 if report.rejected else 0


async def export_all(settings: Settings, fmt: str) -> str:
    async with faq_store(settings) as store:
        return write_entries(await store.list(), fmt)  # type: ignore[arg-type]

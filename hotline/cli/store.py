"""`hotline store migrate --from URL --to URL`: copy every store's data between back ends."""

from __future__ import annotations

from collections.abc import Callable

from hotline.storage.migrate import copy_all
from hotline.storage.open import open_storage


async def migrate(source_url: str, target_url: str, say: Callable[[str], None]) -> int:
    """Copy everything from one store URL to another; returns how many records were copied."""
    if source_url == target_url:
        raise ValueError("--from and --to name the same store")
    async with await open_storage(source_url) as source, await open_storage(target_url) as target:
        return await copy_all(source, target, say)

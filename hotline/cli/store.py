"""`hotline store migrate --from URL --to URL`: copy every store's data between back ends;
`hotline store rotate-key`: seal everything sealed with a new key."""

from __future__ import annotations

from collections.abc import Callable

from hotline.handoff.crypto import Cipher
from hotline.storage.migrate import copy_all
from hotline.storage.open import open_storage
from hotline.storage.reseal import reseal_all


async def migrate(source_url: str, target_url: str, say: Callable[[str], None]) -> int:
    """Copy everything from one store URL to another; returns how many records were copied."""
    if source_url == target_url:
        raise ValueError("--from and --to name the same store")
    async with await open_storage(source_url) as source, await open_storage(target_url) as target:
        return await copy_all(source, target, say)


async def rotate_key(store_url: str, old_key: str, new_key: str, say: Callable[[str], None]) -> int:
    """Seal every sealed value of the store with `new_key` instead of `old_key`."""
    async with await open_storage(store_url) as storage:
        return await reseal_all(storage, Cipher(old_key), Cipher(new_key), say)

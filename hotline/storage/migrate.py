"""Copy every store's data from one storage to another, whichever back ends they are.

Each store exports its parts as neutral records and the same store on the other side restores
them, keyed, so running the copy again changes nothing and a copy broken off half-way can simply
be run again. Every store is opened on both sides first, so each table, collection and index
exists before data arrives; the ids a back end hands out continue after the copied ones.

Reporters' contact details move sealed as they are: the target needs the same HOTLINE_SECRET_KEY.
"""

from __future__ import annotations

from collections.abc import Callable

from hotline.storage.base import Storage
from hotline.storage.portable import Portable, Record

BATCH = 500


async def copy_all(source: Storage, target: Storage, say: Callable[[str], None]) -> int:
    """Copy everything; says how many records of each part; returns how many in all."""
    copied = 0
    pairs = zip(await source.portables(), await target.portables(), strict=True)
    for mine, theirs in pairs:
        for part in mine.parts:
            count = await _copy_part(mine, theirs, part)
            say(f"{part}: {count} copied")
            copied += count
    return copied


async def _copy_part(source: Portable, target: Portable, part: str) -> int:
    count, batch = 0, list[Record]()
    async for record in source.export(part):
        batch.append(record)
        if len(batch) == BATCH:
            await target.restore(part, batch)
            count, batch = count + len(batch), []
    if batch:
        await target.restore(part, batch)
    return count + len(batch)

"""Where FAQ entries live: a small document-shaped interface with SQLite and MongoDB back ends."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import Protocol

from hotline.faq.entries import FaqEntry


class FaqStore(Protocol):
    """FAQ entries keyed by id, plus a revision number that changes on every write.

    `put` inserts a new entry at version 1, or updates one and bumps its version and
    `updated_at`; putting an entry whose content is unchanged is not a write. `revision` lets
    every process notice another one's edit cheaply and rebuild its index.
    """

    async def list(self, status: str | None = None) -> list[FaqEntry]: ...

    async def get(self, id: str) -> FaqEntry | None: ...

    async def put(self, entry: FaqEntry) -> FaqEntry: ...

    async def put_many(self, entries: Sequence[FaqEntry]) -> builtins.list[FaqEntry]:
        """`put` each entry, as one write where the back end can (an import of thousands of
        entries: one revision for the bots to follow, not one per entry)."""
        ...

    async def delete(self, id: str) -> bool: ...

    async def revision(self) -> int: ...

    async def close(self) -> None: ...

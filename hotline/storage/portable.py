"""A store's data as neutral records: what `hotline store migrate` moves between back ends.

Each store that keeps data worth moving is `Portable`: its data comes in parts (a part is a
table on SQLite, a collection on MongoDB), each read out as plain records (field names as the
domain spells them, times as aware datetimes, nested documents as dicts) and written back on
another back end by the same store there. A restore is keyed, so doing it twice changes nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any, Protocol

Record = dict[str, Any]


class Portable(Protocol):
    @property
    def parts(self) -> tuple[str, ...]:
        """The store's parts, in the order a copy restores them."""
        ...

    def export(self, part: str) -> AsyncIterator[Record]:
        """Every record of a part, in the order they were written."""
        ...

    async def restore(self, part: str, records: Sequence[Record]) -> None:
        """Write records as they were exported elsewhere (insert, or replace by key)."""
        ...

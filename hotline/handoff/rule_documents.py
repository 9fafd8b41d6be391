"""Rules that admins edit as whole documents (deadlines per category, canned responses), kept
in a small store so an edit outlives a restart."""

from __future__ import annotations

from typing import Any, Protocol


class RuleDocuments(Protocol):
    async def get(self, name: str) -> Any | None:
        """The document saved under `name`, or None if admins never changed the default."""
        ...

    async def put(self, name: str, doc: Any, author: str) -> None:
        """Replace the document whole: a reader sees the old rules or the new, never a mix."""
        ...

    async def close(self) -> None: ...

"""Version history of FAQ entries: every saved version with who saved it and when, and roll back.

`FaqEditor` is how people change the FAQ: each save goes through `FaqKnowledge` (live for the bot
at once) and leaves a version in a `FaqHistory`. A rollback saves an old version's content again
as a new version, so history only ever grows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal, Protocol

from hotline.clock import utc_stamp
from hotline.faq.entries import FaqEntry, Status
from hotline.faq.knowledge import FaqKnowledge

Action = Literal[
    "created", "edited", "published", "unpublished", "rolled_back", "deleted", "before"
]

# The author of a version that existed before history was kept (the seed, a CLI import).
EARLIER = "(trước khi có lịch sử)"


@dataclass(frozen=True)
class FaqVersion:
    """One saved version of an entry, as it was, with who saved it, when and how."""

    entry: FaqEntry
    author: str
    at: str
    action: Action

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.entry.version,
            "author": self.author,
            "at": self.at,
            "action": self.action,
            "entry": self.entry.to_dict(),
        }

    def to_record(self) -> dict[str, Any]:
        """What a store keeps: the entry whole, its id and version beside it to look it up."""
        return {"entry_id": self.entry.id, **self.to_dict()}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> FaqVersion:
        action: Action = record["action"]  # written only from the Action literal
        return cls(FaqEntry.from_dict(record["entry"]), record["author"], record["at"], action)


class FaqHistory(Protocol):
    """Versions of entries, oldest first; a store with SQLite and MongoDB back ends."""

    async def record(self, version: FaqVersion) -> None: ...

    async def versions(self, entry_id: str) -> list[FaqVersion]: ...

    async def close(self) -> None: ...


class UnknownVersion(LookupError):
    """No such entry or version to roll back to."""


class FaqEditor:
    """Saves, deletes and rolls back entries for a named person, keeping the history."""

    def __init__(self, knowledge: FaqKnowledge, history: FaqHistory) -> None:
        self.knowledge = knowledge
        self.history = history

    async def save(self, entry: FaqEntry, author: str) -> FaqEntry:
        """Store the entry (live at once); an unchanged entry makes no new version."""
        return await self._save(entry, author, None)

    async def set_status(self, entry_id: str, status: Status, author: str) -> FaqEntry:
        current = await self.knowledge.store.get(entry_id)
        if current is None:
            raise UnknownVersion(entry_id)
        return await self.save(replace(current, status=status), author)

    async def rollback(self, entry_id: str, version: int, author: str) -> FaqEntry:
        """Save version `version`'s content (questions, answer, topic, status) as a new one."""
        old = next(
            (v for v in await self.history.versions(entry_id) if v.entry.version == version), None
        )
        if old is None:
            raise UnknownVersion(f"{entry_id} v{version}")
        return await self._save(old.entry, author, "rolled_back")

    async def delete(self, entry_id: str, author: str) -> bool:
        current = await self.knowledge.store.get(entry_id)
        if current is None:
            return False
        deleted = await self.knowledge.delete(entry_id)
        if deleted:
            await self.history.record(FaqVersion(current, author, utc_stamp(), "deleted"))
        return deleted

    async def versions(self, entry_id: str) -> list[FaqVersion]:
        """Newest first, as an admin reads a history."""
        return list(reversed(await self.history.versions(entry_id)))

    async def _save(self, entry: FaqEntry, author: str, action: Action | None) -> FaqEntry:
        before = await self.knowledge.store.get(entry.id)
        if before is not None and not await self.history.versions(entry.id):
            # Keep the version this edit replaces, so even a seeded entry can be rolled back.
            at = before.updated_at or utc_stamp()
            await self.history.record(FaqVersion(before, EARLIER, at, "before"))
        stored = await self.knowledge.put(entry)
        if before is not None and stored.version == before.version:
            return stored  # nothing changed: no new version
        await self.history.record(
            FaqVersion(
                stored, author, stored.updated_at or utc_stamp(), action or _action(before, stored)
            )
        )
        return stored


def _action(before: FaqEntry | None, after: FaqEntry) -> Action:
    if before is None:
        return "created"
    if before.status != after.status:
        return "published" if after.published else "unpublished"
    return "edited"

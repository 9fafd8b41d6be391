"""Key rotation: every sealed value (tickets' reporters, messages, dialog slots) opened with the
old key and sealed again with the new one, in place, on either back end; values stored clear
by an older version (messages, slots and reporters from before sealing) are sealed on the way.

Run it with the hotline stopped (a worker still on the old key would write values the new key
cannot open). Running it again is harmless: a value the new key already opens stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hotline.handoff.crypto import Cipher, SecretUnreadable, is_sealed
from hotline.storage.base import Storage
from hotline.storage.portable import Portable, Record

BATCH = 500


class Resealer:
    def __init__(self, old: Cipher, new: Cipher) -> None:
        self.old = old
        self.new = new

    def value(self, value: Any) -> Any:
        """A sealed value sealed with the new key (one sealed with it already stays)."""
        try:
            return self.new.seal(self.old.open(value))
        except SecretUnreadable:
            self.new.open(value)  # already rotated, or else unreadable with either: raise
            return value

    def seal(self, value: dict[str, Any] | None) -> Any:
        """Any value, clear or sealed, sealed with the new key."""
        if not value:
            return value
        return self.value(value) if is_sealed(value) else self.new.seal(value)

    def record(self, part: str, record: Record) -> Record:
        if part == "tickets" and record.get("reporter"):
            return {**record, "reporter": self.seal(record["reporter"])}
        if part == "messages":
            return {**record, "record": self.seal(record["record"])}
        if part == "conversations" and isinstance(record.get("state"), dict):
            state = record["state"]
            if state.get("slots"):
                return {**record, "state": {**state, "slots": self.seal(state["slots"])}}
        return record


async def reseal_all(storage: Storage, old: Cipher, new: Cipher, say: Callable[[str], None]) -> int:
    """Seal everything sealed (or meant to be) with `new`; returns how many records it wrote."""
    resealer = Resealer(old, new)
    written = 0
    stores: list[Portable] = [await storage.conversations(), await storage.tickets()]
    for store in stores:
        for part in store.parts:
            # Read the whole part first: a replaced row may come back under a new row id.
            records = [resealer.record(part, r) async for r in store.export(part)]
            for start in range(0, len(records), BATCH):
                await store.restore(part, records[start : start + BATCH])
            say(f"{part}: {len(records)} sealed with the new key")
            written += len(records)
    return written

"""One asyncio lock per conversation, dropped when nobody holds or waits for it."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from types import TracebackType


class _Entry:
    """A conversation's lock and how many turns hold or wait for it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class _Hold:
    """`async with locks.hold(key)`: a small class, not a generator-made context manager (a
    turn's lock cost about as much as the wrapper), and a lock built only for a new key."""

    __slots__ = ("_entry", "_key", "_locks")

    def __init__(self, locks: dict[Hashable, _Entry], key: Hashable) -> None:
        self._locks = locks
        self._key = key

    async def __aenter__(self) -> None:
        entry = self._locks.get(self._key)
        if entry is None:
            entry = self._locks[self._key] = _Entry()
        entry.users += 1
        self._entry = entry
        try:
            await entry.lock.acquire()
        except BaseException:  # cancelled while waiting: no longer a user
            self._leave()
            raise

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._entry.lock.release()
        self._leave()

    def _leave(self) -> None:
        entry = self._entry
        entry.users -= 1
        if not entry.users:
            del self._locks[self._key]


class KeyedLocks:
    def __init__(self) -> None:
        self._locks: dict[Hashable, _Entry] = {}

    def hold(self, key: Hashable) -> _Hold:
        return _Hold(self._locks, key)

    def __len__(self) -> int:
        return len(self._locks)

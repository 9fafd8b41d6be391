"""A bounded memo of recent answers, least recently used first out.

Citizens send the same short texts over and over ("xin chào", "F1 cách ly mấy ngày"): the
NLU's parse and the FAQ's search of a text are pure functions of it (and of the model or the
index, whose owner drops the memo with them), so they are worked out once and kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
_MISSING = object()


class Lru(Generic[K, V]):
    """At most `size` answers; the least recently used goes first when a new one comes."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("an LRU memo keeps at least one answer")
        self.size = size
        self._kept: OrderedDict[K, V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, key: K, work_out: Callable[[K], V]) -> V:
        """The kept answer for `key`, else `work_out(key)`, kept. An answer that raises is not
        kept. Safe, if not exact in its counts, when threads share it (an evaluation run)."""
        kept = self._kept.get(key, _MISSING)
        if kept is _MISSING:
            self.misses += 1
            value = work_out(key)
            self.put(key, value)
            return value
        self._used(key)
        return kept  # type: ignore[return-value]

    def recall(self, key: K) -> V | None:
        """The kept answer for `key`, counted and moved up as just used; None on a miss (counted,
        nothing worked out: the caller fetches the answer itself and `put`s it)."""
        kept = self._kept.get(key)
        if kept is None:
            self.misses += 1
            return None
        self._used(key)
        return kept

    def _used(self, key: K) -> None:
        self.hits += 1
        try:
            self._kept.move_to_end(key)
        except KeyError:  # another thread pushed it out meanwhile
            pass

    def find(self, key: K) -> V | None:
        """The kept answer for `key`, or None (not counted, not moved up)."""
        return self._kept.get(key)

    def put(self, key: K, value: V) -> None:
        """Keep `value` for `key` as the most recently used answer."""
        self._kept[key] = value
        try:
            self._kept.move_to_end(key)  # a new answer for a kept key is its latest use
        except KeyError:  # another thread pushed it out meanwhile
            pass
        while len(self._kept) > self.size:
            try:
                self._kept.popitem(last=False)
            except KeyError:  # another thread emptied it meanwhile
                break

    def clear(self) -> None:
        self._kept.clear()

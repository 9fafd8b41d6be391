"""The bounded memo behind the NLU's and the FAQ's memos (hotline/lru.py)."""

from __future__ import annotations

import pytest

from hotline.lru import Lru


def test_it_never_grows_past_its_bound_and_drops_the_least_recently_used() -> None:
    memo: Lru[str, int] = Lru(3)
    worked: list[str] = []

    def work_out(key: str) -> int:
        worked.append(key)
        return len(key)

    for key in ("a", "bb", "ccc", "a", "dddd", "eeeee"):
        memo.get(key, work_out)
        assert len(memo) <= 3
    assert worked == ["a", "bb", "ccc", "dddd", "eeeee"]  # "a" came from the memo once
    assert (memo.hits, memo.misses) == (1, 5)
    # "a" was used after "bb" and "ccc": they went first, it stays.
    assert memo.find("a") == 1 and memo.find("bb") is None and memo.find("ccc") is None


def test_an_answer_that_raises_is_not_kept() -> None:
    memo: Lru[str, int] = Lru(2)

    def fails(key: str) -> int:
        raise ValueError(key)

    with pytest.raises(ValueError):
        memo.get("x", fails)
    assert len(memo) == 0
    assert memo.get("x", len) == 1


def test_a_memo_keeps_at_least_one_answer() -> None:
    with pytest.raises(ValueError):
        Lru(0)


def test_recall_moves_a_kept_answer_up_and_put_keeps_the_newest_answer_as_latest() -> None:
    memo: Lru[str, int] = Lru(2)
    assert memo.recall("a") is None  # a miss works nothing out
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.recall("a") == 1  # "a" is now the latest used: "b" goes first
    memo.put("c", 3)
    assert memo.find("b") is None and memo.find("a") == 1
    memo.put("a", 10)  # a new answer for "a" is its latest use: "c" goes first
    memo.put("d", 4)
    assert memo.find("c") is None and memo.find("a") == 10
    assert (memo.hits, memo.misses) == (1, 1)

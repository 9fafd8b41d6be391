"""What a careless or hostile client sends: JSON of any shape, shaped objects with wrong types,
raw bytes, and the probe's known killers (deep nesting, lone surrogates, a BOM, huge numbers)."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

T = TypeVar("T")
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "0001-01-01", "9999-12-31", "../../etc/passwd", "<script>", "\r\nBcc:"])
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
KILLERS = st.sampled_from(
    [
        b"[" * 20000 + b"]" * 20000,
        b'{"a":' * 500 + b"1" + b"}" * 500,
        b'{"sender": "f", "message": "\\ud800"}',
        b'{"text": "\\udfff"}',
        b"\xef\xbb\xbf{}",
        b"\xff\xfe\x00",
        b"null",
        b"[]",
        b"",
        b"{",
        b"1e999999",
        b'{"a": NaN}',
        b'{"district": 0, "lat": [1]}',
    ]
)


def dumps(value: Any) -> bytes:
    return json.dumps(value).encode()


def bodies(*keys: str) -> st.SearchStrategy[bytes]:
    """Bodies for an endpoint that reads these keys: mostly near-misses, some garbage."""
    shaped = st.fixed_dictionaries({}, optional={k: VALUES for k in keys})
    return st.one_of(shaped.map(dumps), VALUES.map(dumps), st.binary(max_size=120), KILLERS)


def queries(*keys: str) -> st.SearchStrategy[dict[str, str]]:
    text = st.text(st.characters(codec="utf-8"), max_size=25) | st.sampled_from(
        ["0001-01-01", "9999-12-31", "-1", "1e309", "2021-13-45T25:61", "/%09/evil.example"]
    )
    return st.dictionaries(st.sampled_from(keys), text, max_size=len(keys)) if keys else st.just({})


PATH_PARTS = st.text(st.characters(codec="utf-8"), min_size=1, max_size=20)


def examples(strategy: st.SearchStrategy[T], count: int) -> list[T]:
    """`count` inputs drawn by Hypothesis. Hypothesis cannot run an async test inside the app's
    event loop, so it draws here and the test sends them; a failure names its input."""
    found: list[T] = []

    @settings(max_examples=count, phases=[Phase.generate], database=None, deadline=None)
    @given(strategy)
    def collect(value: T) -> None:
        found.append(value)

    collect()
    return found

"""The one JSON reader for what outsiders send: every bad body refused as BadJson, never a crash."""

from __future__ import annotations

import pytest

from hotline import safe_json
from hotline.safe_json import BadJson


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"[" * 20000 + b"]" * 20000, "too_deep"),  # RecursionError in json before
        (b'{"a":' * 40 + b"1" + b"}" * 40, "too_deep"),
        (b'{"message": "\\ud800"}', "lone_surrogate"),  # UnicodeEncodeError in the store before
        (b'{"\\udfff": 1}', "lone_surrogate"),
        (b'{"a": ["x", {"b": "\\uDBFF"}]}', "lone_surrogate"),  # deep, in capitals
        (b"\xef\xbb\xbf{}", "not_json"),  # a byte-order mark
        (b"\xff\xfe{}", "invalid_utf8"),
        (b"{", "not_json"),
        (b"", "not_json"),
        (b"NaN", "not_json"),
    ],
)
def test_bad_bodies_are_refused_with_a_reason(raw: bytes, problem: str) -> None:
    with pytest.raises(BadJson) as refused:
        safe_json.parse(raw)
    assert refused.value.problem == problem and refused.value.status == 400
    assert refused.value.message  # Vietnamese, for the person


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    text = '{"a": "' + "[" * 500 + '\\"{{"}'
    assert safe_json.parse(text) == {"a": "[" * 500 + '"{{'}
    assert safe_json.depth(b'[[["]]]]]"]]]') == 3
    assert safe_json.parse(b"[" * 32 + b"]" * 32) is not None


def test_the_bracket_count_spares_only_bodies_that_cannot_nest_past_the_bound() -> None:
    """A body with no more opening brackets than the bound skips the walk; one more, in a string
    or not, and the walk decides: one level past the bound is refused, brackets in strings not."""
    bound = safe_json.MAX_DEPTH
    assert safe_json.parse(b"[" * bound + b"]" * bound) is not None
    with pytest.raises(BadJson) as refused:
        safe_json.parse(b"[" * (bound + 1) + b"]" * (bound + 1))
    assert refused.value.problem == "too_deep"
    nested_with_strings = b"[" * bound + b'"[{"' + b"]" * bound
    assert safe_json.depth(nested_with_strings) == bound
    assert safe_json.parse(nested_with_strings) is not None


def test_escapes_that_are_no_lone_surrogate_are_read() -> None:
    """Only a surrogate's escape makes the strings be walked; a pair, an escaped backslash
    before "ud800" and Vietnamese written raw or escaped are text."""
    assert safe_json.parse(b'{"a": "\\ud83d\\ude00"}') == {"a": "\U0001f600"}
    assert safe_json.parse(b'{"a": "\\\\ud800"}') == {"a": "\\ud800"}
    assert safe_json.parse('{"a": "Ho\u0300i \\u1ec7"}'.encode()) == {"a": "Ho\u0300i \u1ec7"}


def test_a_body_over_the_bound_is_refused_as_too_large() -> None:
    with pytest.raises(BadJson) as refused:
        safe_json.parse(b'"' + b"a" * 100 + b'"', max_bytes=50)
    assert refused.value.status == 413


def test_fields_are_checked_by_type() -> None:
    body = safe_json.parse_object(b'{"lat": [1], "long": "106.7", "big": "1e999", "t": 5}')
    with pytest.raises(BadJson, match="lat"):
        safe_json.number(body, "lat")
    assert safe_json.number(body, "long") == 106.7
    with pytest.raises(BadJson):
        safe_json.number(body, "big")
    assert safe_json.number(body, "absent") is None
    with pytest.raises(BadJson, match="wrong_type"):
        safe_json.text(body, "t")
    with pytest.raises(BadJson, match="missing"):
        safe_json.text(body, "absent")
    with pytest.raises(BadJson, match="not_object"):
        safe_json.parse_object(b"[1]")

"""The one way the hotline reads JSON that someone outside sent: a body, a socket frame.

Python's `json` takes what it should not: nesting deep enough to exhaust the stack (here or in
the code that walks the value later), lone surrogates (`"\\ud800"`) that no store can encode, a
byte-order mark, invalid UTF-8. `parse` refuses all of them with `BadJson`, which every endpoint
answers as a 400 whose keys are English and whose message is Vietnamese (`bad_json_answer`).

A leaf: the channels and the web app both import it, it imports neither.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from aiohttp import web

MAX_DEPTH = 32
MAX_BYTES = 64 * 1024

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")
# A lone surrogate can enter a value only through an escape (strict UTF-8 refuses an encoded
# one): `\\uD800`..`\\uDFFF`. An escaped backslash before "uD8" matches too: then the walk runs.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}

NOT_JSON = "Nội dung gửi lên không phải JSON hợp lệ."
TOO_DEEP = "Nội dung JSON lồng nhau quá sâu."
TOO_BIG = "Nội dung gửi lên quá lớn."
BAD_TEXT = "Nội dung có ký tự không hợp lệ."
NOT_OBJECT = "Nội dung phải là một đối tượng JSON."
WRONG_TYPE = "Trường {field} phải là {kind}."
MISSING = "Thiếu trường {field}."
WRONG_MEDIA = "Xin gửi nội dung dạng application/json."

_KINDS = {str: "chuỗi ký tự", int: "số nguyên", float: "số", bool: "true/false", list: "danh sách"}


@dataclass(frozen=True)
class BadJson(Exception):
    """What was wrong, in Vietnamese for the person and as a short English word for code."""

    message: str
    problem: str
    field: str | None = None
    status: int = 400

    def __str__(self) -> str:
        return f"{self.problem}: {self.message}"


def bad_json_answer(error: BadJson) -> web.Response:
    body: dict[str, Any] = {"error": error.message, "problem": error.problem}
    if error.field is not None:
        body["field"] = error.field
    return web.json_response(
        body, status=error.status, dumps=lambda v: json.dumps(v, ensure_ascii=False)
    )


def depth(raw: bytes) -> int:
    """How deeply arrays and objects nest, brackets inside strings not counted."""
    steps = (_STEP[m[0]] for m in _BRACKETS.findall(_STRINGS.sub(b"", raw)))
    return max(accumulate(steps, initial=0))


def parse(raw: bytes | str, max_depth: int = MAX_DEPTH, max_bytes: int | None = MAX_BYTES) -> Any:
    """The value `raw` holds, or BadJson."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if max_bytes is not None and len(data) > max_bytes:
        raise BadJson(TOO_BIG, "too_large", status=413)
    # No more opening brackets than the bound, in strings or not: it cannot nest deeper (the
    # common body, spared the walk over it).
    shallow = data.count(b"[") + data.count(b"{") <= max_depth
    if not shallow and depth(data) > max_depth:
        raise BadJson(TOO_DEEP, "too_deep")
    try:
        value = _DECODER.decode(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadJson(BAD_TEXT, "invalid_utf8") from exc
    except (ValueError, RecursionError) as exc:
        raise BadJson(NOT_JSON, "not_json") from exc
    if _SURROGATE_ESCAPE.search(data):  # else no string can hold one: spared the walk
        for text in _strings(value):
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise BadJson(BAD_TEXT, "lone_surrogate") from exc
    return value


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity: Python's extension


# What `json.loads(text, parse_constant=_not_json)` makes on every call, made once (its
# constructor cost about as much as decoding a REST message's body).
_DECODER = json.JSONDecoder(parse_constant=_not_json)


def _strings(value: Any) -> Iterator[str]:
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from item.keys()
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)


def parse_object(
    raw: bytes | str, max_depth: int = MAX_DEPTH, max_bytes: int | None = MAX_BYTES
) -> dict[str, Any]:
    value = parse(raw, max_depth, max_bytes)
    if not isinstance(value, dict):
        raise BadJson(NOT_OBJECT, "not_object")
    return value


async def read_object(request: web.Request, require_media_type: bool = True) -> dict[str, Any]:
    """A request's body as a JSON object; aiohttp bounds the body by the app's client_max_size."""
    if require_media_type and request.content_type != "application/json":
        raise BadJson(WRONG_MEDIA, "wrong_content_type", status=415)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge as exc:
        raise BadJson(TOO_BIG, "too_large", status=413) from exc
    return parse_object(raw, max_bytes=None)


def text(body: dict[str, Any], name: str, required: bool = True, limit: int = 4000) -> str | None:
    """A string field, stripped; None when absent and not required."""
    value = body.get(name)
    if value is None:
        if required:
            raise BadJson(MISSING.format(field=name), "missing", name)
        return None
    if not isinstance(value, str):
        raise BadJson(WRONG_TYPE.format(field=name, kind=_KINDS[str]), "wrong_type", name)
    if len(value) > limit:
        raise BadJson(TOO_BIG, "too_long", name)
    return value.strip()


def number(body: dict[str, Any], name: str) -> float | None:
    """A JSON number (a numeric string too, as forms send them); None when absent."""
    value = body.get(name)
    if value is None or value == "":
        return None
    wrong = BadJson(WRONG_TYPE.format(field=name, kind=_KINDS[float]), "wrong_type", name)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise wrong
    try:
        found = float(value)
    except (ValueError, OverflowError) as exc:
        raise wrong from exc
    if not math.isfinite(found):
        raise wrong
    return found

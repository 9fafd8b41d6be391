"""Middlewares every answer goes through: bad input answered as a 4xx, security headers.

The headers are set once here rather than per page: a page added later is covered without
anyone remembering to. The Content-Security-Policy allows the pages' own scripts, styles and
images only (the widget and console scripts are files under /static), no framing by another
site, and no plugins.
"""

from __future__ import annotations

from aiohttp import web
from aiohttp.typedefs import Handler

from hotline.safe_json import BadJson, bad_json_answer

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
}
# Answers that may carry a reporter's identity or a citizen's words: never kept by a cache.
PRIVATE_PREFIXES = (
    "/api/",
    "/admin",
    "/console",
    "/open311/v2/requests",
    "/status",
    "/login",
    "/webhooks/rest/",  # a citizen's replies: ticket codes, agents' answers
)


@web.middleware
async def refuse_bad_input(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Whatever a handler's JSON reader refused becomes a 4xx with the reason."""
    try:
        return await handler(request)
    except BadJson as error:
        return bad_json_answer(error)


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        _mark(request, exc)
        raise
    _mark(request, response)
    return response


def _mark(request: web.Request, response: web.StreamResponse) -> None:
    if response.prepared:  # a WebSocket or a stream: its headers are already sent
        return
    # On every answer, not only HTML: a file answer's type is known only once it is sent, and
    # a JSON answer opened as a page is a page too.
    for name, value in {**HEADERS, "Content-Security-Policy": CSP}.items():
        response.headers.setdefault(name, value)
    if request.path.startswith(PRIVATE_PREFIXES):
        response.headers["Cache-Control"] = "no-store"

"""The one middleware every answer goes through: what a handler raised becomes its answer (bad
input a 4xx, store trouble or a start not finished a 503), and security headers on all of them.
One middleware rather than one per concern: each costs a coroutine frame and aiohttp's wrapping
on every request, and none of them has anything to do before the handler runs.

The headers are set once here rather than per page: a page added later is covered without
anyone remembering to. The Content-Security-Policy allows the pages' own scripts, styles and
images only (the widget and console scripts are files under /static), no framing by another
site, and no plugins.
"""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from hotline.faq.knowledge import KnowledgeNotReady
from hotline.safe_json import BadJson, bad_json_answer
from hotline.web.starting import starting_response
from hotline.web.store_health import StoreHealth, trouble_answer

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
ALWAYS = (*HEADERS.items(), ("Content-Security-Policy", CSP))
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


def guarded(health: Callable[[], StoreHealth | None]) -> Middleware:
    """The middleware; `health` gives the running store health (None before start-up)."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            _mark(request, exc)
            raise
        except BadJson as error:  # whatever a handler's JSON reader refused, with the reason
            response = bad_json_answer(error)
        except KnowledgeNotReady:  # its wait for the first FAQ index ran out: not store trouble
            response = starting_response()
        except Exception as exc:
            trouble = trouble_answer(request, exc, health())
            if trouble is None:
                raise
            response = trouble
        _mark(request, response)
        return response

    return middleware


def _mark(request: web.Request, response: web.StreamResponse) -> None:
    if response.prepared:  # a WebSocket or a stream: its headers are already sent
        return
    # On every answer, not only HTML: a file answer's type is known only once it is sent, and
    # a JSON answer opened as a page is a page too.
    headers = response.headers
    for name, value in ALWAYS:
        if name not in headers:
            headers[name] = value
    if request.path.startswith(PRIVATE_PREFIXES):
        response.headers["Cache-Control"] = "no-store"

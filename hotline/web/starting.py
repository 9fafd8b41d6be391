"""Just after a start: a request that needs the first FAQ index and waited it out is told the
hotline is starting (503 JSON, Retry-After), which is not store trouble.

A citizen's message is stored before its turn waits, so the sweep answers it once the index is
built; the sender may also send it again (deduplicated by its message id)."""

from __future__ import annotations

from aiohttp import web

from hotline.bot.dialogs import texts
from hotline.channels.base import json_response

STARTING_RETRY_SECONDS = 10  # the FAQ index of a large FAQ may still be building


def starting_response() -> web.Response:
    body = {"error": "starting", "message": texts.STARTING}
    response = json_response(body, status=503)
    response.headers["Retry-After"] = str(STARTING_RETRY_SECONDS)
    return response

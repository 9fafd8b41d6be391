"""The staff's web API as routes for the app: log-in, the tickets API, reference data, Open311.

The FAQ API is mounted with the admin pages (hotline.web.admin.routes), which share its editor.
"""

from __future__ import annotations

from aiohttp import web

from hotline.web.api import (
    auth,
    broadcasts,
    open311,
    reference,
    ticket_actions,
    ticket_queue,
)


def routes() -> list[web.AbstractRouteDef]:
    return [
        *auth.routes(),
        *ticket_queue.routes(),
        *ticket_actions.routes(),
        *reference.routes(),
        *open311.routes(),
        *broadcasts.routes(),
    ]

"""Who is at the console, by the back office's login (session cookie or bearer token)."""

from __future__ import annotations

from aiohttp import web

from hotline.web.api.auth import SESSION_COOKIE
from hotline.web.console.feed import Viewer
from hotline.web.keys import CASEWORK


async def console_viewer(request: web.Request) -> Viewer | None:
    """The logged-in person, asked of the accounts each time (not cached on the request),
    because a live socket's request lasts for hours and must notice a logout."""
    accounts = request.app[CASEWORK].accounts
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        user = await accounts.user_for_token(token.strip())
    elif cookie := request.cookies.get(SESSION_COOKIE):
        found = await accounts.session(cookie)
        user = found[1] if found else None
    else:
        user = None
    return Viewer(user.name, user.role) if user else None

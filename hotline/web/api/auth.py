"""Logging in: the login page, console sessions in a cookie with CSRF tokens, bearer tokens.

A request is identified by `Authorization: Bearer <token>` (scripts, agencies' systems) or by the
session cookie (the console). Posts made with a cookie must carry the session's CSRF token in the
`X-CSRF-Token` header (or a `csrf_token` form field); bearer requests need none, since a browser
never adds that header on its own.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from hotline import safe_json
from hotline.handoff.users import Session, User, new_secret
from hotline.web.keys import CASEWORK
from hotline.web.render import html_response

SESSION_COOKIE = "hotline_session"
CSRF_COOKIE = "hotline_csrf"  # readable by the console's script, which sends it back as a header
LOGIN_COOKIE = "hotline_login"  # guards the login form itself (double submit)
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Identity:
    user: User
    session: Session | None = None  # None for a bearer token


IDENTITY = web.RequestKey("identity", Identity)  # set by `requires` for the handler


def _secure(request: web.Request) -> bool:
    # The scheme as `hotline.web.client_address` set it: https from a trusted proxy or when
    # the public URL is https; a client's own X-Forwarded-Proto is not believed.
    return request.secure


async def identify(request: web.Request) -> Identity | None:
    """Who made the request, by bearer token or session cookie; None for nobody.

    Looked up afresh on every call, so a long-lived socket that asks again notices a logout.
    """
    casework = request.app[CASEWORK]
    identity: Identity | None = None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        user = await casework.accounts.user_for_token(token.strip())
        identity = Identity(user) if user else None
    elif cookie := request.cookies.get(SESSION_COOKIE):
        found = await casework.accounts.session(cookie)
        identity = Identity(found[1], found[0]) if found else None
    if identity is not None:
        casework.activity.saw(identity.user.name)
    return identity


async def csrf_ok(request: web.Request, identity: Identity) -> bool:
    if request.method in SAFE_METHODS or identity.session is None:
        return True
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.content_type == "application/x-www-form-urlencoded":
        sent = str((await request.post()).get("csrf_token", ""))
    return bool(sent) and hmac.compare_digest(sent, identity.session.csrf)


def requires(*roles: str) -> Callable[[Handler], Handler]:
    """Only these roles may call the handler: 401 without a login, 403 for another role or a
    cookie post without the CSRF token. The handler finds the user with `user_of(request)`."""

    def wrap(handler: Handler) -> Handler:
        @wraps(handler)
        async def checked(request: web.Request) -> web.StreamResponse:
            identity = await identify(request)
            if identity is None:
                return _error(401, "login required", {"WWW-Authenticate": "Bearer"})
            if roles and identity.user.role not in roles:
                return _error(403, "your role may not do this")
            if not await csrf_ok(request, identity):
                return _error(403, f"missing or wrong {CSRF_HEADER}")
            request[IDENTITY] = identity
            return await handler(request)

        return checked

    return wrap


def user_of(request: web.Request) -> User:
    return request[IDENTITY].user


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=headers)


# ---- the login page (api/templates/login.html) ----------------------------------------------

BAD_LOGIN = "Sai tên đăng nhập hoặc mật khẩu."
LOCKED = "Đăng nhập sai quá nhiều lần. Tài khoản tạm khóa, xin thử lại sau {minutes} phút."
EXPIRED_FORM = "Phiên đăng nhập đã hết hạn, xin thử lại."


def _see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _next(value: str | None) -> str:
    """Only a path on this site: never `//evil.example`, a full URL, or a path a browser would
    read as one once it drops tabs and line breaks (`/\t/evil.example`); nothing that could
    split the Location header."""
    if value and local_path(value):
        return value
    return "/console"


def local_path(value: str) -> bool:
    if len(value) > 2000 or not value.startswith("/"):
        return False
    if any(c.isspace() or c == "\\" or ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value):
        return False
    parts = urlsplit(value)
    return not value.startswith("//") and not parts.scheme and not parts.netloc


def _page(
    request: web.Request, status: int = 200, error: str = "", name: str = "", after: str = ""
) -> web.Response:
    token = new_secret()
    response = html_response(
        "api/login.html",
        status=status,
        error=error,
        csrf=token,
        next=_next(after or request.query.get("next")),
        name=name,
    )
    response.set_cookie(
        LOGIN_COOKIE, token, httponly=True, samesite="Strict", secure=_secure(request), path="/"
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def login_page(request: web.Request) -> web.Response:
    return _page(request)


async def log_in(request: web.Request) -> web.StreamResponse:
    """Form posts (the page) answer with pages and a redirect; JSON posts answer JSON."""
    as_json = request.content_type == "application/json"
    after = ""
    if as_json:
        body: dict[str, Any] = await safe_json.read_object(request)
    else:
        body = dict(await request.post())
        after = str(body.get("next", ""))
        sent, expected = str(body.get("csrf_token", "")), request.cookies.get(LOGIN_COOKIE, "")
        if not sent or not expected or not hmac.compare_digest(sent, expected):
            return _page(request, 403, EXPIRED_FORM, after=after)
    name = str(body.get("username") or body.get("name") or "").strip()
    password = str(body.get("password") or "")
    casework = request.app[CASEWORK]
    login = await casework.accounts.log_in(name, password, request.remote or "")
    if login.refused:
        status = 429 if login.refused == "locked" else 401
        minutes = int(casework.accounts.policy.window.total_seconds() // 60)
        message = LOCKED.format(minutes=minutes) if login.refused == "locked" else BAD_LOGIN
        return _error(status, message) if as_json else _page(request, status, message, name, after)
    assert login.user and login.session and login.session_id
    if as_json:
        response: web.StreamResponse = web.json_response(
            {"user": login.user.public(), "csrf_token": login.session.csrf}
        )
    else:
        response = _see_other(_next(after))
    max_age = int(casework.accounts.policy.session_length.total_seconds())
    secure = _secure(request)
    response.set_cookie(
        SESSION_COOKIE,
        login.session_id,
        httponly=True,
        samesite="Lax",
        secure=secure,
        max_age=max_age,
        path="/",
    )
    response.set_cookie(
        CSRF_COOKIE, login.session.csrf, samesite="Strict", secure=secure, max_age=max_age, path="/"
    )
    response.del_cookie(LOGIN_COOKIE, path="/")
    return response


@requires()
async def log_out(request: web.Request) -> web.StreamResponse:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        await request.app[CASEWORK].accounts.log_out(cookie)
    wants_json = request.content_type == "application/json" or "json" in request.headers.get(
        "Accept", ""
    )
    response: web.StreamResponse = (
        web.json_response({"ok": True})
        if wants_json
        else _see_other("/login?" + urlencode({"next": "/console"}))
    )
    response.del_cookie(SESSION_COOKIE, path="/")
    response.del_cookie(CSRF_COOKIE, path="/")
    return response


@requires()
async def me(request: web.Request) -> web.Response:
    """Who is logged in, and the CSRF token the console sends with its posts."""
    identity = request[IDENTITY]
    csrf = identity.session.csrf if identity.session else None
    return web.json_response({"user": identity.user.public(), "csrf_token": csrf})


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/login", login_page),
        web.post("/login", log_in),
        web.post("/logout", log_out),
        web.get("/api/me", me),
    ]

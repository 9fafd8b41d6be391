"""Who may open an admin page: the back office's own login, answered as pages.

Anonymous visitors are sent to the login page and come back after; a logged-in person whose
role may not see the page gets a 403 page; a form post without the session's CSRF token
(`csrf_token` field or `X-CSRF-Token` header) is refused with 403.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from urllib.parse import urlencode

from aiohttp import web

from hotline.handoff.users import Role
from hotline.web.admin.layout import Viewer, page
from hotline.web.api.auth import IDENTITY, csrf_ok, identify

PageHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]

ADMINS = (Role.ADMIN,)


def viewer(request: web.Request) -> Viewer:
    identity = request[IDENTITY]
    csrf = identity.session.csrf if identity.session else ""
    return Viewer(identity.user.name, identity.user.role, csrf)


def page_for(*roles: Role) -> Callable[[PageHandler], PageHandler]:
    def wrap(handler: PageHandler) -> PageHandler:
        @wraps(handler)
        async def checked(request: web.Request) -> web.StreamResponse:
            identity = await identify(request)
            if identity is None:
                if request.method != "GET":
                    raise web.HTTPUnauthorized(text="login required")
                target = "/login?" + urlencode({"next": request.path_qs})
                raise web.HTTPSeeOther(target)
            request[IDENTITY] = identity
            if identity.user.role not in roles:
                return refused(request, "Vai trò của bạn không được mở trang này.")
            if not await csrf_ok(request, identity):
                return refused(request, "Biểu mẫu đã hết hạn (thiếu mã CSRF). Xin tải lại trang.")
            return await handler(request)

        return checked

    return wrap


def refused(request: web.Request, why: str) -> web.Response:
    return page(viewer(request), "Không có quyền", "refused.html", status=403, why=why)

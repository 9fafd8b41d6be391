"""People and roles: the list, adding a person, and resetting a password."""

from __future__ import annotations

import asyncio

from aiohttp import web

from hotline.handoff.passwords import MIN_LENGTH, hash_password
from hotline.handoff.users import ROLES, UserExists
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import ROLE_NAMES, page, see_other
from hotline.web.keys import ADMIN_TOOLS, CASEWORK

NOTICES = {"added": "Đã thêm người dùng.", "password": "Đã đặt lại mật khẩu."}


@page_for(*ADMINS)
async def users_page(request: web.Request) -> web.StreamResponse:
    return await _page(request, msg=request.query.get("msg", ""))


@page_for(*ADMINS)
async def add_user(request: web.Request) -> web.StreamResponse:
    form = {k: str(v).strip() for k, v in (await request.post()).items()}
    accounts = request.app[CASEWORK].accounts
    try:
        await accounts.add_user(
            form.get("name", ""),
            form.get("role", ""),
            form.get("password", ""),
            form.get("team") or None,
            form.get("agency") or None,
        )
    except UserExists:
        return await _page(request, error="Tên đăng nhập này đã có.", status=400)
    except ValueError as exc:
        return await _page(request, error=f"Chưa thêm được: {exc}", status=400)
    return see_other("/admin/users?msg=added")


@page_for(*ADMINS)
async def reset_password(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    password = str((await request.post()).get("password", ""))
    users = request.app[ADMIN_TOOLS].hotline.users
    if await users.get(name) is None:
        raise web.HTTPNotFound(text="không có người dùng này")
    try:
        password_hash = await asyncio.to_thread(hash_password, password)
    except ValueError:
        error = f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự."
        return await _page(request, error=error, status=400)
    await users.set_password(name, password_hash)
    return see_other("/admin/users?msg=password")


async def _page(
    request: web.Request, msg: str = "", error: str = "", status: int = 200
) -> web.Response:
    users = sorted(
        await request.app[ADMIN_TOOLS].hotline.users.list(), key=lambda u: (u.role, u.name)
    )
    return page(
        viewer(request),
        "Người dùng",
        "users.html",
        status=status,
        active="/admin/users",
        users=users,
        roles=[(r, ROLE_NAMES[r]) for r in ROLES],
        role_names=ROLE_NAMES,
        min_length=MIN_LENGTH,
        notice=NOTICES.get(msg, ""),
        error=error,
    )

"""People and roles: the list, adding a person, and resetting a password."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

from aiohttp import web

from hotline.handoff.passwords import MIN_LENGTH, hash_password
from hotline.handoff.users import ROLES, UserExists
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import (
    ROLE_NAMES,
    e,
    notice,
    options,
    page,
    post_form,
    see_other,
    table,
)
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
    who = viewer(request)
    rows = []
    for user in sorted(
        await request.app[ADMIN_TOOLS].hotline.users.list(), key=lambda u: (u.role, u.name)
    ):
        reset = post_form(
            who,
            f"/admin/users/{quote(user.name)}/password",
            f'<input type="password" name="password" minlength="{MIN_LENGTH}" required'
            f' autocomplete="new-password" aria-label="Mật khẩu mới cho {e(user.name)}"'
            ' placeholder="mật khẩu mới"><button class="small">Đặt lại</button>',
            "reset",
        )
        rows.append(
            (
                e(user.name),
                e(ROLE_NAMES.get(user.role, user.role)),
                e(user.team or "—"),
                e(user.agency or "—"),
                "Đang dùng" if user.active else "Đã khóa",
                reset,
            )
        )
    roles = options(((r, ROLE_NAMES[r]) for r in ROLES), "agent")
    add = post_form(
        who,
        "/admin/users",
        '<label>Tên đăng nhập<input name="name" required pattern="[A-Za-z0-9_.@-]{2,64}"></label>'
        f'<label>Vai trò<select name="role">{roles}</select></label>'
        f"<label>Mật khẩu (ít nhất {MIN_LENGTH} ký tự)"
        '<input name="password" type="password" required autocomplete="new-password"></label>'
        '<label>Tổ (không bắt buộc)<input name="team"></label>'
        '<label>Cơ quan (chỉ với vai trò cơ quan chức năng)<input name="agency"></label>'
        "<button>Thêm người dùng</button>",
        "block",
    )
    body = f"""<h1>Người dùng và vai trò</h1>{notice(NOTICES.get(msg, ""))}{notice(error, "error")}
<div class="columns"><section class="card wide">
{table(("Tên", "Vai trò", "Tổ", "Cơ quan", "Trạng thái", "Đặt lại mật khẩu"), rows)}</section>
<aside class="card"><h2>Thêm người dùng</h2>{add}</aside></div>"""
    return page(who, "Người dùng", body, status=status, active="/admin/users")

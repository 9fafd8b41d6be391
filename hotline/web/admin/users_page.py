"""People and roles: the list, adding a person, and resetting a password."""

from __future__ import annotations

import asyncio
import re

from aiohttp import web

from hotline.handoff.passwords import MIN_LENGTH, hash_password
from hotline.handoff.users import ROLES, Role, UserExists
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import ROLE_NAMES, page, see_other
from hotline.web.keys import ADMIN_TOOLS, CASEWORK

NOTICES = {"added": "Đã thêm người dùng.", "password": "Đã đặt lại mật khẩu."}
NAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")  # the same rule as User.new, said in Vietnamese
BAD_NAME = "Tên đăng nhập gồm 2-64 chữ cái không dấu, chữ số hoặc các dấu . _ @ -."
BAD_ROLE = "Hãy chọn một vai trò trong danh sách."
BAD_AGENCY = "Chỉ người của cơ quan chức năng mới có cơ quan, và họ phải ghi tên cơ quan."
SHORT_PASSWORD = "Mật khẩu cần ít nhất {n} ký tự."
NOT_ADDED = "Chưa thêm được người dùng; hãy kiểm tra lại các ô."


def form_problem(form: dict[str, str]) -> str | None:
    """What is wrong with a new person's form, in Vietnamese; None when nothing is."""
    if not NAME.match(form.get("name", "")):
        return BAD_NAME
    role = form.get("role", "")
    if role not in ROLES:
        return BAD_ROLE
    if (role == Role.AGENCY) != bool(form.get("agency")):
        return BAD_AGENCY
    if len(form.get("password", "")) < MIN_LENGTH:
        return SHORT_PASSWORD.format(n=MIN_LENGTH)
    return None


@page_for(*ADMINS)
async def users_page(request: web.Request) -> web.StreamResponse:
    return await _page(request, msg=request.query.get("msg", ""))


@page_for(*ADMINS)
async def add_user(request: web.Request) -> web.StreamResponse:
    form = {k: str(v).strip() for k, v in (await request.post()).items()}
    accounts = request.app[CASEWORK].accounts
    problem = form_problem(form)
    if problem:
        return await _page(request, error=problem, status=400)
    try:
        await accounts.add_user(
            form.get("name", ""),
            form.get("role", ""),
            form.get("password", ""),
            form.get("team") or None,
            form.get("agency") or None,
            form.get("display_name") or None,
        )
    except UserExists:
        return await _page(request, error="Tên đăng nhập này đã có.", status=400)
    except ValueError:
        return await _page(request, error=NOT_ADDED, status=400)
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

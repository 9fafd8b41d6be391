"""People and roles: the list, adding a person, resetting a password, changing a role,
deactivating, and revoking bearer tokens. A password, role or status change ends that person's
sessions and tokens at once (`Accounts.cut_off`)."""

from __future__ import annotations

import re

from aiohttp import web

from hotline.handoff.passwords import MIN_LENGTH
from hotline.handoff.users import ROLES, Role, UserExists
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import ROLE_NAMES, page, see_other
from hotline.web.keys import ADMIN_TOOLS, CASEWORK

NOTICES = {
    "added": "Đã thêm người dùng.",
    "password": "Đã đặt lại mật khẩu; các phiên đăng nhập và mã truy cập cũ đã bị hủy.",
    "role": "Đã đổi vai trò; các phiên đăng nhập và mã truy cập cũ đã bị hủy.",
    "active": "Đã đổi trạng thái tài khoản; các phiên đăng nhập và mã truy cập cũ đã bị hủy.",
    "revoked": "Đã thu hồi mã truy cập.",
}
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
    try:
        await request.app[CASEWORK].accounts.change_password(name, password)
    except KeyError as exc:
        raise web.HTTPNotFound(text="không có người dùng này") from exc
    except ValueError:
        error = f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự."
        return await _page(request, error=error, status=400)
    return see_other("/admin/users?msg=password")


@page_for(*ADMINS)
async def change_role(request: web.Request) -> web.StreamResponse:
    role = str((await request.post()).get("role", ""))
    if role not in ROLES:
        return await _page(request, error="Vai trò không hợp lệ.", status=400)
    try:
        await request.app[CASEWORK].accounts.change_role(request.match_info["name"], role)
    except KeyError as exc:
        raise web.HTTPNotFound(text="không có người dùng này") from exc
    return see_other("/admin/users?msg=role")


@page_for(*ADMINS)
async def set_active(request: web.Request) -> web.StreamResponse:
    active = str((await request.post()).get("active", "")) == "1"
    name = request.match_info["name"]
    if not active and name == viewer(request).name:
        return await _page(request, error="Không thể tự khóa tài khoản của mình.", status=400)
    try:
        await request.app[CASEWORK].accounts.set_active(name, active)
    except KeyError as exc:
        raise web.HTTPNotFound(text="không có người dùng này") from exc
    return see_other("/admin/users?msg=active")


@page_for(*ADMINS)
async def revoke_tokens(request: web.Request) -> web.StreamResponse:
    token_id = str((await request.post()).get("token", "")).strip() or None
    await request.app[CASEWORK].accounts.revoke(request.match_info["name"], token_id)
    return see_other("/admin/users?msg=revoked")


async def _page(
    request: web.Request, msg: str = "", error: str = "", status: int = 200
) -> web.Response:
    users = sorted(
        await request.app[ADMIN_TOOLS].hotline.users.list(), key=lambda u: (u.role, u.name)
    )
    accounts = request.app[CASEWORK].accounts
    tokens = {u.name: await accounts.tokens(u.name) for u in users}
    return page(
        viewer(request),
        "Người dùng",
        "users.html",
        status=status,
        active="/admin/users",
        users=users,
        tokens=tokens,
        roles=[(r, ROLE_NAMES[r]) for r in ROLES],
        role_names=ROLE_NAMES,
        min_length=MIN_LENGTH,
        notice=NOTICES.get(msg, ""),
        error=error,
    )

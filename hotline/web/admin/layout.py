"""The admin pages' shell: who is looking, the navigation by role, and the page response."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from hotline.handoff.users import SUPERVISING, Role
from hotline.web.render import render

_ADMIN = (Role.ADMIN,)
# (path, label, roles that see it)
NAV: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("/admin/faq", "Hỏi đáp (FAQ)", _ADMIN),
    ("/admin/unanswered", "Chưa trả lời được", _ADMIN),
    ("/admin/dashboard", "Bảng số liệu", SUPERVISING),
    ("/admin/notices", "Thông báo", SUPERVISING),
    ("/admin/rules", "Chuyển xử lý", _ADMIN),
    ("/admin/categories", "Thời hạn, câu mẫu", _ADMIN),
    ("/admin/users", "Người dùng", _ADMIN),
)
ROLE_NAMES = {
    Role.AGENT: "Tổng đài viên",
    Role.SUPERVISOR: "Giám sát viên",
    Role.ADMIN: "Quản trị",
    Role.AGENCY: "Cơ quan chức năng",
}
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"
    ),
}


@dataclass(frozen=True)
class Viewer:
    name: str
    role: Role
    csrf: str


def page(
    viewer: Viewer,
    title: str,
    template: str,
    status: int = 200,
    active: str = "",
    **context: Any,
) -> web.Response:
    """An admin page: `template` (under admin/templates) extends the layout with its content."""
    document = render(
        f"admin/{template}",
        viewer=viewer,
        title=title,
        active=active,
        nav=[(path, label) for path, label, roles in NAV if viewer.role in roles],
        role_name=ROLE_NAMES.get(viewer.role, viewer.role),
        **context,
    )
    return web.Response(
        text=document, status=status, content_type="text/html", headers=SECURITY_HEADERS
    )


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})

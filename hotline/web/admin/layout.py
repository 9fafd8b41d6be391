"""The admin pages' shell: header, navigation by role, and small HTML helpers that escape."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from aiohttp import web

# (path, label, roles that see it)
NAV: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("/admin/faq", "Hỏi đáp (FAQ)", ("admin",)),
    ("/admin/unanswered", "Chưa trả lời được", ("admin",)),
    ("/admin/dashboard", "Bảng số liệu", ("supervisor", "admin")),
    ("/admin/rules", "Chuyển xử lý", ("admin",)),
    ("/admin/categories", "Thời hạn, câu mẫu", ("admin",)),
    ("/admin/users", "Người dùng", ("admin",)),
)
ROLE_NAMES = {
    "agent": "Tổng đài viên",
    "supervisor": "Giám sát viên",
    "admin": "Quản trị",
    "agency": "Cơ quan chức năng",
}


@dataclass(frozen=True)
class Viewer:
    name: str
    role: str
    csrf: str


def e(value: object) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def csrf_field(viewer: Viewer) -> str:
    return f'<input type="hidden" name="csrf_token" value="{e(viewer.csrf)}">'


def post_form(viewer: Viewer, action: str, inner: str, cls: str = "inline") -> str:
    start = f'<form method="post" action="{e(action)}" class="{e(cls)}">'
    return f"{start}{csrf_field(viewer)}{inner}</form>"


def options(choices: Iterable[tuple[str, str]], selected: str | None) -> str:
    return "".join(
        f'<option value="{e(v)}"{" selected" if v == selected else ""}>{e(label)}</option>'
        for v, label in choices
    )


def table(head: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """Rows are already-escaped HTML cells."""
    th = "".join(f"<th>{e(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{e(cls)}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def notice(text: str, kind: str = "ok") -> str:
    return f'<p class="notice {e(kind)}" role="status">{e(text)}</p>' if text else ""


def page(
    viewer: Viewer, title: str, body: str, status: int = 200, active: str = ""
) -> web.Response:
    links = "".join(
        f'<a href="{e(path)}"{" aria-current=page" if path == active else ""}>{e(label)}</a>'
        for path, label, roles in NAV
        if viewer.role in roles
    )
    logout = post_form(viewer, "/logout", '<button class="link">Đăng xuất</button>')
    document = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · Quản trị Tổng đài 1022</title>
<link rel="icon" href="/static/favicon.svg">
<link rel="stylesheet" href="/admin/static/admin.css">
<script src="/admin/static/admin.js" defer></script>
</head><body>
<header class="top"><a class="brand" href="/admin">Tổng đài 1022 · Quản trị</a>
<nav aria-label="Trang quản trị">{links}</nav>
<div class="who"><span>{e(viewer.name)} · {e(ROLE_NAMES.get(viewer.role, viewer.role))}</span>
{logout}</div>
</header>
<main>{body}</main>
</body></html>"""
    response = web.Response(text=document, status=status, content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"
    )
    return response


def see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})

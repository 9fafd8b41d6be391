"""Mounting the admin pages and the FAQ API on the application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from aiohttp import web

from bot.admin.guard import page_for, viewer
from bot.admin.layout import see_other

STATIC = Path(__file__).parent / "static"


def setup_admin(app: web.Application) -> None:
    """Build the admin services once the hotline is open (append after the hotline's context)."""
    from bot.admin import faq_pages, transfer, trying, unanswered_page
    from bot.admin.services import ADMIN, open_admin
    from bot.api import faq as faq_api
    from bot.app import HOTLINE

    async def admin_ctx(app: web.Application) -> AsyncIterator[None]:
        app[ADMIN] = await open_admin(app[HOTLINE])
        yield

    app.cleanup_ctx.append(admin_ctx)
    app.add_routes(faq_api.routes())
    app.add_routes(
        [
            web.get("/admin", home),
            web.get("/admin/", home),
            web.get("/admin/faq", faq_pages.faq_list),
            web.get("/admin/faq/new", faq_pages.faq_new),
            web.post("/admin/faq/new", faq_pages.faq_save),
            web.get("/admin/faq/transfer", transfer.transfer_page),
            web.get("/admin/faq/export", transfer.export_file),
            web.post("/admin/faq/import", transfer.import_file),
            web.get("/admin/faq/{id}", faq_pages.faq_edit),
            web.post("/admin/faq/{id}", faq_pages.faq_save),
            web.post("/admin/faq/{id}/rollback", faq_pages.faq_rollback),
            web.post("/admin/faq/{id}/delete", faq_pages.faq_delete),
            web.get("/admin/try", trying.try_fragment),
            web.get("/admin/unanswered", unanswered_page.unanswered_list),
        ]
    )
    app.router.add_static("/admin/static/", STATIC, append_version=False)


@page_for("supervisor", "admin")
async def home(request: web.Request) -> web.StreamResponse:
    return see_other("/admin/faq" if viewer(request).role == "admin" else "/admin/dashboard")

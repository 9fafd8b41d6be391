"""The admin pages and the FAQ API as routes for the application."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from hotline.handoff.users import SUPERVISING, Role
from hotline.web.admin import (
    categories_page,
    dashboard_page,
    faq_pages,
    notices_page,
    rules_pages,
    transfer,
    trying,
    unanswered_page,
    users_page,
)
from hotline.web.admin.guard import page_for, viewer
from hotline.web.admin.layout import see_other
from hotline.web.api import faq as faq_api
from hotline.web.static_files import static_route

STATIC = Path(__file__).parent / "static"


def routes() -> list[web.AbstractRouteDef]:
    """The FAQ API and the admin pages; they work with the admin tools (`ADMIN_TOOLS`)."""
    return [
        *faq_api.routes(),
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
        web.post("/admin/unanswered/dismiss", unanswered_page.dismiss),
        web.post("/admin/unanswered/variant", unanswered_page.add_variants),
        web.get("/admin/dashboard", dashboard_page.dashboard_page),
        web.get("/admin/dashboard.csv", dashboard_page.dashboard_csv),
        web.get("/admin/rules", rules_pages.rules_page),
        web.post("/admin/rules", rules_pages.save_rules),
        web.post("/admin/rules/agencies", rules_pages.save_agency),
        web.post("/admin/rules/rule", rules_pages.save_rule),
        web.get("/admin/categories", categories_page.categories_page),
        web.post("/admin/categories/deadlines", categories_page.save_deadlines),
        web.post("/admin/categories/canned", categories_page.save_canned),
        web.post("/admin/categories/canned/one", categories_page.save_one_canned),
        web.get("/admin/users", users_page.users_page),
        web.post("/admin/users", users_page.add_user),
        web.post("/admin/users/{name}/password", users_page.reset_password),
        web.get("/admin/notices", notices_page.notices_page),
        web.post("/admin/notices", notices_page.write_notice),
        web.get(r"/admin/notices/{id:\d+}", notices_page.notice_page),
        web.post("/admin/users/{name}/role", users_page.change_role),
        web.post("/admin/users/{name}/active", users_page.set_active),
        web.post("/admin/users/{name}/tokens/revoke", users_page.revoke_tokens),
        static_route("/admin/static/", STATIC),
    ]


@page_for(*SUPERVISING)
async def home(request: web.Request) -> web.StreamResponse:
    return see_other("/admin/faq" if viewer(request).role == Role.ADMIN else "/admin/dashboard")

"""The portal's routes: the report form, the status page, and the same as JSON for the app.

Neither the pages nor the JSON ever show who reported: a lookup by code answers the ticket's
category, status, deadline and the agency's answers, nothing of the reporter or the transcript.
"""

from __future__ import annotations

import hashlib
import math
import secrets
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from hotline import safe_json
from hotline.bot.media import MediaRejected, MediaStore
from hotline.channels.base import json_error, json_response
from hotline.config import Settings
from hotline.handoff.codes import find_code
from hotline.handoff.redact import redact
from hotline.handoff.tickets import Ticket
from hotline.web.keys import HOTLINE
from hotline.web.portal import pages
from hotline.web.portal.guard import COOKIE, ClientQuota, Csrf
from hotline.web.portal.reports import Report, check, contact_fields
from hotline.web.portal.uploads import read_form
from hotline.web.static_files import static_route

STATIC = Path(__file__).parent / "static"
FIELDS = ("category", "description", "district", "ward", "address", "occurred_at")
CONTACT = ("name", "phone", "email")


class Portal:
    """The portal's pages and API, mounted on the app; the hotline is reached through its key."""

    def __init__(self, media: MediaStore, settings: Settings) -> None:
        self.media = media
        self.settings = settings
        # Without a configured secret each process has its own: forms outlive no restart then.
        secret = settings.secret_key.encode() or secrets.token_bytes(32)
        self.csrf = Csrf(hashlib.sha256(b"portal-csrf\n" + secret).digest())
        self.reports = ClientQuota(
            settings.portal_reports_per_window, settings.portal_window_seconds
        )
        self.lookups = ClientQuota(30, 60.0)

    def mount(self, app: web.Application) -> None:
        app.router.add_get("/report", self.form)
        app.router.add_post("/report", self.submit)
        app.router.add_get("/status", self.status)
        app.router.add_post("/api/reports", self.api_file)
        app.router.add_get("/api/reports/{code}", self.api_status)
        app.add_routes([static_route("/portal-static/", STATIC)])

    # The form.

    async def form(self, request: web.Request) -> web.Response:
        return self._form(request, {}, {}, Csrf.new_nonce())

    def _form(
        self,
        request: web.Request,
        values: dict[str, str],
        errors: dict[str, str],
        nonce: str,
        status: int = 200,
    ) -> web.Response:
        browser = request.cookies.get(COOKIE) or Csrf.new_browser_id()
        html = pages.report_page(
            request.app[HOTLINE].units,
            values,
            errors,
            nonce,
            self.csrf.token(browser, nonce),
            self.settings.portal_max_photos,
            self.settings.portal_photo_max_bytes,
        )
        response = _html(html, status)
        if request.cookies.get(COOKIE) != browser:
            response.set_cookie(COOKIE, browser, httponly=True, samesite="Strict", path="/")
        return response

    async def submit(self, request: web.Request) -> web.Response:
        client = request.remote or "unknown"
        wait = self.reports.retry_after(client)
        if wait > 0:
            return _limited_page(wait)
        try:
            posted = await read_form(
                request, self.settings.portal_photo_max_bytes, self.settings.portal_max_photos
            )
        except web.HTTPRequestEntityTooLarge:
            return _html(pages.message_page("Dữ liệu quá lớn", TOO_LARGE), 413)
        fields = posted.fields
        nonce = fields.get("nonce", "")
        if not self.csrf.valid(request.cookies.get(COOKIE), nonce, fields.get("csrf", "")):
            return _html(pages.message_page("Mẫu đã hết hạn", STALE_FORM), 403)
        units = request.app[HOTLINE].units
        report, errors = check(fields, units)
        if posted.problems:
            errors["photos"] = " ".join([*posted.problems, PICK_AGAIN])
        values = {k: fields.get(k, "") for k in (*FIELDS, *CONTACT)}
        if report is None or errors:
            return self._form(request, values, errors, nonce, status=400)
        if not self.reports.take(client):
            return _limited_page(self.reports.retry_after(client))
        evidence: list[dict[str, Any]] = []
        try:
            for name, data in posted.photos:
                ref = await self.media.save(data)
                evidence.append({"kind": "photo", "url": ref, "caption": name})
        except MediaRejected as exc:  # checked already; a changed limit would land here
            errors["photos"] = f"{exc}. {PICK_AGAIN}"
            return self._form(request, values, errors, nonce, status=400)
        ticket = await self._file(request, report, f"portal:{nonce}", tuple(evidence))
        return _html(pages.filed_page(ticket))

    # Status by code.

    async def status(self, request: web.Request) -> web.Response:
        typed = request.query.get("code", "").strip()
        if not typed:
            return _html(pages.status_page("", None, None))
        wait = self.lookups.retry_after(request.remote or "unknown")
        if wait > 0 or not self.lookups.take(request.remote or "unknown"):
            return _limited_page(max(wait, 1.0))
        ticket = await self._ticket(request, typed)
        if ticket is None:
            error = f"Không tìm thấy phản ánh mã {typed[:40]}. Xin kiểm tra lại mã."
            return _html(pages.status_page(typed, None, error), 404)
        return _html(pages.status_page(ticket.code, ticket, None))

    # JSON for the mobile app.

    async def api_file(self, request: web.Request) -> web.Response:
        client = request.remote or "unknown"
        wait = self.reports.retry_after(client)
        if wait > 0:
            return _limited_json(wait)
        body = await safe_json.read_object(request)
        report, errors = check(
            {**{k: body.get(k, "") for k in FIELDS}, **contact_fields(body)},
            request.app[HOTLINE].units,
        )
        if report is None:
            return json_response({"error": "invalid report", "fields": errors}, status=400)
        if not self.reports.take(client):
            return _limited_json(self.reports.retry_after(client))
        key = request.headers.get("Idempotency-Key", "")[:64] or uuid.uuid4().hex
        ticket = await self._file(request, report, f"portal:api:{key}", ())
        return json_response({"code": ticket.code, "due_at": ticket.due_at.isoformat()}, 201)

    async def api_status(self, request: web.Request) -> web.Response:
        client = request.remote or "unknown"
        if not self.lookups.take(client):
            return _limited_json(self.lookups.retry_after(client))
        ticket = await self._ticket(request, request.match_info["code"])
        if ticket is None:
            return json_error(404, "no report with this code")
        return json_response(public_status(ticket))

    # Shared.

    async def _file(
        self,
        request: web.Request,
        report: Report,
        source_key: str,
        evidence: tuple[dict[str, Any], ...],
    ) -> Ticket:
        draft = report.draft(source_key, evidence, datetime.now(UTC))
        return await request.app[HOTLINE].desk.file(draft, actor="portal")

    async def _ticket(self, request: web.Request, typed: str) -> Ticket | None:
        code = find_code(typed) or typed.strip().upper()
        return await request.app[HOTLINE].desk.store.get(code)


def public_status(ticket: Ticket) -> dict[str, Any]:
    """What anyone holding the code may know: no reporter, no agent, no internal note."""
    updates: list[dict[str, Any]] = []
    for event in ticket.history:
        if event.action == "answer" and event.note:
            answer = redact(event.note, ticket.reporter)
            updates.append({"at": event.at.isoformat(), "answer": answer})
        elif event.status:
            updates.append({"at": event.at.isoformat(), "status": event.status})
    return {
        "code": ticket.code,
        "category": ticket.category,
        "status": ticket.status,
        "due_at": ticket.due_at.isoformat(),
        "updates": updates,
    }


TOO_LARGE = "Dữ liệu gửi lên quá lớn. Xin gửi tối đa 3 ảnh, mỗi ảnh không quá 5 MB."
STALE_FORM = (
    "Mẫu phản ánh đã hết hạn hoặc không gửi từ trang của Tổng đài. Xin mở lại mẫu và gửi lại."
)
PICK_AGAIN = "Xin chọn lại ảnh (trình duyệt không giữ ảnh đã chọn)."
LIMITED = (
    "Bạn đã gửi nhiều phản ánh trong thời gian ngắn. Xin thử lại sau khoảng {minutes} phút. "
    "Nếu khẩn cấp, hãy gọi 1022 hoặc 115."
)


def _html(html: str, status: int = 200) -> web.Response:
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def _limited_page(wait: float) -> web.Response:
    minutes = max(1, math.ceil(wait / 60))
    html = pages.message_page("Tạm thời chưa nhận thêm", LIMITED.format(minutes=minutes))
    response = _html(html, 429)
    response.headers["Retry-After"] = str(math.ceil(wait))
    return response


def _limited_json(wait: float) -> web.Response:
    response = json_response({"error": "too many reports; try later", "retry_after": wait}, 429)
    response.headers["Retry-After"] = str(math.ceil(wait))
    return response

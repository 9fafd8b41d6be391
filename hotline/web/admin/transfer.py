"""FAQ import and export from the page: YAML or CSV, with a report of the rows left out."""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web

from hotline.faq.io import Format, ImportReport, read_entries, write_entries
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import Viewer, page
from hotline.web.keys import ADMIN_TOOLS

MAX_IMPORT_CHARS = 2_000_000
MAX_IMPORT_BYTES = 4 * 1024 * 1024
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@page_for(*ADMINS)
async def transfer_page(request: web.Request) -> web.StreamResponse:
    return _page(viewer(request))


@page_for(*ADMINS)
async def export_file(request: web.Request) -> web.StreamResponse:
    fmt: Format = "csv" if request.query.get("format") == "csv" else "yaml"
    entries = await request.app[ADMIN_TOOLS].hotline.faq.store.list()
    text = write_entries(entries, fmt)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    name = f"faq-1022-{stamp}.{'csv' if fmt == 'csv' else 'yml'}"
    # A byte-order mark so spreadsheet programs read the CSV's Vietnamese as UTF-8.
    body = ("\ufeff" + text) if fmt == "csv" else text
    return web.Response(
        text=body,
        content_type="text/csv" if fmt == "csv" else "application/yaml",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@page_for(*ADMINS)
async def import_file(request: web.Request) -> web.StreamResponse:
    """Form fields: `content` (the file's text, put there by the page's script or pasted),
    `format` (yaml or csv). Good rows are saved as the admin's edits; bad ones are listed."""
    admin = request.app[ADMIN_TOOLS]
    fmt: Format
    if request.content_type in FORM_TYPES:
        form = await request.post()
        fmt = "csv" if form.get("format") == "csv" else "yaml"
        content = str(form.get("content", ""))
    else:
        fmt = "csv" if request.query.get("format") == "csv" else "yaml"
        try:
            content = await _raw_text(request)
        except ValueError as exc:
            return _page(viewer(request), error=str(exc), status=400)
    if not content.strip():
        return _page(viewer(request), error="Chưa chọn tệp hoặc tệp trống.", status=400)
    if len(content) > MAX_IMPORT_CHARS:
        return _page(viewer(request), error="Tệp quá lớn (tối đa 2 triệu ký tự).", status=400)
    report = read_entries(content, fmt)
    author = viewer(request).name
    changed = 0
    for entry in report.entries:
        before = await admin.hotline.faq.store.get(entry.id)
        stored = await admin.editor.save(entry, author)
        changed += before is None or before.version != stored.version
    return _page(viewer(request), report=report, changed=changed, status=200)


async def _raw_text(request: web.Request) -> str:
    """A file posted as the body (by the page's script, with the CSRF header): read past the
    app's small body limit, up to the import limit."""
    data = await request.content.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise ValueError("Tệp quá lớn (tối đa 4 MB).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("Tệp không phải văn bản UTF-8.") from None


def _page(
    who: Viewer,
    report: ImportReport | None = None,
    changed: int = 0,
    error: str = "",
    status: int = 200,
) -> web.Response:
    return page(
        who,
        "Nhập / xuất FAQ",
        "transfer.html",
        status=status,
        active="/admin/faq",
        report=report,
        changed=changed,
        error=error,
    )

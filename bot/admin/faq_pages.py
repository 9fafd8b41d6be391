"""FAQ editing pages: the list with search and filters, the edit form, history and roll back."""

from __future__ import annotations

from aiohttp import web

from bot.admin.guard import ADMINS, page_for, viewer
from bot.admin.layout import Viewer, e, notice, options, page, post_form, see_other, table
from bot.admin.services import ADMIN
from bot.admin.trying import try_box, try_question
from bot.api.faq import matching
from bot.api.views import BadRequest
from bot.nlu.normalize import words
from faq.entries import TOPICS, FaqEntry, InvalidEntry, Status
from faq.history import EARLIER, FaqVersion, UnknownVersion

STATUS_NAMES = {"draft": "Bản nháp", "published": "Đã xuất bản"}
ACTION_NAMES = {
    "created": "Tạo mới",
    "edited": "Sửa",
    "published": "Xuất bản",
    "unpublished": "Ngừng xuất bản",
    "rolled_back": "Khôi phục",
    "deleted": "Xóa",
    "before": "Bản có sẵn",
}
NOTICES = {
    "saved": "Đã lưu. Bot dùng nội dung mới ngay.",
    "published": "Đã xuất bản. Bot trả lời bằng nội dung này ngay.",
    "unpublished": "Đã ngừng xuất bản. Bot không còn dùng mục này.",
    "rolled_back": "Đã khôi phục phiên bản cũ thành phiên bản mới.",
    "deleted": "Đã xóa mục.",
    "unchanged": "Không có gì thay đổi.",
}


def _topic_label(topic: str) -> str:
    return TOPICS.get(topic, topic)


@page_for(*ADMINS)
async def faq_list(request: web.Request) -> web.StreamResponse:
    admin = request.app[ADMIN]
    query = dict(request.query)
    try:
        entries = await matching(admin.hotline.faq.store, query)
    except BadRequest:
        entries = await matching(admin.hotline.faq.store, {})
    rows = [
        (
            f'<a href="/admin/faq/{e(x.id)}">{e(x.questions[0])}</a><div class="muted">{e(x.id)}</div>',
            e(_topic_label(x.topic)),
            f'<span class="badge {e(x.status)}">{e(STATUS_NAMES[x.status])}</span>',
            e(x.version),
            e((x.updated_at or "")[:16].replace("T", " ")),
        )
        for x in entries
    ]
    asked = query.get("thu", "").strip()[:1000]
    trial = await try_question(admin.hotline, asked) if asked else None
    topics = sorted({*TOPICS, *(x.topic for x in await admin.hotline.faq.store.list())})
    filters = f"""<form method="get" action="/admin/faq" class="filters" role="search">
<label>Tìm <input type="search" name="q" value="{e(query.get("q", ""))}" placeholder="từ trong câu hỏi hoặc câu trả lời"></label>
<label>Chủ đề <select name="topic"><option value="">Tất cả</option>{options(((t, _topic_label(t)) for t in topics), query.get("topic"))}</select></label>
<label>Trạng thái <select name="status"><option value="">Tất cả</option>{options(STATUS_NAMES.items(), query.get("status"))}</select></label>
<button>Lọc</button></form>"""
    listing = table(
        ("Câu hỏi", "Chủ đề", "Trạng thái", "Phiên bản", "Cập nhật (UTC)"), rows, "list"
    )
    body = f"""<div class="head"><h1>Câu hỏi thường gặp</h1>
<div class="actions"><a class="button" href="/admin/faq/new">+ Thêm mục mới</a>
<a class="button secondary" href="/admin/faq/transfer">Nhập / xuất tệp</a></div></div>
{notice(NOTICES.get(query.get("msg", ""), ""))}
<div class="columns"><section class="card wide">{filters}
<p class="muted">{len(entries)} mục</p>{listing if rows else "<p>Không có mục nào khớp.</p>"}</section>
<aside class="card">{try_box(asked, trial)}</aside></div>"""
    return page(viewer(request), "Câu hỏi thường gặp", body, active="/admin/faq")


@page_for(*ADMINS)
async def faq_new(request: web.Request) -> web.StreamResponse:
    """The new-entry form; `?from=1,2,3` fills the questions from unanswered ones."""
    admin = request.app[ADMIN]
    ids = _ids(request.query.get("from", ""))
    questions: list[str] = []
    if ids:
        open_ones = {q.id: q for q in await admin.questions.open_unanswered()}
        questions = list(
            dict.fromkeys((open_ones[i].text or "").strip() for i in ids if i in open_ones)
        )
    first = next((q for q in questions if q), "")
    draft = {"questions": "\n".join(q for q in questions if q), "topic": "", "answer": ""}
    draft["id"] = "-".join(words(first)[:8])
    return _form_page(request, None, draft, [], from_ids=",".join(map(str, ids)))


@page_for(*ADMINS)
async def faq_edit(request: web.Request) -> web.StreamResponse:
    admin = request.app[ADMIN]
    entry = await admin.hotline.faq.store.get(request.match_info["id"])
    if entry is None:
        raise web.HTTPNotFound(text="không có mục này")
    fields = {"questions": "\n".join(entry.questions), "answer": entry.answer, "topic": entry.topic}
    versions = await admin.editor.versions(entry.id)
    return _form_page(request, entry, fields, versions, msg=request.query.get("msg", ""))


@page_for(*ADMINS)
async def faq_save(request: web.Request) -> web.StreamResponse:
    """Save from the form: `action` is draft, publish or unpublish."""
    admin = request.app[ADMIN]
    form = await request.post()
    entry_id = request.match_info.get("id") or str(form.get("id", "")).strip()
    current = await admin.hotline.faq.store.get(entry_id) if entry_id else None
    is_new = "id" not in request.match_info
    action = str(form.get("action", "draft"))
    status: Status = "published" if action == "publish" else "draft"
    if action == "keep" and current is not None:
        status = current.status
    fields = {k: str(form.get(k, "")) for k in ("questions", "answer", "topic")}
    data = {**fields, "id": entry_id, "status": status}
    data["questions"] = [q.strip() for q in fields["questions"].splitlines() if q.strip()]  # type: ignore[assignment]
    error = ""
    if is_new and current is not None:
        error = f"Đã có mục với mã {entry_id}; hãy chọn mã khác hoặc sửa mục đó."
    else:
        try:
            entry = FaqEntry.from_dict(data)
        except InvalidEntry as exc:
            error = exc.reason
    if error:
        versions = await admin.editor.versions(entry_id) if current else []
        fields["id"] = entry_id
        return _form_page(
            request,
            None if is_new else current,
            fields,
            versions,
            error=error,
            from_ids=str(form.get("from", "")),
            status=400,
        )
    stored = await admin.editor.save(entry, viewer(request).name)
    if ids := _ids(str(form.get("from", ""))):
        await admin.questions.resolve(ids, stored.id)
    changed = current is None or stored.version != current.version
    msg = (
        {"publish": "published", "unpublish": "unpublished"}.get(action, "saved")
        if changed
        else "unchanged"
    )
    return see_other(f"/admin/faq/{stored.id}?msg={msg}")


@page_for(*ADMINS)
async def faq_rollback(request: web.Request) -> web.StreamResponse:
    admin = request.app[ADMIN]
    form = await request.post()
    entry_id = request.match_info["id"]
    try:
        await admin.editor.rollback(
            entry_id, int(str(form.get("version", ""))), viewer(request).name
        )
    except (UnknownVersion, ValueError):
        raise web.HTTPNotFound(text="không có phiên bản này") from None
    return see_other(f"/admin/faq/{entry_id}?msg=rolled_back")


@page_for(*ADMINS)
async def faq_delete(request: web.Request) -> web.StreamResponse:
    await request.app[ADMIN].editor.delete(request.match_info["id"], viewer(request).name)
    return see_other("/admin/faq?msg=deleted")


def _ids(text: str) -> list[int]:
    return [int(p) for p in text.split(",") if p.strip().isdigit()][:500]


def _form_page(
    request: web.Request,
    entry: FaqEntry | None,
    fields: dict[str, str],
    versions: list[FaqVersion],
    *,
    error: str = "",
    msg: str = "",
    from_ids: str = "",
    status: int = 200,
) -> web.Response:
    who = viewer(request)
    action = f"/admin/faq/{entry.id}" if entry else "/admin/faq/new"
    id_field = (
        f'<p><span class="label">Mã mục</span> <code>{e(entry.id)}</code> · '
        f'<span class="badge {e(entry.status)}">{e(STATUS_NAMES[entry.status])}</span> · phiên bản {e(entry.version)}</p>'
        if entry
        else f'<label>Mã mục (chữ thường không dấu, nối bằng "-")<input name="id" required pattern="[a-z0-9]+(-[a-z0-9]+)*" value="{e(fields.get("id", ""))}" placeholder="vi-du-cach-ly-f1"></label>'
    )
    topics = "".join(f'<option value="{e(t)}">{e(label)}</option>' for t, label in TOPICS.items())
    buttons = '<button name="action" value="draft" class="secondary">Lưu bản nháp</button>'
    buttons += '<button name="action" value="publish">Lưu và xuất bản</button>'
    if entry and entry.published:
        buttons = '<button name="action" value="keep">Lưu thay đổi</button>'
        buttons += (
            '<button name="action" value="unpublish" class="secondary">Ngừng xuất bản</button>'
        )
    form = f"""<form method="post" action="{e(action)}" class="entry">
<input type="hidden" name="csrf_token" value="{e(who.csrf)}"><input type="hidden" name="from" value="{e(from_ids)}">
{id_field}
<label>Các cách hỏi (mỗi dòng một câu)<textarea name="questions" rows="6" required>{e(fields.get("questions"))}</textarea></label>
<label>Câu trả lời (nêu rõ văn bản, chính sách làm căn cứ)<textarea name="answer" rows="8" required>{e(fields.get("answer"))}</textarea></label>
<label>Chủ đề<input name="topic" list="topics" required value="{e(fields.get("topic"))}" placeholder="cach_ly"></label>
<datalist id="topics">{topics}</datalist>
<div class="buttons">{buttons}</div></form>"""
    history = _history(who, entry, versions) if entry else ""
    delete = (
        post_form(
            who,
            f"/admin/faq/{entry.id}/delete",
            '<button class="danger" data-confirm="Xóa hẳn mục này?">Xóa mục</button>',
        )
        if entry
        else ""
    )
    title = "Sửa mục FAQ" if entry else "Thêm mục FAQ"
    body = f"""<p><a href="/admin/faq">← Danh sách</a></p><h1>{e(title)}</h1>
{notice(NOTICES.get(msg, ""))}{notice(error, "error")}
<div class="columns"><section class="card wide">{form}{delete}</section>
<aside class="card">{try_box(_first_line(fields.get("questions", "")))}</aside></div>{history}"""
    return page(who, title, body, status=status, active="/admin/faq")


def _history(who: Viewer, entry: FaqEntry, versions: list[FaqVersion]) -> str:
    if not versions:
        return '<section class="card"><h2>Lịch sử phiên bản</h2><p class="muted">Chưa có thay đổi nào qua trang quản trị.</p></section>'
    rows = []
    for v in versions:
        same = v.entry.same_content(entry)
        restore = (
            '<span class="muted">đang dùng</span>'
            if same
            else post_form(
                who,
                f"/admin/faq/{entry.id}/rollback",
                f'<input type="hidden" name="version" value="{e(v.entry.version)}"><button class="small">Khôi phục</button>',
            )
        )
        if v.action == "deleted":
            restore = ""
        rows.append(
            (
                e(v.entry.version),
                e(ACTION_NAMES.get(v.action, v.action)),
                e(v.author if v.author != EARLIER else "—"),
                e(v.at[:19].replace("T", " ")),
                e(STATUS_NAMES[v.entry.status]),
                f"<details><summary>{e(v.entry.answer[:80])}…</summary><p>{e(v.entry.answer)}</p><ul>{''.join(f'<li>{e(q)}</li>' for q in v.entry.questions)}</ul></details>",
                restore,
            )
        )
    return (
        '<section class="card"><h2>Lịch sử phiên bản</h2>'
        + table(
            ("Phiên bản", "Thao tác", "Người sửa", "Lúc (UTC)", "Trạng thái", "Nội dung", ""),
            rows,
            "history",
        )
        + "</section>"
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")

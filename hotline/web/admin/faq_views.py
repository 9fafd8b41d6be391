"""How an FAQ entry is shown to admins: the edit form, its try box and its version history."""

from __future__ import annotations

from aiohttp import web

from hotline.faq.entries import TOPICS, FaqEntry
from hotline.faq.history import EARLIER, FaqVersion
from hotline.web.admin.guard import viewer
from hotline.web.admin.layout import Viewer, e, notice, page, post_form, table
from hotline.web.admin.trying import try_box

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
ID_HINT = 'Mã mục (chữ thường không dấu, nối bằng "-")'


def badge(status: str) -> str:
    return f'<span class="badge {e(status)}">{e(STATUS_NAMES.get(status, status))}</span>'


def form_page(
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
    """The new-entry form (`entry` None) or an entry's edit form with its history."""
    who = viewer(request)
    title = "Sửa mục FAQ" if entry else "Thêm mục FAQ"
    delete = ""
    if entry:
        button = '<button class="danger" data-confirm="Xóa hẳn mục này?">Xóa mục</button>'
        delete = post_form(who, f"/admin/faq/{entry.id}/delete", button)
    history = _history(who, entry, versions) if entry else ""
    body = f"""<p><a href="/admin/faq">← Danh sách</a></p><h1>{e(title)}</h1>
{notice(NOTICES.get(msg, ""))}{notice(error, "error")}
<div class="columns">
<section class="card wide">{_form(who, entry, fields, from_ids)}{delete}</section>
<aside class="card">{try_box(_first_line(fields.get("questions", "")))}</aside></div>{history}"""
    return page(who, title, body, status=status, active="/admin/faq")


def _form(who: Viewer, entry: FaqEntry | None, fields: dict[str, str], from_ids: str) -> str:
    action = f"/admin/faq/{entry.id}" if entry else "/admin/faq/new"
    if entry:
        id_field = (
            f'<p><span class="label">Mã mục</span> <code>{e(entry.id)}</code> · '
            f"{badge(entry.status)} · phiên bản {e(entry.version)}</p>"
        )
    else:
        id_field = (
            f'<label>{e(ID_HINT)}<input name="id" required pattern="[a-z0-9]+(-[a-z0-9]+)*"'
            f' value="{e(fields.get("id", ""))}" placeholder="vi-du-cach-ly-f1"></label>'
        )
    if entry and entry.published:
        buttons = (
            '<button name="action" value="keep">Lưu thay đổi</button>'
            '<button name="action" value="unpublish" class="secondary">Ngừng xuất bản</button>'
        )
    else:
        buttons = (
            '<button name="action" value="draft" class="secondary">Lưu bản nháp</button>'
            '<button name="action" value="publish">Lưu và xuất bản</button>'
        )
    questions = fields.get("questions", "")
    rows = min(14, max(4, questions.count("\n") + 2))
    topics = "".join(f'<option value="{e(t)}">{e(label)}</option>' for t, label in TOPICS.items())
    return f"""<form method="post" action="{e(action)}" class="entry">
<input type="hidden" name="csrf_token" value="{e(who.csrf)}">
<input type="hidden" name="from" value="{e(from_ids)}">
{id_field}
<label>Các cách hỏi (mỗi dòng một câu)
<textarea name="questions" rows="{rows}" required>{e(questions)}</textarea></label>
<label>Câu trả lời (nêu rõ văn bản, chính sách làm căn cứ)
<textarea name="answer" rows="7" required>{e(fields.get("answer"))}</textarea></label>
<label>Chủ đề<input name="topic" list="topics" required value="{e(fields.get("topic"))}"
 placeholder="cach_ly"></label><datalist id="topics">{topics}</datalist>
<div class="buttons">{buttons}</div></form>"""


def _history(who: Viewer, entry: FaqEntry, versions: list[FaqVersion]) -> str:
    """Newest first; each row says what changed from the version before it."""
    if not versions:
        empty = '<p class="muted">Chưa có thay đổi nào qua trang quản trị.</p>'
        return f'<section class="card"><h2>Lịch sử phiên bản</h2>{empty}</section>'
    rows = []
    older = [*versions[1:], None]
    for v, before in zip(versions, older, strict=True):
        if v.action == "deleted":
            restore = ""
        elif v.entry.same_content(entry):
            restore = '<span class="muted">đang dùng</span>'
        else:
            inner = (
                f'<input type="hidden" name="version" value="{e(v.entry.version)}">'
                '<button class="small">Khôi phục</button>'
            )
            restore = post_form(who, f"/admin/faq/{entry.id}/rollback", inner)
        content = "".join(f"<li>{e(q)}</li>" for q in v.entry.questions)
        rows.append(
            (
                e(v.entry.version),
                e(ACTION_NAMES.get(v.action, v.action)),
                e(v.author if v.author != EARLIER else "—"),
                f'<span class="nowrap">{e(v.at[:16].replace("T", " "))}</span>',
                badge(v.entry.status),
                f"<details><summary>{e(changes(before.entry if before else None, v.entry))}"
                f"</summary><p>{e(v.entry.answer)}</p><ul>{content}</ul></details>",
                restore,
            )
        )
    head = ("Phiên bản", "Thao tác", "Người sửa", "Lúc (UTC)", "Trạng thái", "Thay đổi", "")
    return (
        f'<section class="card"><h2>Lịch sử phiên bản</h2>{table(head, rows, "history")}</section>'
    )


def changes(before: FaqEntry | None, after: FaqEntry) -> str:
    """What a version changed, in a few words."""
    if before is None:
        return "Nội dung ban đầu"
    parts = []
    added = len(set(after.questions) - set(before.questions))
    removed = len(set(before.questions) - set(after.questions))
    if added or removed:
        parts.append(f"cách hỏi +{added}/−{removed}")
    if after.answer != before.answer:
        parts.append("câu trả lời")
    if after.topic != before.topic:
        parts.append(f"chủ đề → {after.topic}")
    if after.status != before.status:
        parts.append(STATUS_NAMES[after.status].lower())
    return "Sửa " + ", ".join(parts) if parts else "Không đổi nội dung"


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")

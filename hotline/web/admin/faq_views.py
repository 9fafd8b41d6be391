"""How an FAQ entry is shown to admins: the edit form, its try box and its version history
(`admin/faq_form.html`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from aiohttp import web

from hotline.faq.entries import TOPICS, FaqEntry
from hotline.faq.history import EARLIER, FaqVersion
from hotline.web.admin.guard import viewer
from hotline.web.admin.layout import page
from hotline.web.render import vietnam_time

# What the history offers for a version: a restore button, "in use", or nothing (a deletion).
Restore = Literal["restore", "current", "none"]

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


@dataclass(frozen=True)
class HistoryRow:
    """One version in an entry's history, as the page shows it."""

    version: FaqVersion
    action: str
    author: str
    at: str
    summary: str
    restore: Restore


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
    title = "Sửa mục FAQ" if entry else "Thêm mục FAQ"
    questions = fields.get("questions", "")
    return page(
        viewer(request),
        title,
        "faq_form.html",
        status=status,
        active="/admin/faq",
        entry=entry,
        fields=fields,
        questions=questions,
        question_rows=min(14, max(4, questions.count("\n") + 2)),
        first_question=_first_line(questions),
        history=_history(entry, versions) if entry else None,
        from_ids=from_ids,
        notice=NOTICES.get(msg, ""),
        error=error,
        id_hint=ID_HINT,
        topics=TOPICS,
        status_names=STATUS_NAMES,
    )


def _history(entry: FaqEntry, versions: list[FaqVersion]) -> list[HistoryRow]:
    """Newest first; each row says what changed from the version before it."""
    if not versions:
        return []
    rows = []
    older = [*versions[1:], None]
    for v, before in zip(versions, older, strict=True):
        restore: Restore = "restore"
        if v.action == "deleted":
            restore = "none"
        elif v.entry.same_content(entry):
            restore = "current"
        rows.append(
            HistoryRow(
                version=v,
                action=ACTION_NAMES.get(v.action, v.action),
                author=v.author if v.author != EARLIER else "—",
                at=vietnam_time(v.at),
                summary=changes(before.entry if before else None, v.entry),
                restore=restore,
            )
        )
    return rows


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

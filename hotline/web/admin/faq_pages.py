"""FAQ editing pages: the list with search and filters, the edit form, history and roll back."""

from __future__ import annotations

from aiohttp import web

from hotline.bot.nlu.normalize import words
from hotline.faq.entries import TOPICS, FaqEntry, InvalidEntry, Status
from hotline.faq.history import UnknownVersion
from hotline.web.admin.faq_views import NOTICES, STATUS_NAMES, form_page
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import page, see_other
from hotline.web.admin.trying import try_question
from hotline.web.api.faq import matching
from hotline.web.api.views import BadRequest
from hotline.web.keys import ADMIN_TOOLS


def _topic_label(topic: str) -> str:
    return TOPICS.get(topic, topic)


@page_for(*ADMINS)
async def faq_list(request: web.Request) -> web.StreamResponse:
    admin = request.app[ADMIN_TOOLS]
    query = dict(request.query)
    try:
        entries = await matching(admin.hotline.faq.store, query)
    except BadRequest:
        entries = await matching(admin.hotline.faq.store, {})
    asked = query.get("thu", "").strip()[:1000]
    trial = await try_question(admin.hotline, asked) if asked else None
    topics = sorted({*TOPICS, *(x.topic for x in await admin.hotline.faq.store.list())})
    return page(
        viewer(request),
        "Câu hỏi thường gặp",
        "faq_list.html",
        active="/admin/faq",
        entries=entries,
        query=query,
        topics=[(t, _topic_label(t)) for t in topics],
        topic_names=TOPICS,
        status_names=STATUS_NAMES,
        notice=NOTICES.get(query.get("msg", ""), ""),
        asked=asked,
        trial=trial,
    )


@page_for(*ADMINS)
async def faq_new(request: web.Request) -> web.StreamResponse:
    """The new-entry form; `?from=1,2,3` fills the questions from unanswered ones."""
    admin = request.app[ADMIN_TOOLS]
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
    return form_page(request, None, draft, [], from_ids=",".join(map(str, ids)))


@page_for(*ADMINS)
async def faq_edit(request: web.Request) -> web.StreamResponse:
    admin = request.app[ADMIN_TOOLS]
    entry = await admin.hotline.faq.store.get(request.match_info["id"])
    if entry is None:
        raise web.HTTPNotFound(text="không có mục này")
    fields = {"questions": "\n".join(entry.questions), "answer": entry.answer, "topic": entry.topic}
    versions = await admin.editor.versions(entry.id)
    return form_page(request, entry, fields, versions, msg=request.query.get("msg", ""))


@page_for(*ADMINS)
async def faq_save(request: web.Request) -> web.StreamResponse:
    """Save from the form: `action` is draft, publish or unpublish."""
    admin = request.app[ADMIN_TOOLS]
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
        return form_page(
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
    admin = request.app[ADMIN_TOOLS]
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
    await request.app[ADMIN_TOOLS].editor.delete(request.match_info["id"], viewer(request).name)
    return see_other("/admin/faq?msg=deleted")


def _ids(text: str) -> list[int]:
    return [int(p) for p in text.split(",") if p.strip().isdigit()][:500]

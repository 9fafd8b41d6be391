"""Questions the bot could not answer, grouped, most asked first; each group is one click away
from a new FAQ entry with its questions filled in."""

from __future__ import annotations

from dataclasses import replace

from aiohttp import web

from hotline.bot.nlu.normalize import words
from hotline.faq.unanswered import group_questions
from hotline.handoff.deadlines import VIETNAM
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import page, see_other
from hotline.web.keys import ADMIN_TOOLS

SHOWN_TEXTS = 8
MAX_GROUPS = 100
# What a dismissed group is marked with instead of an entry: not a question for the FAQ.
DISMISSED = "-bo-qua-"
NOTICES = {
    "dismissed": "Đã bỏ qua nhóm câu hỏi.",
    "variant": "Đã thêm các cách hỏi vào mục {entry}; bot trả lời được ngay.",
    "gone": "Nhóm này đã được xử lý hoặc mục FAQ không còn.",
}


def _ids(text: str) -> list[int]:
    return [int(p) for p in text.split(",") if p.strip().isdigit()][:500]


@page_for(*ADMINS)
async def dismiss(request: web.Request) -> web.StreamResponse:
    """One click: the group is not for the FAQ (a greeting, a complaint); it leaves the list."""
    form = await request.post()
    ids = _ids(str(form.get("ids", "")))
    if ids:
        await request.app[ADMIN_TOOLS].questions.resolve(ids, DISMISSED)
    return see_other("/admin/unanswered?msg=dismissed")


@page_for(*ADMINS)
async def add_variants(request: web.Request) -> web.StreamResponse:
    """One click: the group's questions become question variants of an existing entry."""
    form = await request.post()
    admin = request.app[ADMIN_TOOLS]
    ids = set(_ids(str(form.get("ids", ""))))
    entry = await admin.hotline.faq.store.get(str(form.get("entry", "")))
    asked = [q for q in await admin.questions.open_unanswered() if q.id in ids and q.text]
    if entry is None or not asked:
        return see_other("/admin/unanswered?msg=gone")
    known = {" ".join(words(q)) for q in entry.questions}
    new = [q.text.strip() for q in asked if q.text and " ".join(words(q.text)) not in known]
    variants = tuple(dict.fromkeys((*entry.questions, *new)))
    stored = await admin.editor.save(replace(entry, questions=variants), viewer(request).name)
    await admin.questions.resolve(sorted(ids), stored.id)
    return see_other(f"/admin/unanswered?msg=variant&entry={stored.id}")


@page_for(*ADMINS)
async def unanswered_list(request: web.Request) -> web.StreamResponse:
    questions = await request.app[ADMIN_TOOLS].questions.open_unanswered()
    groups = group_questions(questions, words)[:MAX_GROUPS]
    cards = [
        {
            "group": group,
            "ids": ",".join(map(str, group.ids)),
            "shown": group.texts[:SHOWN_TEXTS],
            "more": len(group.texts) - SHOWN_TEXTS,
            "last": group.last_at.astimezone(VIETNAM).strftime("%H:%M ngày %d/%m/%Y"),
        }
        for group in groups
    ]
    entries = sorted(
        await request.app[ADMIN_TOOLS].hotline.faq.store.list(), key=lambda e: e.questions[0]
    )
    msg = request.query.get("msg", "")
    notice = NOTICES.get(msg, "").format(entry=request.query.get("entry", ""))
    return page(
        viewer(request),
        "Câu hỏi chưa trả lời",
        "unanswered.html",
        active="/admin/unanswered",
        cards=cards,
        entries=[(e.id, f"{e.questions[0]} ({e.id})") for e in entries],
        notice=notice,
    )

"""Questions the bot could not answer, grouped, most asked first; each group is one click away
from a new FAQ entry with its questions filled in."""

from __future__ import annotations

from aiohttp import web

from hotline.bot.nlu.normalize import words
from hotline.faq.unanswered import group_questions
from hotline.handoff.deadlines import VIETNAM
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import page
from hotline.web.keys import ADMIN_TOOLS

SHOWN_TEXTS = 8
MAX_GROUPS = 100


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
    return page(
        viewer(request),
        "Câu hỏi chưa trả lời",
        "unanswered.html",
        active="/admin/unanswered",
        cards=cards,
    )

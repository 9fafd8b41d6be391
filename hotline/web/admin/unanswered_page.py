"""Questions the bot could not answer, grouped, most asked first; each group is one click away
from a new FAQ entry with its questions filled in."""

from __future__ import annotations

from aiohttp import web

from hotline.bot.nlu.normalize import words
from hotline.faq.unanswered import group_questions
from hotline.handoff.deadlines import VIETNAM
from hotline.web.admin.guard import ADMINS, page_for, viewer
from hotline.web.admin.layout import e, page
from hotline.web.keys import ADMIN_TOOLS

SHOWN_TEXTS = 8
MAX_GROUPS = 100


@page_for(*ADMINS)
async def unanswered_list(request: web.Request) -> web.StreamResponse:
    questions = await request.app[ADMIN_TOOLS].questions.open_unanswered()
    groups = group_questions(questions, words)[:MAX_GROUPS]
    cards = []
    for group in groups:
        ids = ",".join(map(str, group.ids))
        shown = "".join(f"<li>{e(t)}</li>" for t in group.texts[:SHOWN_TEXTS])
        more = len(group.texts) - SHOWN_TEXTS
        extra = f'<li class="muted">… và {more} cách hỏi khác</li>' if more > 0 else ""
        last = group.last_at.astimezone(VIETNAM).strftime("%H:%M ngày %d/%m/%Y")
        cards.append(
            f"""<li class="card group">
<div class="count" aria-label="số lần hỏi">{group.count}</div>
<div class="texts"><h2>{e(group.title)}</h2><ul>{shown}{extra}</ul>
<p class="muted">Kênh: {e(", ".join(group.channels))} · lần cuối lúc {e(last)}</p></div>
<a class="button" href="/admin/faq/new?from={e(ids)}">Tạo mục FAQ</a></li>"""
        )
    listing = (
        f'<ol class="groups">{"".join(cards)}</ol>'
        if cards
        else ('<p class="card">Chưa có câu hỏi nào bot chưa trả lời được.</p>')
    )
    body = f"""<h1>Câu hỏi chưa trả lời</h1>
<p class="muted">Những câu người dân hỏi mà bot chưa trả lời chắc chắn, gộp theo nội dung gần nhau,
nhóm hỏi nhiều nhất ở trên. Không lưu danh tính người hỏi. Tạo mục từ một nhóm để bot trả lời được
lần sau; nhóm đó rời khỏi danh sách.</p>{listing}"""
    return page(viewer(request), "Câu hỏi chưa trả lời", body, active="/admin/unanswered")

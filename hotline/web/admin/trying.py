"""The "try it" box: what the bot would answer a question now, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from hotline.bot.dialogs import texts
from hotline.bot.dialogs.router import CONFIDENT
from hotline.bot.nlu.base import ParseResult
from hotline.faq.index import FaqLookup, FaqMatch
from hotline.runtime import Hotline
from hotline.web.admin.guard import ADMINS, page_for
from hotline.web.admin.layout import e
from hotline.web.keys import ADMIN_TOOLS

FAQ_INTENTS = ("ask_faq", "health_consult")
# What the bot does with an intent other than a question, in an admin's words.
OTHER_DIALOGS = {
    "greet": "chào lại và đưa menu",
    "goodbye": "chào tạm biệt",
    "thank": "cảm ơn lại",
    "out_of_scope": "báo ngoài phạm vi tổng đài",
    "report_violation": "mở biểu mẫu phản ánh vi phạm",
    "report_contact": "mở biểu mẫu báo F0/F1",
    "request_support": "mở biểu mẫu xin hỗ trợ",
    "feedback": "ghi nhận góp ý",
    "emergency": "báo gọi 115 và tạo phiếu khẩn",
    "request_human": "chuyển cho tổng đài viên",
    "check_status": "tra cứu mã phản ánh",
}


@dataclass(frozen=True)
class Trial:
    text: str
    parse: ParseResult
    lookup: FaqLookup
    matches: tuple[FaqMatch, ...]

    @property
    def goes_to_faq(self) -> bool:
        return self.parse.intent.name in FAQ_INTENTS or self.parse.intent.confidence < CONFIDENT


async def try_question(hotline: Hotline, text: str) -> Trial:
    parse = await hotline.nlu.parse(text)
    return Trial(text, parse, hotline.faq.lookup(text), tuple(hotline.faq.search(text, 3)))


def render_trial(trial: Trial) -> str:
    intent = trial.parse.intent
    lines = [
        f"<p>Ý định (NLU): <b>{e(intent.name)}</b> · độ tin cậy <b>{intent.confidence:.0%}</b></p>"
    ]
    if not trial.goes_to_faq:
        what = OTHER_DIALOGS.get(intent.name, intent.name)
        lines.append(f'<p class="verdict other">Bot sẽ không tra FAQ mà sẽ {e(what)}.</p>')
    elif trial.lookup.answer is not None:
        entry = trial.lookup.answer
        lines.append(
            f'<p class="verdict ok">Bot trả lời bằng mục <a href="/admin/faq/{e(entry.id)}">'
            f"{e(entry.id)}</a> (điểm {trial.lookup.score:.2f}):</p>"
            f'<blockquote class="answer">{e(entry.answer)}</blockquote>'
        )
    elif trial.lookup.suggestions:
        items = "".join(f"<li>{e(s.questions[0])}</li>" for s in trial.lookup.suggestions)
        lines.append(
            f'<p class="verdict unsure">Chưa đủ chắc (điểm {trial.lookup.score:.2f}): bot hỏi lại '
            f"“{e(texts.SUGGEST)}”</p><ul>{items}</ul>"
        )
    else:
        lines.append(
            '<p class="verdict none">Bot không tìm được câu trả lời và sẽ báo chưa hiểu.</p>'
        )
    if trial.matches:
        rows = "".join(
            f'<li><a href="/admin/faq/{e(m.entry.id)}">{e(m.entry.id)}</a> · {m.score:.2f}'
            f'<div class="muted">gần nhất: {e(m.question)}</div></li>'
            for m in trial.matches
        )
        lines.append(f'<p class="muted">Các mục gần nhất:</p><ol class="matches">{rows}</ol>')
    return "".join(lines)


def try_box(text: str = "", trial: Trial | None = None) -> str:
    result = render_trial(trial) if trial else ""
    return f"""<h2>Thử hỏi bot</h2>
<form method="get" action="/admin/faq" class="try" data-try>
<label>Câu hỏi của người dân<textarea name="thu" rows="2" required>{e(text)}</textarea></label>
<button>Thử</button></form>
<div class="try-result" aria-live="polite">{result}</div>"""


@page_for(*ADMINS)
async def try_fragment(request: web.Request) -> web.StreamResponse:
    """The result as an HTML fragment, for the box's script."""
    text = request.query.get("text", "").strip()[:1000]
    if not text:
        return web.Response(text="", content_type="text/html")
    trial = await try_question(request.app[ADMIN_TOOLS].hotline, text)
    return web.Response(text=render_trial(trial), content_type="text/html")

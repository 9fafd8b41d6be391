"""The "try it" box: what the bot would answer a question now, and how sure it is.

Shown by `admin/trying.html` (its `try_box` macro on the FAQ pages, and alone as the fragment
the box's script fetches)."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from hotline.bot.dialogs import texts
from hotline.bot.dialogs.router import CONFIDENT
from hotline.bot.nlu.base import ParseResult
from hotline.faq.index import FaqLookup, FaqMatch
from hotline.runtime import Hotline
from hotline.web.admin.guard import ADMINS, page_for
from hotline.web.keys import ADMIN_TOOLS
from hotline.web.render import html_response

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

    @property
    def instead(self) -> str:
        """What the bot does instead of looking in the FAQ, in an admin's words."""
        name = self.parse.intent.name
        return OTHER_DIALOGS.get(name, name)

    @property
    def unsure_prompt(self) -> str:
        """What the bot asks back when no entry is sure enough."""
        return texts.SUGGEST


async def try_question(hotline: Hotline, text: str) -> Trial:
    await hotline.faq.ready_for_questions()  # just after a start: the first index
    parse = await hotline.nlu.parse(text)
    await hotline.faq.consider(text)  # the encoder's opinion, off the event loop
    return Trial(text, parse, hotline.faq.lookup(text), tuple(hotline.faq.search(text, 3)))


@page_for(*ADMINS)
async def try_fragment(request: web.Request) -> web.StreamResponse:
    """The result as an HTML fragment, for the box's script."""
    text = request.query.get("text", "").strip()[:1000]
    if not text:
        return web.Response(text="", content_type="text/html")
    trial = await try_question(request.app[ADMIN_TOOLS].hotline, text)
    return html_response("admin/try_result.html", trial=trial)

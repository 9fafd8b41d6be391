"""What the admin pages and the FAQ API work with, built once the hotline is open."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from bot.admin.contacts import ContactLog
from bot.runtime import Hotline
from bot.stores import open_faq_history
from faq.history import FaqEditor
from faq.unanswered import QuestionLog


@dataclass(frozen=True)
class Admin:
    hotline: Hotline
    editor: FaqEditor
    questions: QuestionLog
    contacts: ContactLog


ADMIN = web.AppKey("admin", Admin)


async def open_admin(hotline: Hotline) -> Admin:
    if hotline.questions is None or hotline.contacts is None:
        raise RuntimeError("the hotline was opened without its question and contact logs")
    history = await open_faq_history(hotline.db)
    return Admin(hotline, FaqEditor(hotline.faq, history), hotline.questions, hotline.contacts)

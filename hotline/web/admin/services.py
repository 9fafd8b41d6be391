"""What the admin pages and the FAQ API work with, built once the hotline is open."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from hotline.bot.contact_log import ContactLog
from hotline.faq.history import FaqEditor
from hotline.faq.unanswered import QuestionLog
from hotline.handoff.rule_documents import RuleDocuments
from hotline.runtime import Hotline
from hotline.web.admin.policies import CANNED, DEADLINES, canned_from, policy_from
from hotline.web.api.services import BackOffice


@dataclass(frozen=True)
class Admin:
    hotline: Hotline
    office: BackOffice
    editor: FaqEditor
    questions: QuestionLog
    contacts: ContactLog
    rules: RuleDocuments


ADMIN = web.AppKey("admin", Admin)


async def open_admin(hotline: Hotline, office: BackOffice) -> Admin:
    """The admin's stores on the hotline's database; rules saved by admins are applied."""
    if hotline.questions is None or hotline.contacts is None:
        raise RuntimeError("the hotline was opened without its question and contact logs")
    history = await hotline.storage.faq_history()
    admin = Admin(
        hotline,
        office,
        FaqEditor(hotline.faq, history),
        hotline.questions,
        hotline.contacts,
        await hotline.storage.rule_documents(),
    )
    await apply_saved_rules(admin)
    return admin


async def apply_saved_rules(admin: Admin) -> None:
    """Deadlines and canned responses as admins last saved them (else the shipped defaults).

    Applied to this process's desk and back office; another worker applies them when it starts.
    """
    if (deadlines := await admin.rules.get(DEADLINES)) is not None:
        admin.hotline.desk.policy = policy_from(deadlines)
    if (canned := await admin.rules.get(CANNED)) is not None:
        admin.office.canned[:] = canned_from(canned)

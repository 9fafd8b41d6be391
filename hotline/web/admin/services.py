"""The admin tools: what the admin pages and the FAQ API work with, built on the running hotline
and its casework."""

from __future__ import annotations

from dataclasses import dataclass

from hotline.faq.history import FaqEditor
from hotline.faq.unanswered import QuestionLog
from hotline.runtime import Hotline
from hotline.storage.stores import open_faq_history
from hotline.web.admin.contacts import ContactLog
from hotline.web.admin.rule_documents import RuleDocuments
from hotline.web.api.services import Casework


@dataclass(frozen=True)
class AdminTools:
    hotline: Hotline
    casework: Casework
    editor: FaqEditor
    questions: QuestionLog
    contacts: ContactLog
    rules: RuleDocuments


async def open_admin_tools(hotline: Hotline, casework: Casework) -> AdminTools:
    """The FAQ's edit history on the hotline's database, beside the hotline's own logs."""
    history = await open_faq_history(hotline.db)
    return AdminTools(
        hotline,
        casework,
        FaqEditor(hotline.faq, history),
        hotline.questions,
        hotline.contacts,
        hotline.rules,
    )

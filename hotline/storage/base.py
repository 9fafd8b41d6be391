"""The hotline's storage: every store it keeps, on one back end chosen once at start.

As in aiogram's `fsm/storage/`: one abstract class with a method per store, implemented once
per back end (`sqlite/backend.py`, `mongo/backend.py`); `open_storage(url)` in `open.py` picks
the back end that HOTLINE_STORE names, and nothing else asks which one it is. A store that a
back end lacks leaves its class abstract: a type error. Each method returns the store's own
protocol (its domain operations, defined with the domain), and `Portable` where the store
keeps data a copy to another back end must move. The nine simple stores are written once over
shelves (`shared/`), so a back end gives them only its `shelf`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from types import TracebackType
from typing import Any, Protocol

from hotline.bot.contact_book import ContactBook
from hotline.bot.contact_log import ContactLog
from hotline.bot.conversation import ConversationStore
from hotline.bot.event_feed import EventFeed
from hotline.bot.leases import ConversationLeases
from hotline.bot.notices import DeliveryLog, NoticeBoard
from hotline.bot.opinions import OpinionLog
from hotline.bot.subscriptions import SubscriptionBook
from hotline.faq.history import FaqHistory
from hotline.faq.store import FaqStore
from hotline.faq.unanswered import QuestionLog
from hotline.handoff.audit import AuditLog
from hotline.handoff.crypto import Cipher
from hotline.handoff.routing import RoutingStore
from hotline.handoff.rule_documents import RuleDocuments
from hotline.handoff.sla import AlertLog
from hotline.handoff.store import TicketStore
from hotline.handoff.user_store import UserStore
from hotline.storage.portable import Portable
from hotline.storage.shared import (
    alerts,
    audit,
    contact_book,
    contact_log,
    faq_history,
    notices,
    opinions,
    platform_tokens,
    questions,
    rule_documents,
    subscriptions,
    users,
)
from hotline.storage.shelf import Layout, Shelf


class PlatformTokens(Protocol):
    """The channels' token pairs, a document per platform (Zalo's refresh tokens work once)."""

    async def load(self, platform: str) -> dict[str, Any] | None: ...

    async def save(self, platform: str, pair: dict[str, Any]) -> None: ...


# Each store as the storage gives it: its domain operations, and its data for a copy.
class PortableConversations(ConversationStore, Portable, Protocol): ...


class PortableTickets(TicketStore, Portable, Protocol): ...


class PortableFaq(FaqStore, Portable, Protocol): ...


class PortableFaqHistory(FaqHistory, Portable, Protocol): ...


class PortableQuestions(QuestionLog, Portable, Protocol): ...


class PortableUsers(UserStore, Portable, Protocol): ...


class PortableAudit(AuditLog, Portable, Protocol): ...


class PortableRouting(RoutingStore, Portable, Protocol): ...


class PortableAlerts(AlertLog, Portable, Protocol): ...


class PortableContactLog(ContactLog, Portable, Protocol): ...


class PortableRuleDocuments(RuleDocuments, Portable, Protocol): ...


class PortableContactBook(ContactBook, Portable, Protocol): ...


class PortableTokens(PlatformTokens, Portable, Protocol): ...


class PortableSubscriptions(SubscriptionBook, Portable, Protocol): ...


class PortableNotices(NoticeBoard, Portable, Protocol): ...


class PortableDeliveries(DeliveryLog, Portable, Protocol): ...


class PortableOpinions(OpinionLog, Portable, Protocol): ...


class Storage(ABC):
    """One database's stores. Opening a store creates its tables or indexes; the stores share
    the database, which `close` closes."""

    # Whether this back end is the one for several workers: then live console events go
    # through the store by default (see `hotline.bot.event_feed.share_events`).
    several_workers: bool = False

    @abstractmethod
    async def conversations(self, cipher: Cipher | None = None) -> PortableConversations:
        """`cipher` seals messages and dialog slots; without one they stay readable (tests)."""

    @abstractmethod
    async def leases(self) -> ConversationLeases: ...

    @abstractmethod
    async def event_feed(self) -> EventFeed: ...

    @abstractmethod
    async def tickets(self, cipher: Cipher | None = None) -> PortableTickets:
        """`cipher` seals reporters' contact details; without one they stay readable (tests)."""

    @abstractmethod
    async def faq(self) -> PortableFaq: ...

    @abstractmethod
    async def routing(self) -> PortableRouting: ...

    @abstractmethod
    async def shelf(self, layout: Layout) -> Shelf:
        """A simple store's records, where `layout` says they lie on this back end."""

    @abstractmethod
    async def ping(self) -> bool:
        """Whether the database answers."""

    @abstractmethod
    async def probe_write(self) -> None:
        """Write a little, as a turn would; raises what the database raises (locked, full)."""

    @abstractmethod
    async def close(self) -> None: ...

    async def faq_history(self) -> PortableFaqHistory:
        return faq_history.FaqHistoryOnShelf(await self.shelf(faq_history.FAQ_VERSIONS))

    async def questions(self) -> PortableQuestions:
        return questions.QuestionLogOnShelf(await self.shelf(questions.FAQ_QUESTIONS))

    async def users(self) -> PortableUsers:
        return users.UserStoreOnShelves([await self.shelf(s) for s in users.LAYOUTS])

    async def audit(self) -> PortableAudit:
        return audit.AuditLogOnShelf(await self.shelf(audit.AUDIT_LOG))

    async def alerts(self) -> PortableAlerts:
        return alerts.AlertLogOnShelf(await self.shelf(alerts.DEADLINE_ALERTS))

    async def contact_log(self) -> PortableContactLog:
        return contact_log.ContactLogOnShelf(await self.shelf(contact_log.CONTACTS))

    async def rule_documents(self) -> PortableRuleDocuments:
        return rule_documents.RuleDocumentsOnShelf(await self.shelf(rule_documents.RULE_DOCUMENTS))

    async def contact_book(self) -> PortableContactBook:
        return contact_book.ContactBookOnShelf(await self.shelf(contact_book.PLATFORM_CONTACTS))

    async def platform_tokens(self) -> PortableTokens:
        return platform_tokens.PlatformTokensOnShelf(
            await self.shelf(platform_tokens.PLATFORM_TOKENS)
        )

    async def subscriptions(self) -> PortableSubscriptions:
        return subscriptions.SubscriptionBookOnShelf(await self.shelf(subscriptions.SUBSCRIPTIONS))

    async def notices(self) -> PortableNotices:
        return notices.NoticeBoardOnShelf(await self.shelf(notices.NOTICES))

    async def notice_deliveries(self) -> PortableDeliveries:
        return notices.DeliveryLogOnShelves(
            await self.shelf(notices.DELIVERIES), await self.shelf(notices.CLAIMS)
        )

    async def opinions(self) -> PortableOpinions:
        return opinions.OpinionLogOnShelf(await self.shelf(opinions.OPINIONS))

    async def portables(self) -> list[Portable]:
        """Every store with data worth a copy, opened, in the order a copy restores them.

        Left out: conversation leases, console events and failed logins (all expire within
        the hour).
        """
        return [
            await self.conversations(),  # no cipher: documents move as stored, still sealed
            await self.tickets(),  # no cipher: documents move as stored, reporters sealed
            await self.faq(),
            await self.faq_history(),
            await self.users(),
            await self.audit(),
            await self.routing(),
            await self.alerts(),
            await self.questions(),
            await self.contact_log(),
            await self.rule_documents(),
            await self.platform_tokens(),
            await self.contact_book(),
            await self.subscriptions(),
            await self.notices(),
            await self.notice_deliveries(),
            await self.opinions(),
        ]

    async def __aenter__(self) -> Storage:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

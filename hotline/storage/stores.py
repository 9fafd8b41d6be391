"""Each store on the back end its database belongs to: SQLite or MongoDB.

The composition root picks a store's implementation here, by the kind of database that
`hotline.storage.open.open_database` returned for HOTLINE_STORE; nothing else needs to know which.
"""

from __future__ import annotations

from hotline.bot.conversation import ConversationStore
from hotline.bot.conversation_mongo import MongoConversationStore
from hotline.bot.conversation_sqlite import SqliteConversationStore
from hotline.bot.leases import ConversationLeases, MongoLeases, SqliteLeases
from hotline.faq.history import FaqHistory
from hotline.faq.history_mongo import MongoFaqHistory
from hotline.faq.history_sqlite import SqliteFaqHistory
from hotline.faq.mongo_store import MongoFaqStore
from hotline.faq.sqlite_store import SqliteFaqStore
from hotline.faq.store import FaqStore
from hotline.faq.unanswered_mongo import MongoQuestionLog
from hotline.faq.unanswered_sqlite import SqliteQuestionLog
from hotline.handoff.audit import AuditLog
from hotline.handoff.audit_mongo import MongoAuditLog
from hotline.handoff.audit_sqlite import SqliteAuditLog
from hotline.handoff.crypto import Cipher
from hotline.handoff.mongo_store import MongoTicketStore
from hotline.handoff.routing import RoutingStore
from hotline.handoff.routing_mongo import MongoRoutingStore
from hotline.handoff.routing_sqlite import SqliteRoutingStore
from hotline.handoff.sla_mongo import MongoAlertLog
from hotline.handoff.sla_sqlite import SqliteAlertLog
from hotline.handoff.sqlite_store import SqliteTicketStore
from hotline.handoff.store import TicketStore
from hotline.handoff.user_mongo import MongoUserStore
from hotline.handoff.user_sqlite import SqliteUserStore
from hotline.handoff.user_store import UserStore
from hotline.storage.mongo import MongoDatabase
from hotline.storage.open import Database
from hotline.web.admin.contacts import ContactLog, SqliteContactLog
from hotline.web.admin.contacts_mongo import MongoContactLog
from hotline.web.admin.rule_documents import RuleDocuments, SqliteRuleDocuments
from hotline.web.admin.rule_documents_mongo import MongoRuleDocuments


async def open_conversations(db: Database) -> ConversationStore:
    if isinstance(db, MongoDatabase):
        return await MongoConversationStore.open(db)
    return await SqliteConversationStore.open(db)


async def open_leases(db: Database) -> ConversationLeases:
    if isinstance(db, MongoDatabase):
        return await MongoLeases.open(db)
    return await SqliteLeases.open(db)


async def open_tickets(db: Database, cipher: Cipher | None = None) -> TicketStore:
    if isinstance(db, MongoDatabase):
        return await MongoTicketStore.open(db, cipher)
    return await SqliteTicketStore.open(db, cipher)


async def open_faq(db: Database) -> FaqStore:
    if isinstance(db, MongoDatabase):
        return await MongoFaqStore.open(db)
    return await SqliteFaqStore.open(db)


async def open_users(db: Database) -> UserStore:
    if isinstance(db, MongoDatabase):
        return await MongoUserStore.open(db)
    return await SqliteUserStore.open(db)


async def open_audit(db: Database) -> AuditLog:
    if isinstance(db, MongoDatabase):
        return await MongoAuditLog.open(db)
    return await SqliteAuditLog.open(db)


async def open_routing(db: Database) -> RoutingStore:
    if isinstance(db, MongoDatabase):
        return await MongoRoutingStore.open(db)
    return await SqliteRoutingStore.open(db)


async def open_alerts(db: Database) -> SqliteAlertLog | MongoAlertLog:
    if isinstance(db, MongoDatabase):
        return await MongoAlertLog.open(db)
    return await SqliteAlertLog.open(db)


async def open_questions(db: Database) -> SqliteQuestionLog | MongoQuestionLog:
    if isinstance(db, MongoDatabase):
        return await MongoQuestionLog.open(db)
    return await SqliteQuestionLog.open(db)


async def open_contacts(db: Database) -> ContactLog:
    if isinstance(db, MongoDatabase):
        return await MongoContactLog.open(db)
    return await SqliteContactLog.open(db)


async def open_faq_history(db: Database) -> FaqHistory:
    if isinstance(db, MongoDatabase):
        return await MongoFaqHistory.open(db)
    return await SqliteFaqHistory.open(db)


async def open_rule_documents(db: Database) -> RuleDocuments:
    if isinstance(db, MongoDatabase):
        return await MongoRuleDocuments.open(db)
    return await SqliteRuleDocuments.open(db)

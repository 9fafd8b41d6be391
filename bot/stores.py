"""Each store on the back end its database belongs to: SQLite or MongoDB.

The composition root picks a store's implementation here, by the kind of database that
`store.open.open_database` returned for HOTLINE_STORE; nothing else needs to know which.
"""

from __future__ import annotations

from bot.admin.contacts import ContactLog, SqliteContactLog
from bot.admin.contacts_mongo import MongoContactLog
from bot.admin.rule_documents import RuleDocuments, SqliteRuleDocuments
from bot.admin.rule_documents_mongo import MongoRuleDocuments
from bot.conversation import ConversationStore
from bot.conversation_mongo import MongoConversationStore
from bot.conversation_sqlite import SqliteConversationStore
from bot.leases import ConversationLeases, MongoLeases, SqliteLeases
from faq.history import FaqHistory
from faq.history_mongo import MongoFaqHistory
from faq.history_sqlite import SqliteFaqHistory
from faq.mongo_store import MongoFaqStore
from faq.sqlite_store import SqliteFaqStore
from faq.store import FaqStore
from faq.unanswered_mongo import MongoQuestionLog
from faq.unanswered_sqlite import SqliteQuestionLog
from handoff.audit import AuditLog
from handoff.audit_mongo import MongoAuditLog
from handoff.audit_sqlite import SqliteAuditLog
from handoff.crypto import Cipher
from handoff.mongo_store import MongoTicketStore
from handoff.routing import RoutingStore
from handoff.routing_mongo import MongoRoutingStore
from handoff.routing_sqlite import SqliteRoutingStore
from handoff.sla_mongo import MongoAlertLog
from handoff.sla_sqlite import SqliteAlertLog
from handoff.sqlite_store import SqliteTicketStore
from handoff.store import TicketStore
from handoff.user_mongo import MongoUserStore
from handoff.user_sqlite import SqliteUserStore
from handoff.user_store import UserStore
from store.mongo import MongoDatabase
from store.open import Database


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

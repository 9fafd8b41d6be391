"""`hotline store migrate`: everything copied SQLite → MongoDB → SQLite, twice without harm."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.bot.conversation import ConversationState
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.channels.zalo.tokens import StoredTokens, TokenPair
from hotline.cli.main import main
from hotline.cli.store import migrate
from hotline.faq.entries import FaqEntry
from hotline.faq.history import FaqVersion
from hotline.faq.unanswered import AskedQuestion
from hotline.handoff.audit import AuditEntry
from hotline.handoff.crypto import Cipher
from hotline.handoff.routing import RoutingRule
from hotline.handoff.tickets import Reporter, TicketEvent
from hotline.handoff.users import Session, User
from hotline.storage.base import Storage
from hotline.storage.mongo.backend import MongoStorage
from hotline.storage.open import open_storage
from tests.support.mongo_server import scratch_url
from tests.support.stored_chat import StoredChat, chat_ticket

NOW = datetime.now(UTC).replace(microsecond=0)
KEY = ConversationKey("zalo", "u1")
CIPHER = Cipher(Cipher.new_key())
TICKET = chat_ticket(
    KEY,
    "PA-MIGR-2345",
    NOW,
    category="hardship",
    priority="high",
    description="hết gạo",
    ward="Phú Cường",
    reporter=Reporter(name="Trần Thị Hoa", phone="0987654321"),
    history=(TicketEvent(NOW, "bot", "filed", "new"),),
)
CHAT = StoredChat(
    InboundMessage(key=KEY, message_id="m1", text="hết gạo rồi", received_at=NOW),
    ConversationState(KEY).goto("report", "ask_ward", category="hardship"),
    "Phường nào?",
    TICKET,
)
ENTRY = FaqEntry("q1", ("Cách ly mấy ngày?",), "7 ngày.", "cach_ly", "published")


async def fill(storage: Storage) -> None:
    await CHAT.write(storage, CIPHER)
    faq = await storage.faq()
    stored = await faq.put(ENTRY)
    await (await storage.faq_history()).record(FaqVersion(stored, "an", "t", "created"))
    users = await storage.users()
    await users.add(User("lan", "agent", "hash", created_at=NOW))
    await users.add_token("lan", "tok", NOW)
    await users.add_session(Session("ses", "lan", "csrf", NOW, NOW + timedelta(hours=8)))
    await (await storage.audit()).record(AuditEntry(NOW, "lan", "agent", TICKET.code, "gọi"))
    await (await storage.alerts()).claim(TICKET.code, "due_soon", NOW)
    await (await storage.questions()).record(AskedQuestion("zalo", NOW, text="?", score=0.1))
    await (await storage.contact_log()).record(CHAT.message, "request_support", "bot")
    await (await storage.routing()).replace_rules([RoutingRule("*", ("UBND {ward}",))])
    await (await storage.rule_documents()).put("deadlines", {"default": 4}, "an")
    await StoredTokens(await storage.platform_tokens()).save(TokenPair("acc", "ref", "seed"))
    await (await storage.contact_book()).heard_from(KEY, NOW, "m1")


async def check(storage: Storage) -> None:
    state, texts, ticket = await CHAT.read(storage, CIPHER)
    assert state.step == "ask_ward"
    conversations = await storage.conversations(CIPHER)
    replies = await conversations.replies_to(InboundMessage(key=KEY, message_id="m1", text=""))
    assert replies is not None and [r.message.text for r in replies] == ["Phường nào?"]
    assert texts == ["hết gạo rồi", "Phường nào?"]
    assert not await conversations.record_inbound(
        InboundMessage(key=KEY, message_id="m1", text="again")
    )
    assert ticket == TICKET
    faq = await storage.faq()
    assert [e.id for e in await faq.list()] == ["q1"] and await faq.revision() == 1
    assert len(await (await storage.faq_history()).versions("q1")) == 1
    users = await storage.users()
    token_user = await users.user_for_token("tok")
    assert token_user is not None and token_user.name == "lan"
    assert await users.session("ses", NOW) is not None
    assert len(await (await storage.audit()).for_ticket(TICKET.code)) == 1
    assert not await (await storage.alerts()).claim(TICKET.code, "due_soon", NOW)
    assert len(await (await storage.questions()).open_unanswered()) == 1
    contacts = await (await storage.contact_log()).between(NOW, NOW + timedelta(hours=1))
    assert [c.intent for c in contacts] == ["request_support"]
    assert await (await storage.routing()).rules() == [RoutingRule("*", ("UBND {ward}",))]
    assert await (await storage.rule_documents()).get("deadlines") == {"default": 4}
    assert await StoredTokens(await storage.platform_tokens()).load() == TokenPair(
        "acc", "ref", "seed"
    )
    contact = await (await storage.contact_book()).get(KEY)
    assert (contact.last_inbound_at, contact.last_message_id) == (NOW, "m1")


async def test_sqlite_to_mongodb_and_back(tmp_path: Path, mongo_url: str) -> None:
    first, second = f"sqlite:///{tmp_path}/a.db", f"sqlite:///{tmp_path}/b.db"
    mongo = scratch_url(mongo_url)
    async with await open_storage(first) as source:
        await fill(source)
    notes: list[str] = []
    copied = await migrate(first, mongo, notes.append)
    assert await migrate(first, mongo, notes.append) == copied  # again: same records, no more
    assert "tickets: 1 copied" in notes
    assert await migrate(mongo, second, notes.append) == copied
    assert await migrate(mongo, second, notes.append) == copied  # again, onto SQLite
    for url in (mongo, second):
        async with await open_storage(url) as storage:
            try:
                await check(storage)
                # New ids continue after the copied ones.
                items = await (await storage.conversations()).queue(
                    [OutboundMessage(KEY, "tin mới")]
                )
                assert items[0].id > 2
            finally:
                if isinstance(storage, MongoStorage):
                    await storage.db.drop()


def test_the_command_reports_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = f"sqlite:///{tmp_path}/copy.db"
    source = f"sqlite:///{tmp_path}/empty.db"
    assert main(["store", "migrate", "--from", source, "--to", target]) == 0
    out = capsys.readouterr().out
    assert "messages: 0 copied" in out and "records copied to" in out

"""A chat with the ticket it filed, written into a store and read back: what the tests that copy
a store (migration, key rotation) fill it with and compare after the copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hotline.bot.conversation import ConversationState
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.handoff.crypto import Cipher
from hotline.handoff.tickets import Ticket, TicketStatus
from hotline.storage.base import Storage


def chat_ticket(key: ConversationKey, code: str, at: datetime, **fields: Any) -> Ticket:
    """A new ticket filed from this chat's message m1 at `at`, due five hours later."""
    return Ticket(
        code=code,
        status=TicketStatus.NEW,
        channel=key.channel,
        sender=key.sender,
        source_key=f"{key.channel}:m1",
        created_at=at,
        due_at=at + timedelta(hours=5),
        **fields,
    )


@dataclass(frozen=True)
class StoredChat:
    """One turn (the citizen's message, the dialog's state, the bot's reply) and its ticket."""

    message: InboundMessage
    state: ConversationState
    reply: str
    ticket: Ticket

    async def write(self, storage: Storage, cipher: Cipher | None) -> None:
        conversations = await storage.conversations(cipher)
        await conversations.record_inbound(self.message)
        reply = OutboundMessage(self.message.key, self.reply)
        await conversations.commit_turn(self.message, self.state, [reply])
        await (await storage.tickets(cipher)).insert(self.ticket)

    async def read(
        self, storage: Storage, cipher: Cipher | None
    ) -> tuple[ConversationState, list[str], Ticket | None]:
        """The chat's state, its transcript's texts and its ticket as the store has them."""
        conversations = await storage.conversations(cipher)
        key = self.message.key
        texts = [line["text"] for line in await conversations.transcript(key)]
        ticket = await (await storage.tickets(cipher)).get(self.ticket.code)
        return await conversations.load(key), texts, ticket

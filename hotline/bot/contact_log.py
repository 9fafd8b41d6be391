"""The contact log: each message citizens send, with its channel, time, parsed intent and who
handled it (the bot or an agent), for the dashboard. It keeps no identity: a conversation is
counted through a one-way digest of its key, never by who it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Protocol

from hotline.bot.messages import InboundMessage
from hotline.clock import utc_now

HandledBy = Literal["bot", "agent", "refused"]


@dataclass(frozen=True)
class Contact:
    """One inbound message as the dashboard counts it."""

    channel: str
    at: datetime
    conversation: str  # digest of the conversation key
    intent: str | None = None  # None when it was not parsed (an agent had it, or it was refused)
    handled_by: HandledBy = "bot"
    # The conversation's digest and the platform's message id: a redelivery replaces the
    # record, and another sender's message with the same id is a contact of its own.
    message_id: str = ""

    @classmethod
    def of(cls, message: InboundMessage, intent: str | None, handled_by: HandledBy) -> Contact:
        conversation = conversation_digest(message.key.channel, message.key.sender)
        at = message.received_at or utc_now()
        message_id = f"{conversation}/{message.message_id}"
        return cls(message.key.channel, at, conversation, intent, handled_by, message_id)

    def to_record(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "message_id": self.message_id,
            "at": self.at,
            "conversation": self.conversation,
            "intent": self.intent,
            "handled_by": self.handled_by,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Contact:
        return cls(
            record["channel"],
            record["at"],
            record["conversation"],
            record["intent"],
            record["handled_by"],
            record.get("message_id", ""),
        )


class ContactLog(Protocol):
    """Where contacts are kept: the engine's turn writes them (`ConversationStore.commit_turn`,
    in the turn's transaction), the dashboard reads."""

    async def record(
        self, message: InboundMessage, intent: str | None, handled_by: HandledBy
    ) -> None:
        """Log a message once (a redelivery replaces its record)."""
        ...

    async def between(self, since: datetime, until: datetime) -> list[Contact]: ...

    async def close(self) -> None: ...


def conversation_digest(channel: str, sender: str) -> str:
    """The same for a contact and the tickets its conversation filed; says nothing of who."""
    return hashlib.sha256(f"{channel}:{sender}".encode()).hexdigest()[:24]

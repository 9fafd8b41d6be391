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

HandledBy = Literal["bot", "agent", "refused"]


@dataclass(frozen=True)
class Contact:
    """One inbound message as the dashboard counts it."""

    channel: str
    at: datetime
    conversation: str  # digest of the conversation key
    intent: str | None = None  # None when it was not parsed (an agent had it, or it was refused)
    handled_by: HandledBy = "bot"

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Contact:
        return cls(
            record["channel"],
            record["at"],
            record["conversation"],
            record["intent"],
            record["handled_by"],
        )


class ContactLog(Protocol):
    """Where contacts are kept: the engine records, the dashboard reads."""

    async def record(self, message: InboundMessage, intent: str | None, handled_by: str) -> None:
        """Log a message once (a redelivery replaces its record)."""
        ...

    async def between(self, since: datetime, until: datetime) -> list[Contact]: ...

    async def close(self) -> None: ...


def conversation_digest(channel: str, sender: str) -> str:
    """The same for a contact and the tickets its conversation filed; says nothing of who."""
    return hashlib.sha256(f"{channel}:{sender}".encode()).hexdigest()[:24]

"""What a platform channel remembers about each citizen it talks to, across restarts.

Zalo quotes the citizen's last message in a reply; Messenger must know when the citizen last
wrote (the 24-hour rule). Both are written when the webhook stores a message, so they hold
after a restart for the replies still waiting in the outbox. Not to be confused with the
dashboard's contact log (`hotline.bot.contact_log`), which counts messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hotline.bot.messages import ConversationKey


@dataclass(frozen=True)
class PlatformContact:
    key: ConversationKey
    # When the citizen last wrote, by the platform's clock (the 24-hour window's start).
    last_inbound_at: datetime | None = None
    last_message_id: str | None = None
    # Receipts: up to when the platform says our messages were delivered, and read.
    delivered_at: datetime | None = None
    read_at: datetime | None = None


class ContactBook(Protocol):
    """One record per conversation; its times only ever move forward."""

    async def get(self, key: ConversationKey) -> PlatformContact: ...

    async def heard_from(self, key: ConversationKey, at: datetime, message_id: str | None) -> None:
        """The citizen wrote at `at`: the message a reply quotes, and when the window opened."""
        ...

    async def receipt(self, key: ConversationKey, kind: str, at: datetime) -> None:
        """The platform says our messages up to `at` were delivered ("delivery") or read."""
        ...

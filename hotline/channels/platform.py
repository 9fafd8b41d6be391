"""What the messaging platforms' channels share: long replies sent in parts, a contact book."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

import aiohttp

from hotline.bot.contact_book import ContactBook
from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.messages import Attachment
from hotline.channels.base import Channel
from hotline.channels.delivery import Delivery
from hotline.channels.intake import Intake
from hotline.config import Settings

Part = TypeVar("Part")
Api = TypeVar("Api")  # our client for the platform's HTTP API


class PartsSent:
    """How many parts of each long reply went out, so a retry sends only the rest."""

    def __init__(self) -> None:
        self._done: dict[int, int] = {}  # outbox id -> parts already sent

    async def send(
        self,
        item: OutboxItem,
        parts: Sequence[Part],
        send_part: Callable[[Part, bool], Awaitable[object]],
    ) -> None:
        """Send the parts not sent yet, in order; `send_part` is told which one is the last."""
        for index in range(self._done.get(item.id, 0), len(parts)):
            await send_part(parts[index], index == len(parts) - 1)
            self._done[item.id] = index + 1
        self._done.pop(item.id, None)


class ContactBookChannel(Channel, Generic[Api]):
    """What Zalo's and Messenger's channels share: our own client for the platform's HTTP API on
    the app's shared session (`api`), a contact book (when each citizen last wrote, what was
    delivered and read, kept in the hotline's database), and long replies sent in parts."""

    delivery = Delivery.COURIER
    carries_media = True

    def __init__(
        self,
        settings: Settings,
        intake: Intake,
        conversations: ConversationStore,
        session: aiohttp.ClientSession,
        contacts: ContactBook,
        api: Api,
    ) -> None:
        self.api = api
        self._settings = settings
        self._intake = intake
        self._conversations = conversations
        self._session = session
        self._contacts = contacts
        self._parts_sent = PartsSent()

    async def _fetch(self, attachment: Attachment) -> bytes:
        return await self._intake.download(self._session, attachment)

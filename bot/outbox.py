"""The outbox: every reply is stored before it is sent, then handed to its channel."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.channels.base import Channel
from bot.conversation import ConversationStore, OutboxItem
from bot.messages import OutboundMessage

log = logging.getLogger(__name__)


class Outbox:
    def __init__(self, conversations: ConversationStore, channels: Mapping[str, Channel]) -> None:
        self.conversations = conversations
        self.channels = channels

    async def push(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        """Store replies that answer no request (agent messages, status news) and send them."""
        items = await self.conversations.queue(replies)
        await self.deliver(items)
        return items

    async def deliver(self, items: list[OutboxItem]) -> int:
        """Hand stored replies to their channels; what cannot go now stays pending."""
        sent = 0
        for item in items:
            channel = self.channels.get(item.message.key.channel)
            if channel is None:
                log.warning("no channel %r for outbox item %d", item.message.key.channel, item.id)
                continue
            if await channel.send(item):
                sent += 1
        return sent

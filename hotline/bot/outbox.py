"""The outbox: every reply is stored before it is sent, then handed to its channel.

A reply that answers no request (an agent's message, news about a ticket) may be for a citizen
whose web chat socket or waiting app request is held by another worker. What this worker could
not hand over is announced on the event bus as `reply_waiting`; the relay carries it to the
other workers, whose channels then hand over what waits (hotline.channels.waiting).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.events import Event, EventBus
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.channels.base import Channel, HeldChannel

log = logging.getLogger(__name__)

REPLY_WAITING = "reply_waiting"


class Outbox:
    def __init__(
        self,
        conversations: ConversationStore,
        channels: Mapping[str, Channel],
        events: EventBus | None = None,
    ) -> None:
        self.conversations = conversations
        self.channels = channels
        self.events = events

    async def push(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        """Store replies that answer no request (agent messages, status news) and send them."""
        items = await self.conversations.queue(replies)
        waiting = await self.deliver(items)
        if self.events is not None:
            held = (i.message.key for i in waiting if self._held(i.message.key.channel))
            for key in dict.fromkeys(held):
                self.events.publish(Event(REPLY_WAITING, {"conversation": str(key)}))
        return items

    def _held(self, channel: str) -> bool:
        return isinstance(self.channels.get(channel), HeldChannel)

    async def deliver(self, items: list[OutboxItem]) -> list[OutboxItem]:
        """Hand stored replies to their channels; what cannot go now stays pending (returned)."""
        waiting = []
        for item in items:
            channel = self.channels.get(item.message.key.channel)
            if channel is None:
                log.warning("no channel %r for outbox item %d", item.message.key.channel, item.id)
                waiting.append(item)
            elif not await channel.send(item):
                waiting.append(item)
        return waiting


async def hand_over_waiting(events: EventBus, channels: Mapping[str, Channel]) -> None:
    """Forever: when a reply waits for a conversation, let its channel hand it over here.

    The channel does so only if this worker holds the citizen's connection; the event may come
    from this worker (nothing happens: its own push found no connection) or from another.
    """
    async with events.subscribe() as news:
        while True:
            event = await news.get()
            if event.kind != REPLY_WAITING:
                continue
            key = ConversationKey.parse(str(event.data.get("conversation", "")))
            channel = channels.get(key.channel) if key else None
            if key is None or not isinstance(channel, HeldChannel):
                continue
            try:
                await channel.hand_over(key)
            except Exception:  # one failed hand-over must not stop the others
                log.exception("could not hand over what waits for %s", key)

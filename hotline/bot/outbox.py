"""The outbox: every reply is stored before it is sent, then handed to its channel.

A channel that holds its citizens' connections (`Delivery.HELD`) is handed the reply at once;
for the platforms (`Delivery.COURIER`) the courier is woken and sends it, in order and within
limits. A reply that answers no request (an agent's message, news about a ticket) may be for a
citizen whose web chat socket or waiting app request is held by another worker. What this worker
could not hand over is announced on the event bus as `reply_waiting`; the relay carries it to the
other workers, whose channels then hand over what waits (`hand_over_waiting`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.events import Event, EventBus
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.channels.base import Channel
from hotline.channels.delivery import Delivery

log = logging.getLogger(__name__)

REPLY_WAITING = "reply_waiting"


class Outbox:
    def __init__(
        self,
        conversations: ConversationStore,
        channels: Mapping[str, Channel],
        events: EventBus,
        wake_courier: Callable[[], None],
    ) -> None:
        self.conversations = conversations
        self.channels = channels
        self.events = events
        self.wake_courier = wake_courier

    async def push(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        """Store replies that answer no request (agent messages, status news) and send them."""
        items = await self.conversations.queue(replies)
        await self.hand_out(items)
        return items

    async def hand_out(self, items: list[OutboxItem]) -> None:
        """Send stored replies; what a held connection on another worker awaits is announced."""
        waiting = await self.deliver(items)
        held = (i.message.key for i in waiting if self._held(i.message.key.channel))
        for key in dict.fromkeys(held):
            self.events.publish(Event(REPLY_WAITING, {"conversation": str(key)}))

    def _held(self, channel: str) -> bool:
        found = self.channels.get(channel)
        return found is not None and found.delivery is Delivery.HELD

    async def deliver(self, items: list[OutboxItem]) -> list[OutboxItem]:
        """Hand stored replies to their channels; what cannot go now stays pending (returned)."""
        waiting = []
        for item in items:
            channel = self.channels.get(item.message.key.channel)
            if channel is None:
                log.warning("no channel %r for outbox item %d", item.message.key.channel, item.id)
                waiting.append(item)
            elif channel.delivery is Delivery.COURIER:
                self.wake_courier()  # it sends the reply in order, within the platform's limit
                waiting.append(item)
            elif not await channel.push(item):
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
            if key is None or channel is None or channel.delivery is not Delivery.HELD:
                continue
            try:
                await channel.hand_over(key)
            except Exception:  # one failed hand-over must not stop the others
                log.exception("could not hand over what waits for %s", key)

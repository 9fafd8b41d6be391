"""Live takeover: an agent takes a conversation from the bot, talks in it, and hands it back."""

from __future__ import annotations

from dataclasses import replace

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.events import Event, EventBus
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.bot.outbox import Outbox


class Takeover:
    def __init__(self, conversations: ConversationStore, outbox: Outbox, events: EventBus) -> None:
        self.conversations = conversations
        self.outbox = outbox
        self.events = events

    async def take(self, key: ConversationKey, agent: str) -> None:
        """From now on the bot stays silent in this conversation; the agent answers."""
        state = await self.conversations.load(key)
        await self.conversations.save_state(replace(state.finished(), mode="agent"))
        self.events.publish(Event("takeover", {"conversation": str(key), "agent": agent}))

    async def say(self, key: ConversationKey, agent: str, text: str) -> list[OutboxItem]:
        """An agent's reply, delivered on whatever channel the citizen used."""
        items = await self.outbox.push([OutboundMessage(key, text, agent=agent)])
        self.events.publish(
            Event("agent_message", {"conversation": str(key), "agent": agent, "text": text})
        )
        return items

    async def hand_back(self, key: ConversationKey, agent: str) -> None:
        state = await self.conversations.load(key)
        await self.conversations.save_state(replace(state, mode="bot"))
        self.events.publish(Event("handback", {"conversation": str(key), "agent": agent}))

    async def notify(self, key: ConversationKey, text: str) -> list[OutboxItem]:
        """News for the citizen (a ticket resolved), whoever has the conversation."""
        return await self.outbox.push([OutboundMessage(key, text)])

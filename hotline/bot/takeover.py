"""Live takeover: a staff member takes a conversation from the bot, talks in it, and hands it back.

One rule says when the bot is paused: the conversation's mode is "agent" (`bot_paused`). A claim,
an automatic assignment and a transfer all set it here; the engine obeys it and the console shows
it. The citizen is told each time someone joins, leaves or hands back, by the staff member's shown
name ("Tổng đài viên Lan"), never by their login.
"""

from __future__ import annotations

from dataclasses import replace

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.dialogs import texts
from hotline.bot.events import Event, EventBus
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.bot.outbox import Outbox


class Takeover:
    def __init__(self, conversations: ConversationStore, outbox: Outbox, events: EventBus) -> None:
        self.conversations = conversations
        self.outbox = outbox
        self.events = events

    async def take(self, key: ConversationKey, agent: str, shown: str | None = None) -> None:
        """From now on the bot stays silent in this conversation; `agent` answers.

        `shown` is how the citizen sees them; the citizen is told when someone new joins
        (taking a conversation one already has says nothing twice)."""
        state = await self.conversations.load(key)
        if state.bot_paused and state.agent == agent:
            return
        await self.conversations.save_state(replace(state.finished(), mode="agent", agent=agent))
        if shown is not None:
            await self.outbox.push(
                [OutboundMessage(key, texts.STAFF_JOINED.format(staff=shown), staff=shown)]
            )
        self.events.publish(Event("takeover", {"conversation": str(key), "agent": agent}))

    async def say(
        self, key: ConversationKey, agent: str, text: str, shown: str | None = None
    ) -> list[OutboxItem]:
        """A staff member's reply, labelled with their shown name, on the citizen's channel."""
        shown = shown or texts.staff_shown("agent", None)
        items = await self.outbox.push([OutboundMessage(key, text, agent=agent, staff=shown)])
        self.events.publish(
            Event("agent_message", {"conversation": str(key), "agent": agent, "text": text})
        )
        return items

    async def hand_back(self, key: ConversationKey, agent: str, shown: str | None = None) -> None:
        """The bot answers again; the citizen is told who handed them back (when `shown`)."""
        state = await self.conversations.load(key)
        if not state.bot_paused:
            return
        await self.conversations.save_state(replace(state, mode="bot", agent=None))
        if shown is not None:
            said = texts.STAFF_HANDED_BACK.format(staff=shown)
            await self.outbox.push([OutboundMessage(key, said, staff=shown)])
        self.events.publish(Event("handback", {"conversation": str(key), "agent": agent}))

    async def leave(self, key: ConversationKey, agent: str, shown: str) -> None:
        """`agent` leaves a conversation another staff member takes on (a transfer)."""
        said = texts.STAFF_LEFT.format(staff=shown)
        await self.outbox.push([OutboundMessage(key, said, staff=shown)])
        self.events.publish(Event("staff_left", {"conversation": str(key), "agent": agent}))

    async def notify(self, key: ConversationKey, text: str) -> list[OutboxItem]:
        """News for the citizen (a ticket resolved), whoever has the conversation."""
        return await self.outbox.push([OutboundMessage(key, text)])

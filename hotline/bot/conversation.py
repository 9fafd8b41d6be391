"""Conversation state and the store that keeps conversations, messages and the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, Protocol

from hotline.bot.contact_log import Contact
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.faq.unanswered import AskedQuestion

Mode = Literal["bot", "agent"]


@dataclass(frozen=True)
class ConversationState:
    """Who answers (the bot or an agent) and the dialog in progress with its slots."""

    key: ConversationKey
    mode: Mode = "bot"
    dialog: str | None = None
    step: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    # Why the platform refuses to deliver here (bot blocked, unsubscribed); None when reachable.
    # Set by the courier, cleared when the citizen writes again.
    unreachable: str | None = None
    # The staff member (login) who has the conversation while mode is "agent".
    agent: str | None = None

    def goto(self, dialog: str | None, step: str | None, **slots: Any) -> ConversationState:
        """The state at another step, with these slots added."""
        return replace(self, dialog=dialog, step=step, slots={**self.slots, **slots})

    def finished(self) -> ConversationState:
        if self.dialog is None and self.step is None and not self.slots:
            return self  # idle already: frozen, so no copy (most turns of a question end so)
        return replace(self, dialog=None, step=None, slots={})

    def starting(self, dialog: str | None, step: str | None, **slots: Any) -> ConversationState:
        """`finished().goto(dialog, step, **slots)` in one copy: a dialog's first step, with
        only these slots."""
        return replace(self, dialog=dialog, step=step, slots=slots)

    def to_doc(self) -> dict[str, Any]:
        doc = {"mode": self.mode, "dialog": self.dialog, "step": self.step, "slots": self.slots}
        if self.unreachable:
            doc["unreachable"] = self.unreachable
        if self.agent:
            doc["agent"] = self.agent
        return doc

    @classmethod
    def from_doc(cls, key: ConversationKey, doc: dict[str, Any]) -> ConversationState:
        return cls(key=key, **doc)

    @property
    def bot_paused(self) -> bool:
        """The one rule: the bot is silent while a staff member has the conversation."""
        return self.mode == "agent"


@dataclass(frozen=True)
class OutboxItem:
    """A stored reply, with the id used to mark it delivered and its delivery attempts so far."""

    id: int
    message: OutboundMessage
    created_at: datetime
    attempts: int = 0


class ConversationStore(Protocol):
    async def record_inbound(self, message: InboundMessage) -> bool:
        """Store a message before it is processed; False if its channel id was seen before."""
        ...

    async def load(self, key: ConversationKey) -> ConversationState: ...

    async def begin(
        self, message: InboundMessage
    ) -> tuple[list[OutboxItem] | None, ConversationState]:
        """What a turn starts from, in one read where the back end can: `replies_to(message)`
        and the state of its conversation."""
        ...

    async def commit_turn(
        self,
        message: InboundMessage,
        state: ConversationState | None,
        replies: list[OutboundMessage],
        contact: Contact | None = None,
        hand_over: bool = False,
        questions: Sequence[AskedQuestion] = (),
    ) -> list[OutboxItem]:
        """Atomically: store the message if it is not yet, save the state (None: the turn left
        it as it was, nothing to save), queue the replies, mark the message processed. The
        contact goes to the contact log and the FAQ `questions` to the question log with them
        where the back end can (SQLite: the same transaction), else after; failing to log them
        never fails the turn.

        `hand_over` (a channel that hands replies over in its answer, the mobile app's REST):
        returns what waits for the conversation, the turn's replies among them, oldest first,
        marked delivered, as `take_pending` after the turn would (SQLite: in the same write)."""
        ...

    async def replies_to(self, message: InboundMessage) -> list[OutboxItem] | None:
        """The replies already given to a message, or None if it was never processed."""
        ...

    async def unprocessed(self, before: datetime | None = None) -> list[InboundMessage]:
        """Messages stored (before `before`) but not processed (a process stopped mid-way, a
        turn failed), oldest first."""
        ...

    async def save_state(self, state: ConversationState) -> None:
        """Save a state outside a turn (an agent takes over or hands back)."""
        ...

    async def queue(self, replies: list[OutboundMessage]) -> list[OutboxItem]:
        """Store replies that answer no inbound message (agent replies, status news)."""
        ...

    async def claim(self, item_id: int, holder: str, until: datetime) -> bool:
        """Take a pending reply for sending until `until` (compare-and-set, across workers).

        False when it is no longer pending or another holder's claim has not expired; the same
        holder may renew its own claim. Marking the reply delivered or failed ends the claim.
        """
        ...

    async def mark_delivered(self, ids: list[int]) -> None: ...

    async def mark_failed(self, item_id: int, error: str, retry_at: datetime | None) -> None:
        """Count a failed attempt; retry at `retry_at`, or give up for good when it is None."""
        ...

    async def due(self, now: datetime, channels: list[str], limit: int = 100) -> list[OutboxItem]:
        """Pending replies on these channels whose next attempt is due and that nobody holds a
        live claim on, oldest first."""
        ...

    async def pending(self, key: ConversationKey) -> list[OutboxItem]:
        """Replies stored but not yet delivered to this conversation, oldest first."""
        ...

    async def take_pending(self, key: ConversationKey) -> list[OutboxItem]:
        """`pending`, marked delivered as they are taken (in one write where the back end can):
        a channel that hands them over in its answer (the mobile app's REST). Of two takers at
        once, across workers, each reply goes to one."""
        ...

    async def transcript(self, key: ConversationKey, limit: int = 200) -> list[dict[str, Any]]:
        """Both directions of a conversation, oldest first; each line with its row's "id" and,
        for a turn's reply, the id of the message it answers ("reply_to", else None)."""
        ...

    async def said_before(self, key: ConversationKey, message_id: str) -> bool:
        """Whether the sender wrote a message other than `message_id` (cheap: nothing is read
        back or decrypted)."""
        ...

    async def outbox_status(self, ids: list[int]) -> dict[int, tuple[str, str | None]]:
        """Where these stored replies are: "pending", "held", "delivered" or "failed" (given
        up), each with its last error; unknown ids are left out."""
        ...

    async def ping(self) -> bool: ...

    async def close(self) -> None: ...

"""The engine: store the message, skip redeliveries, run the dialog, store the replies."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Container
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import replace
from datetime import UTC, datetime

from hotline.bot.contact_log import Contact
from hotline.bot.conversation import ConversationState, ConversationStore, OutboxItem
from hotline.bot.dialogs import texts
from hotline.bot.dialogs.base import Context, Turn
from hotline.bot.dialogs.router import DialogRouter
from hotline.bot.events import Event, EventBus
from hotline.bot.leases import ConversationLeases, leased, new_worker_id
from hotline.bot.locks import KeyedLocks
from hotline.bot.messages import InboundMessage, OutboundMessage
from hotline.bot.metrics import intents_of, messages_of
from hotline.bot.nlu import telex
from hotline.bot.nlu.base import NLU
from hotline.bot.ticket_quota import TicketQuotaReached
from hotline.faq.knowledge import FaqKnowledge

log = logging.getLogger(__name__)

# Hands a recovered turn's replies to their channels (the outbox's `hand_out`).
Deliver = Callable[[list[OutboxItem]], Awaitable[object]]


class Engine:
    """Channel-neutral message handling; channels call `handle` and deliver what it returns."""

    def __init__(
        self,
        conversations: ConversationStore,
        nlu: NLU,
        router: DialogRouter,
        max_message_chars: int = 4000,
        events: EventBus | None = None,
        leases: ConversationLeases | None = None,
        worker: str | None = None,
        knowledge: FaqKnowledge | None = None,
    ) -> None:
        self.conversations = conversations
        self.nlu = nlu
        self.router = router
        self.max_message_chars = max_message_chars
        self.events = events if events is not None else EventBus()  # an idle bus is falsy
        self._locks = KeyedLocks()
        # Several workers on one store: the lease orders a conversation's turns across them.
        # None for a process alone on its store: the asyncio lock is enough, and a turn is
        # spared the two writes (take, give back) a lease costs.
        self.leases = leases
        self.worker = worker or new_worker_id()  # the holder of this worker's leases
        # The server listens before the FAQ index is built: a turn waits for it (bounded).
        self.knowledge = knowledge

    async def handle(self, message: InboundMessage, hand_over: bool = False) -> list[OutboxItem]:
        """Process a message once; a redelivery gets the replies the first delivery got.

        One transaction stores the message with its turn (the state, the replies, the contact
        and the "processed" mark): the caller answers only after it, so a crash before it
        loses nothing acknowledged. A turn that fails leaves the message stored unprocessed,
        so the sweep tries it again. `hand_over` (a channel that answers with the replies):
        what else waits for the conversation comes too, marked delivered by the same write.
        """
        messages_of(message.key.channel).inc()
        async with self._turn_of(message):
            earlier, state = await self.conversations.begin(message)
            if earlier is not None:
                if hand_over:  # delivered before, they come again with what waits now
                    return earlier + await self.conversations.take_pending(message.key)
                return earlier
            try:
                return await self._process(message, state, hand_over)
            except Exception:
                await self._keep(message)
                raise

    async def _keep(self, message: InboundMessage) -> None:
        try:
            await self.conversations.record_inbound(message)
        except Exception:  # the store is in trouble: the caller hears of it and sends again
            log.exception("could not keep message %s to try again", message.message_id)

    def _turn_of(self, message: InboundMessage) -> AbstractAsyncContextManager[None]:
        """Hold the conversation for a turn: its asyncio lock, and its lease across workers.
        One worker alone holds the lock itself (no wrapper around it: a turn's second
        generator-made context manager cost about as much as its lock)."""
        if self.leases is None:
            return self._locks.hold(message.key)
        return self._leased_turn(message, self.leases)

    @asynccontextmanager
    async def _leased_turn(
        self, message: InboundMessage, leases: ConversationLeases
    ) -> AsyncIterator[None]:
        async with self._locks.hold(message.key), leased(leases, message.key, self.worker):
            yield

    async def accept(self, message: InboundMessage) -> bool:
        """Store a message before anything else; False for a redelivery of a stored one.

        A webhook that must answer fast calls this, answers, then calls `finish` in the
        background: whatever happens in between, the restart's `recover` finishes it.
        """
        messages_of(message.key.channel).inc()
        return await self.conversations.record_inbound(message)

    async def finish(self, message: InboundMessage, is_new: bool = True) -> list[OutboxItem]:
        """Run the dialog for an accepted message, or return the replies it already got."""
        async with self._turn_of(message):
            # Asked even of a new message: another worker may have taken a concurrent
            # redelivery of it first and answered it while this one waited for the lease.
            earlier, state = await self.conversations.begin(message)
            if earlier is not None:
                return earlier
            if not is_new:
                log.info(
                    "message %s was stored but never processed; processing it now",
                    message.message_id,
                )
            return await self._process(message, state)

    async def recover(
        self,
        before: datetime | None = None,
        busy: Container[tuple[str, str]] = (),
        deliver: Deliver | None = None,
    ) -> int:
        """Process the messages stored (before `before`) but never finished: by a previous run,
        a dead worker, a failed background turn. `busy` are (channel, message id) this worker is
        processing now; `deliver` gets each turn's replies (a web chat socket still open hears
        them). Returns how many were finished here."""
        finished = 0
        for message in await self.conversations.unprocessed(before):
            if (message.key.channel, message.message_id) in busy:
                continue
            try:
                async with self._turn_of(message):
                    earlier, state = await self.conversations.begin(message)
                    if earlier is not None:  # finished meanwhile
                        continue
                    items = await self._process(message, state)
                finished += 1
                if deliver is not None:
                    await deliver(items)
            except Exception:  # one message that fails again must not hold up the others
                log.exception("could not finish message %s", message.message_id)
        return finished

    async def _process(
        self, message: InboundMessage, state: ConversationState, hand_over: bool = False
    ) -> list[OutboxItem]:
        loaded = state
        if state.unreachable:  # they wrote again, so the platform lets us answer again
            state = replace(state, unreachable=None)
        turn, contact = await self._turn(message, state)
        # A turn that leaves the state as it found it (a new sender's question answered: no
        # dialog before, none after) writes no state: the next turn reads the same either way.
        saved = turn.state if turn.state != loaded else None
        items = await self.conversations.commit_turn(
            message, saved, list(turn.replies), contact, hand_over, turn.questions
        )
        if state.bot_paused:  # stored first, so the console's reload shows it too
            self.events.publish(citizen_message(message))
        return items

    async def _turn(
        self, message: InboundMessage, state: ConversationState
    ) -> tuple[Turn, Contact]:
        """The dialog's turn with the FAQ questions it asked, and the message as the dashboard
        counts it (all written with the turn)."""
        if state.bot_paused:
            # An agent has the conversation: the bot stays silent.
            return Turn(state), Contact.of(message, None, "agent")
        problem = self._problem(message)
        if problem:
            reply = OutboundMessage(message.key, problem)
            return Turn(state, (reply,)), Contact.of(message, None, "refused")
        if self.knowledge is not None:
            # Waits only for the first index. Past the bound the turn fails (KnowledgeNotReady),
            # so the message stays stored unprocessed and the sweep answers it later.
            await self.knowledge.ready_for_questions()
        # "tieem" read as "tiêm"; a ticket keeps what was typed (`Context.their_words`).
        decoded = telex.decode(message.text)
        read = message if decoded is message.text else replace(message, text=decoded)
        parse = await self.nlu.parse(read.content)
        intents_of(parse.intent.name).inc()
        contact = Contact.of(message, parse.intent.name, "bot")
        ctx = Context(read, parse, self.router.services, typed=message.text)
        try:
            turn = await self.router.handle(ctx, state)
        except TicketQuotaReached:
            # Nothing filed; the conversation stays where it was, so they can send it later.
            # The question asked before the refusal is logged all the same.
            turn = Turn(state, (OutboundMessage(message.key, texts.TICKET_QUOTA),))
        if ctx.questions:
            turn = Turn(turn.state, turn.replies, tuple(ctx.questions))
        return turn, contact

    def _problem(self, message: InboundMessage) -> str | None:
        if len(message.content) > self.max_message_chars:
            return texts.TOO_LONG.format(limit=self.max_message_chars)
        if message.metadata.get("unsupported") and not message.content.strip():
            return texts.UNSUPPORTED  # a sticker, a voice note: polite, not "empty message"
        if not message.content.strip() and not message.attachments:
            return texts.EMPTY
        return None


def citizen_message(message: InboundMessage) -> Event:
    """What the agent console shows live of a message in a conversation an agent has taken."""
    return Event(
        "citizen_message",
        {
            "conversation": str(message.key),
            "text": message.text or message.payload or "",
            "attachments": [a.to_dict() for a in message.attachments],
            "at": (message.received_at or datetime.now(UTC)).isoformat(),
        },
    )

"""The Rasa-compatible REST channel used by the mobile app: POST a message, get the replies.

Replies that answer no request (an agent's message, news about a ticket) cannot be pushed over
plain HTTP: they wait in the outbox and reach the app in two ways. They come first in the answer
to the app's next message, and `GET /webhooks/rest/messages?sender=ID[&wait=S]` hands them over
at any time, waiting up to S seconds (at most MAX_WAIT) for one to arrive: a long poll the app
holds open while its chat screen is shown. What was handed over is marked delivered.

A fetch must prove it comes from that sender, since a sender id is no password: the answer to a
sender's first message carries the sender's secret in the `X-Hotline-Sender-Token` header, and
a fetch shows it again (`Authorization: Bearer SECRET` or `&token=SECRET`). Apps that never
fetch ignore the header; the webhook answers them as Rasa's REST channel does.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import secrets
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any, Self

from aiohttp import web

from hotline import safe_json
from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.bot.waits import at_most
from hotline.channels.base import Channel, ChannelParts, Route, json_error, json_response
from hotline.channels.delivery import Delivery
from hotline.channels.intake import Inbox
from hotline.handoff.confidentiality import SenderProofs

MAX_ID_CHARS = 128
MAX_WAIT = 25.0  # seconds: under the idle timeouts of common proxies and mobile networks
TOKEN_HEADER = "X-Hotline-Sender-Token"


class _MessageIds:
    """Ids for messages the app sent without one: unique across processes and restarts (a
    random prefix per process, new in a forked child), without the system call per message
    that uuid4 makes."""

    def __init__(self) -> None:
        self.renew()
        os.register_at_fork(after_in_child=self.renew)

    def renew(self) -> None:
        self.prefix, self.counter = secrets.token_hex(8), itertools.count(1)

    def next(self) -> str:
        return f"{self.prefix}{next(self.counter):016x}"


next_message_id = _MessageIds().next


def parse_body(body: Any) -> InboundMessage | str:
    """An inbound message from a REST body, or why the body is refused."""
    if not isinstance(body, dict):
        return "body must be a JSON object"
    sender, text, metadata = body.get("sender"), body.get("message"), body.get("metadata") or {}
    if isinstance(sender, int) and not isinstance(sender, bool):
        sender = str(sender)
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_ID_CHARS:
        return "sender must be a non-empty string of at most 128 characters"
    if not isinstance(text, str):
        return "message must be a string"
    if not text.strip():
        return "message must not be empty"
    if not isinstance(metadata, dict):
        return "metadata must be an object"
    message_id = metadata.get("message_id") or next_message_id()
    if not isinstance(message_id, str) or len(message_id) > MAX_ID_CHARS:
        return "metadata.message_id must be a string of at most 128 characters"
    is_payload = text.startswith("/")
    return InboundMessage(
        key=ConversationKey("rest", sender),
        message_id=message_id,
        text="" if is_payload else text,
        payload=text if is_payload else None,
        metadata=metadata,
        received_at=datetime.now(UTC),
    )


def to_rasa(item: OutboxItem) -> dict[str, Any]:
    return {"recipient_id": item.message.key.sender, **item.message.to_frame()}


class RestChannel(Channel):
    name = "rest"
    delivery = Delivery.HELD  # by the app's waiting request, or with its next message

    def __init__(
        self, inbox: Inbox, conversations: ConversationStore, proofs: SenderProofs
    ) -> None:
        self.inbox = inbox
        self.conversations = conversations
        self.proofs = proofs
        self._waiting: defaultdict[str, set[asyncio.Event]] = defaultdict(set)
        self._stopping = False  # the server stops: long polls answer at once

    @classmethod
    def routes(cls) -> list[Route]:
        return [
            Route("GET", "/webhooks/rest/", cls.health),
            Route("POST", "/webhooks/rest/webhook", cls.webhook),
            Route("GET", "/webhooks/rest/messages", cls.messages),
        ]

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        return cls(parts.inbox, parts.conversations, parts.proofs)

    async def health(self, request: web.Request) -> web.Response:
        return json_response({"status": "ok"})

    async def webhook(self, request: web.Request) -> web.Response:
        parsed = parse_body(await safe_json.read_object(request))
        if isinstance(parsed, str):
            return json_error(400, parsed)
        # What waited for this sender goes first, in the order it was written; the turn's own
        # replies are among them (a redelivery's were delivered before, come again). Taken and
        # marked delivered by the turn's own write.
        replies = await self.inbox.handle(parsed, hand_over=True)
        # Only the first answer (or a redelivery of the first message) carries the secret:
        # whoever writes later as this sender (a guessed or overheard id) does not get it.
        # Asked after the turn has stored this message, never before it: of two first messages
        # at once, the later one then sees the earlier, whichever worker took it (asked before,
        # both could read "never wrote" and both get the secret). SQLite answers it with what
        # the turn's own write found (asked inside it, kept once committed); MongoDB with one
        # indexed look.
        said_before = await self.conversations.said_before(parsed.key, parsed.message_id)
        items = sorted({i.id: i for i in replies}.values(), key=lambda i: i.id)
        response = json_response([to_rasa(i) for i in items])
        if not said_before:
            response.headers[TOKEN_HEADER] = self.proofs.of(self.name, parsed.key.sender)
        return response

    async def messages(self, request: web.Request) -> web.Response:
        """What waits for a sender, waiting up to `wait` seconds when nothing does yet."""
        sender = request.query.get("sender", "")
        if not sender.strip() or len(sender) > MAX_ID_CHARS:
            return json_error(400, "sender must be a non-empty string of at most 128 characters")
        try:
            wait = float(request.query.get("wait", "0"))
        except ValueError:
            return json_error(400, "wait must be a number of seconds")
        if not 0 <= wait <= MAX_WAIT:
            return json_error(400, f"wait must be between 0 and {MAX_WAIT:.0f} seconds")
        scheme, _, bearer = request.headers.get("Authorization", "").partition(" ")
        shown = bearer.strip() if scheme.lower() == "bearer" else request.query.get("token", "")
        if not self.proofs.proves(self.name, sender, shown):
            return json_error(401, f"show the sender's secret (the {TOKEN_HEADER} header)")
        key = ConversationKey(self.name, sender)
        items = await self._take_waiting(key, wait)
        return json_response([to_rasa(i) for i in items])

    async def _take_waiting(self, key: ConversationKey, wait: float) -> list[OutboxItem]:
        arrived = asyncio.Event()
        self._waiting[key.sender].add(arrived)  # before reading: a push in between wakes it
        try:
            # Taken (marked delivered) as they are read: a REST answer on another worker that
            # hands them over at the same moment does not hand over the same replies.
            items = await self.conversations.take_pending(key)
            if not items and wait > 0 and not self._stopping:
                # Woken by `push` in this process; another worker's push is found at timeout.
                await at_most(wait, arrived.wait())
                items = await self.conversations.take_pending(key)
        finally:
            self._waiting[key.sender].discard(arrived)
            if not self._waiting[key.sender]:
                del self._waiting[key.sender]
        return items

    async def push(self, item: OutboxItem) -> bool:
        """Pushed replies wait in the outbox for the app to fetch; a waiting fetch is woken."""
        await self.hand_over(item.message.key)
        return False

    async def stopping(self) -> None:
        """Wake every long poll: each answers what waits now, and the app asks again later."""
        self._stopping = True
        for waiting in self._waiting.values():
            for arrived in waiting:
                arrived.set()

    async def hand_over(self, key: ConversationKey) -> None:
        """Wake the app's waiting fetches held by this worker; they take what waits."""
        for arrived in self._waiting.get(key.sender, ()):
            arrived.set()

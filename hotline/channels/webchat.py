"""The web chat widget's channel: a WebSocket per browser tab, replies pushed at any time."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from typing import Self

from aiohttp import WSCloseCode, WSMsgType, web

from hotline import safe_json
from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.channels.base import Channel, ChannelParts, Route, json_error
from hotline.channels.delivery import Delivery
from hotline.channels.intake import Inbox
from hotline.faq.knowledge import KnowledgeNotReady
from hotline.storage.open import RETRY_AFTER, trouble_of

log = logging.getLogger(__name__)

_SENDER = re.compile(r"^[A-Za-z0-9_.:-]{1,128}$")
BAD_FRAME = "Tin nhắn không hợp lệ. Xin gõ lại nội dung anh/chị cần hỏi."
# Said when a message got no reply from the bot; a widget that does not know it shows nothing.
QUIET = {"typing": False}
CLOSE_SECONDS = 2.0  # how long a closing socket waits for the browser's close frame


def parse_frame(sender: str, raw: str) -> InboundMessage | None:
    """A client frame `{"message": text}` or `{"payload": p}` (optional "id"), or None."""
    try:
        frame = safe_json.parse(raw, max_bytes=None)
    except safe_json.BadJson:
        return None
    if not isinstance(frame, dict):
        return None
    text, payload, frame_id = frame.get("message"), frame.get("payload"), frame.get("id")
    if payload is not None and not isinstance(payload, str):
        return None
    if payload is None and not isinstance(text, str):
        return None
    if frame_id is not None and (not isinstance(frame_id, str) or not _SENDER.match(frame_id)):
        return None
    if payload is None and isinstance(text, str) and text.startswith("/"):
        text, payload = "", text
    return InboundMessage(
        key=ConversationKey("webchat", sender),
        message_id=frame_id or uuid.uuid4().hex,
        text=text if isinstance(text, str) else "",
        payload=payload,
        received_at=datetime.now(UTC),
    )


def not_taken(sender: str, exc: Exception) -> dict[str, object]:
    """The frame for a message the hotline could not take: store trouble says so, as the HTTP
    channels' 503 does (with how long to wait); anything else is a plain "send it again".
    Just after a start (no FAQ index yet) the message is kept, as the HTTP 503 "starting" says,
    and the sweep answers it over the socket."""
    if isinstance(exc, KnowledgeNotReady):
        log.info("web chat message from %s kept until the FAQ index is built", sender)
        return {"text": texts.STARTING}
    found = trouble_of(exc)
    if found is None:
        log.exception("web chat message from %s was not taken", sender, exc_info=exc)
        return {"text": texts.NOT_TAKEN}
    log.warning("web chat message from %s met store trouble (%s): %s", sender, found, exc)
    return {"text": texts.STORE_TROUBLE, "trouble": str(found), "retry_after": RETRY_AFTER[found]}


class WebChatChannel(Channel):
    name = "webchat"
    delivery = Delivery.HELD  # over the browser tab's socket

    def __init__(
        self, inbox: Inbox, conversations: ConversationStore, max_frame_bytes: int = 64 * 1024
    ) -> None:
        self.inbox = inbox
        self.conversations = conversations
        self.max_frame_bytes = max_frame_bytes
        self._sockets: dict[str, set[web.WebSocketResponse]] = defaultdict(set)

    @classmethod
    def routes(cls) -> list[Route]:
        return [Route("GET", "/webchat/ws", cls.connect)]

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        return cls(parts.inbox, parts.conversations, parts.settings.max_body_bytes)

    async def connect(self, request: web.Request) -> web.StreamResponse:
        sender = request.query.get("sender", "")
        if not _SENDER.match(sender):
            return json_error(400, "sender must be 1-128 letters, digits or _.:-")
        ws = web.WebSocketResponse(
            heartbeat=30, max_msg_size=self.max_frame_bytes, timeout=CLOSE_SECONDS
        )
        await ws.prepare(request)
        self._sockets[sender].add(ws)
        try:
            await self.hand_over(ConversationKey(self.name, sender))
            async for frame in ws:
                if frame.type == WSMsgType.TEXT:
                    await self._receive(ws, sender, frame.data)
                elif frame.type == WSMsgType.BINARY:
                    await ws.send_json({"text": BAD_FRAME})
        finally:
            self._sockets[sender].discard(ws)
            if not self._sockets[sender]:
                del self._sockets[sender]
        return ws

    async def _receive(self, ws: web.WebSocketResponse, sender: str, raw: str) -> None:
        message = parse_frame(sender, raw)
        if message is None:
            await ws.send_json({"text": BAD_FRAME})
            return
        try:
            items = await self.inbox.handle(message)
        except Exception as exc:  # one failed turn must not drop the citizen's socket
            await ws.send_json(not_taken(sender, exc))
            return
        if not items:  # the bot stays silent (an agent has the chat): the widget stops its dots
            await ws.send_json(QUIET)
        for item in items:
            await self.push(item)

    async def hand_over(self, key: ConversationKey) -> None:
        """What found no open socket goes out: on reconnect, or when another worker wrote it."""
        if key.sender not in self._sockets:
            return
        for item in await self.conversations.pending(key):
            if not await self.push(item):
                break

    async def push(self, item: OutboxItem) -> bool:
        delivered = False
        for ws in list(self._sockets.get(item.message.key.sender, ())):
            try:
                await ws.send_json(item.message.to_frame())
                delivered = True
            except ConnectionError:
                log.info("web chat socket closed while sending to %s", item.message.key.sender)
        if delivered:
            await self.conversations.mark_delivered([item.id])
        return delivered

    async def stopping(self) -> None:
        """Close every socket at once with 1001 (going away): the browsers reconnect to a
        worker that runs, and the stop does not wait for them."""
        sockets = [ws for group in self._sockets.values() for ws in group]
        closing = (
            ws.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping") for ws in sockets
        )
        await asyncio.gather(*closing, return_exceptions=True)

    async def close(self) -> None:
        """Close every open socket: the browsers reconnect to a worker that runs."""
        for sockets in list(self._sockets.values()):
            for ws in list(sockets):
                await ws.close()

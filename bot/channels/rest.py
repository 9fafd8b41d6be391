"""The Rasa-compatible REST channel used by the mobile app: POST a message, get the replies."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from bot.channels.base import Inbox, json_error, json_response
from bot.conversation import OutboxItem
from bot.messages import ConversationKey, InboundMessage

MAX_ID_CHARS = 128


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
    message_id = metadata.get("message_id") or uuid.uuid4().hex
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


class RestChannel:
    name = "rest"

    def __init__(self, inbox: Inbox) -> None:
        self.inbox = inbox

    def routes(self) -> list[web.AbstractRouteDef]:
        return [
            web.get("/webhooks/rest/", self.health),
            web.post("/webhooks/rest/webhook", self.webhook),
        ]

    async def health(self, request: web.Request) -> web.Response:
        return json_response({"status": "ok"})

    async def webhook(self, request: web.Request) -> web.Response:
        if request.content_type != "application/json":
            return json_error(415, "content type must be application/json")
        try:
            body = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return json_error(400, "body is not valid JSON")
        parsed = parse_body(body)
        if isinstance(parsed, str):
            return json_error(400, parsed)
        items = await self.inbox.handle(parsed)
        await self.inbox.mark_delivered([i.id for i in items])
        return json_response([to_rasa(i) for i in items])

    async def send(self, item: OutboxItem) -> bool:
        """The REST channel only answers requests; pushed replies wait in the outbox."""
        return False

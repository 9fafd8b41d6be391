"""Viber callbacks into hotline messages, and replies into Viber's message payloads.

viberbot parses the callback (`create_request`) and builds the message objects; we never use
its `Api`, whose HTTP calls are blocking `requests` and whose signature check uses `==`.
Shapes: https://developers.viber.com/docs/api/rest-bot-api/ (callbacks, send_message, keyboards).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

from viberbot.api.messages import LocationMessage, PictureMessage, TextMessage
from viberbot.api.viber_requests import ViberMessageRequest

from hotline.bot.messages import Attachment, ConversationKey, InboundMessage, OutboundMessage

CHANNEL = "viber"
MIN_API_VERSION = 3  # keyboards with reply buttons need at least 3 on the citizen's app


def signature_ok(body: bytes, sent: str | None, token: str) -> bool:
    """X-Viber-Content-Signature: hex HMAC-SHA256 of the raw body keyed by the auth token."""
    if not token or not sent:
        return False
    expected = hmac.new(token.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), sent.strip().lower().encode())


def inbound(request: ViberMessageRequest) -> InboundMessage:
    """A `message` callback as a hotline message; message_token deduplicates redeliveries."""
    message = request.message
    key = ConversationKey(CHANNEL, str(request.sender.id))
    text, payload = "", None
    attachments: list[Attachment] = []
    metadata: dict[str, Any] = {"viber_message_token": request.message_token}
    if isinstance(message, TextMessage):
        text = message.text or ""
        if text.startswith("/"):  # a keyboard button's ActionBody comes back as text
            text, payload = "", text
    elif isinstance(message, PictureMessage):
        caption = message.text or None
        attachments.append(Attachment("photo", url=message.media, caption=caption))
        text = caption or ""
    elif isinstance(message, LocationMessage):
        place = message.location
        attachments.append(
            Attachment("location", latitude=place.latitude, longitude=place.longitude)
        )
    else:
        metadata["unsupported"] = type(message).__name__
    return InboundMessage(
        key=key,
        message_id=str(request.message_token),
        text=text,
        payload=payload,
        attachments=tuple(attachments),
        metadata=metadata,
        received_at=datetime.now(UTC),
    )


def keyboard(message: OutboundMessage) -> dict[str, Any] | None:
    """Buttons as a Viber keyboard: each a reply button whose ActionBody is the payload."""
    if not message.buttons:
        return None
    return {
        "Type": "keyboard",
        "DefaultHeight": False,
        "Buttons": [
            {
                "Columns": 6,
                "Rows": 1,
                "ActionType": "reply",
                "ActionBody": b.payload,
                "Text": b.title,
                "TextSize": "regular",
            }
            for b in message.buttons
        ],
    }


def send_payload(message: OutboundMessage, sender_name: str) -> dict[str, Any]:
    """The /pa/send_message body for a reply, built from viberbot's TextMessage."""
    board = keyboard(message)
    body: dict[str, Any] = TextMessage(
        text=message.shown_text, keyboard=board, min_api_version=MIN_API_VERSION if board else None
    ).to_dict()
    body = {k: v for k, v in body.items() if v is not None}
    body.update(receiver=message.key.sender, sender={"name": sender_name[:28]})
    return body


def welcome(text: str, sender_name: str) -> dict[str, Any]:
    """The welcome message Viber shows when a citizen opens the chat (conversation_started)."""
    return {"sender": {"name": sender_name[:28]}, **TextMessage(text=text).to_dict()}

"""Facebook Messenger (a fanpage) webhook events: the checks and the parsing.

Meta signs each POST in `X-Hub-Signature-256` as "sha256=" + HMAC-SHA256(app secret, raw body)
and batches events: `{"object": "page", "entry": [{"messaging": [...]}, ...]}`, every entry and
every item to be handled. Items: `message` (text, `quick_reply.payload`, image and location
attachments; `is_echo` marks the page's own messages), `postback` (a button's payload),
`delivery` and `read` receipts.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from hotline.bot.messages import Attachment, ConversationKey, InboundMessage

CHANNEL = "messenger"
SIGNATURE_HEADER = "X-Hub-Signature-256"


def signature_ok(header: str | None, body: bytes, app_secret: str) -> bool:
    if not header:
        return False
    expected = "sha256=" + hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(header.strip().encode(), expected.encode())


def verification_answer(query: Mapping[str, str], verify_token: str) -> str | None:
    """The challenge to echo when Meta's subscription check carries our verify token."""
    token = query.get("hub.verify_token", "")
    if query.get("hub.mode") != "subscribe" or not verify_token:
        return None
    if not hmac.compare_digest(token.encode(), verify_token.encode()):
        return None
    return query.get("hub.challenge", "")


@dataclass(frozen=True)
class MessengerEvent:
    kind: Literal["message", "delivery", "read", "ignored"]
    sender: str | None = None
    message: InboundMessage | None = None
    # Receipts: the message ids delivered, or the time up to which everything was read.
    mids: tuple[str, ...] = ()
    watermark: datetime | None = None


def events(body: Any) -> Iterator[MessengerEvent]:
    """Every messaging item of every entry of a page batch, in order."""
    if not isinstance(body, dict) or body.get("object") != "page":
        return
    for entry in body.get("entry") or ():
        if not isinstance(entry, dict):
            continue
        for item in entry.get("messaging") or ():
            if isinstance(item, dict):
                yield parse_item(item)


def parse_item(item: dict[str, Any]) -> MessengerEvent:
    sender = _id(item.get("sender"))
    if sender is None:
        return MessengerEvent("ignored")
    at = _time(item.get("timestamp"))
    if isinstance(item.get("message"), dict):
        return _message(sender, item["message"], at)
    if isinstance(item.get("postback"), dict):
        return _postback(sender, item["postback"], item.get("timestamp"), at)
    if isinstance(item.get("delivery"), dict):
        mids = item["delivery"].get("mids") or ()
        return MessengerEvent(
            "delivery",
            sender,
            mids=tuple(m for m in mids if isinstance(m, str)),
            watermark=_time(item["delivery"].get("watermark")),
        )
    if isinstance(item.get("read"), dict):
        return MessengerEvent("read", sender, watermark=_time(item["read"].get("watermark")))
    return MessengerEvent("ignored", sender)


def _message(sender: str, raw: dict[str, Any], at: datetime) -> MessengerEvent:
    mid = raw.get("mid")
    if raw.get("is_echo") or not isinstance(mid, str) or not mid or len(mid) > 128:
        return MessengerEvent("ignored", sender)
    text = _text(raw.get("text"))
    quick = raw.get("quick_reply")
    payload = quick.get("payload") if isinstance(quick, dict) else None
    if payload is None and text.startswith("/"):
        payload = text
    message = InboundMessage(
        key=ConversationKey(CHANNEL, sender),
        message_id=mid,
        text="" if isinstance(payload, str) else text,
        payload=payload if isinstance(payload, str) else None,
        attachments=_attachments(raw.get("attachments")),
        received_at=at,
    )
    return MessengerEvent("message", sender, message)


def _postback(sender: str, raw: dict[str, Any], stamp: Any, at: datetime) -> MessengerEvent:
    payload = raw.get("payload")
    if not isinstance(payload, str) or not payload:
        return MessengerEvent("ignored", sender)
    # Newer postbacks carry a mid; older ones are told apart by sender and time.
    mid = _text(raw.get("mid")) or f"postback-{sender}-{stamp}"
    message = InboundMessage(
        key=ConversationKey(CHANNEL, sender),
        message_id=mid[:128],
        payload=payload,
        metadata={"postback_title": raw.get("title")} if raw.get("title") else {},
        received_at=at,
    )
    return MessengerEvent("message", sender, message)


def _attachments(raw: Any) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    for item in raw if isinstance(raw, list) else ():
        if not isinstance(item, dict):
            continue
        raw_payload = item.get("payload")
        payload: dict[str, Any] = raw_payload if isinstance(raw_payload, dict) else {}
        if item.get("type") == "image" and isinstance(payload.get("url"), str):
            found.append(Attachment("photo", url=payload["url"]))
        elif item.get("type") == "location":
            place = payload.get("coordinates") or {}
            try:
                lat, lon = float(place["lat"]), float(place["long"])
            except (KeyError, TypeError, ValueError):
                continue
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                title = item.get("title")
                found.append(
                    Attachment(
                        "location",
                        latitude=lat,
                        longitude=lon,
                        caption=title if isinstance(title, str) else None,
                    )
                )
        elif item.get("type") == "file" and isinstance(payload.get("url"), str):
            found.append(Attachment("file", url=payload["url"]))
    return tuple(found)


def _text(raw: Any) -> str:
    return raw if isinstance(raw, str) else ""


def _id(raw: Any) -> str | None:
    value = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and value and len(value) <= 64 else None


def _time(raw: Any) -> datetime:
    try:
        return datetime.fromtimestamp(int(raw) / 1000, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(UTC)

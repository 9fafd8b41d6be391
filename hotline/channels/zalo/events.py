"""Zalo OA webhook events: the signature check and the parsing into hotline messages.

Zalo signs each event in `X-ZEvent-Signature` as "mac=" + sha256(app id + raw body + timestamp
+ OA secret key), where the timestamp is the body's own `timestamp` field. Events we act on:
`user_send_text` (a button's `oa.query.hide` payload arrives as this too), `user_send_image`,
`user_send_location`, other `user_send_*` (stickers, files: answered with a hint to type),
`follow` and `unfollow`; the OA's own messages (`oa_send_*`) and the rest are ignored.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from hotline.bot.messages import Attachment, ConversationKey, InboundMessage

CHANNEL = "zalo"
SIGNATURE_HEADER = "X-ZEvent-Signature"

EventKind = Literal["message", "follow", "unfollow", "ignored"]


def expected_signature(app_id: str, body: bytes, timestamp: str, secret_key: str) -> str:
    digest = hashlib.sha256()
    for part in (app_id.encode(), body, timestamp.encode(), secret_key.encode()):
        digest.update(part)
    return "mac=" + digest.hexdigest()


def signature_ok(header: str | None, app_id: str, body: bytes, event: Any, secret_key: str) -> bool:
    """True when the header is the event's signature; compared in constant time."""
    if not header or not isinstance(event, dict):
        return False
    timestamp = event.get("timestamp")
    if isinstance(timestamp, bool) or not isinstance(timestamp, str | int):
        return False
    expected = expected_signature(app_id, body, str(timestamp), secret_key)
    return hmac.compare_digest(header.strip().encode(), expected.encode())


@dataclass(frozen=True)
class ZaloEvent:
    """One parsed event: what happened, for which user, and the message to handle if any."""

    kind: EventKind
    user_id: str | None = None
    message: InboundMessage | None = None


def parse_event(event: dict[str, Any]) -> ZaloEvent:
    name = event.get("event_name")
    if not isinstance(name, str):
        return ZaloEvent("ignored")
    if name in ("follow", "unfollow"):
        user = _id(event.get("follower"))
        if user is None:
            return ZaloEvent("ignored")
        message = _follow_greeting(user, event) if name == "follow" else None
        return ZaloEvent(name, user, message)  # type: ignore[arg-type]
    if not name.startswith("user_send_"):
        return ZaloEvent("ignored")  # oa_send_* echoes, reactions, seen receipts...
    user = _id(event.get("sender"))
    body = event.get("message")
    if user is None or not isinstance(body, dict):
        return ZaloEvent("ignored")
    msg_id = body.get("msg_id")
    if not isinstance(msg_id, str) or not msg_id or len(msg_id) > 128:
        return ZaloEvent("ignored")
    raw_text = body.get("text")
    text = raw_text if isinstance(raw_text, str) else ""
    attachments = _attachments(body.get("attachments"), label=text)
    if name == "user_send_location":
        text = ""  # a location's text is the map's label for the place, kept as its caption
    is_payload = name == "user_send_text" and text.startswith("/")
    message = InboundMessage(
        key=ConversationKey(CHANNEL, user),
        message_id=msg_id,
        text="" if is_payload else text,
        payload=text if is_payload else None,
        attachments=attachments,
        metadata={"zalo_event": name, "zalo_timestamp": str(event.get("timestamp", ""))},
        received_at=_received_at(event.get("timestamp")),
    )
    return ZaloEvent("message", user, message)


def _follow_greeting(user: str, event: dict[str, Any]) -> InboundMessage:
    """A new follower is greeted as if they had said hello (Zalo allows a reply to a follow)."""
    stamp = str(event.get("timestamp", ""))
    return InboundMessage(
        key=ConversationKey(CHANNEL, user),
        message_id=f"follow-{user}-{stamp}"[:128],
        payload="/greet",
        metadata={"zalo_event": "follow"},
        received_at=_received_at(event.get("timestamp")),
    )


def _attachments(raw: Any, label: str) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    for item in raw if isinstance(raw, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("payload"), dict):
            continue
        payload, kind = item["payload"], item.get("type")
        if kind == "image":
            url = payload.get("url") or payload.get("thumbnail")
            if isinstance(url, str) and url:
                found.append(Attachment("photo", url=url, caption=label or None))
        elif kind == "location":
            place = _coordinates(payload.get("coordinates"))
            if place:
                found.append(
                    Attachment(
                        "location", latitude=place[0], longitude=place[1], caption=label or None
                    )
                )
        elif kind == "file" and isinstance(payload.get("url"), str):
            found.append(Attachment("file", url=payload["url"], caption=payload.get("name")))
    return tuple(found)


def _coordinates(raw: Any) -> tuple[float, float] | None:
    """Zalo sends latitude and longitude as strings; anything off the globe is refused."""
    if not isinstance(raw, dict):
        return None
    try:
        lat, lon = float(raw["latitude"]), float(raw["longitude"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _id(raw: Any) -> str | None:
    value = raw.get("id") if isinstance(raw, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and value and len(value) <= 64 else None


def _received_at(raw: Any) -> datetime:
    """Zalo's timestamp is in milliseconds; a missing or odd one means "now"."""
    try:
        return datetime.fromtimestamp(int(raw) / 1000, UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(UTC)

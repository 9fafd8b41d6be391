"""Telegram updates into hotline messages, and long replies into pieces Telegram accepts.

Pure functions over python-telegram-bot's own objects (`Update.de_json` did the parsing), so
they are tested without a network. The message id is the chat id with Telegram's message_id
(or the callback query id), so a redelivered update is recognised as the same message.
"""

from __future__ import annotations

from datetime import UTC, datetime

from telegram import Message, PhotoSize, Update

from hotline.bot.messages import Attachment, ConversationKey, InboundMessage

CHANNEL = "telegram"
MAX_TEXT = 4096  # Bot API limit for one message's text, in characters
FILE_PREFIX = "telegram-file:"

# Message contents the hotline cannot read: the citizen is asked for text, a photo or a place.
_UNSUPPORTED = (
    "sticker",
    "voice",
    "audio",
    "video",
    "video_note",
    "animation",
    "document",
    "contact",
    "poll",
    "dice",
    "venue",
)


def largest(photos: tuple[PhotoSize, ...]) -> PhotoSize:
    """Telegram sends one photo in several sizes; evidence wants the biggest."""
    return max(photos, key=lambda p: (p.width * p.height, p.file_size or 0))


def _from_message(message: Message) -> InboundMessage:
    attachments: list[Attachment] = []
    metadata: dict[str, object] = {"telegram_message_id": message.message_id}
    caption = message.caption or None
    if message.photo:
        best = largest(message.photo)
        metadata["photo_bytes"] = best.file_size
        attachments.append(Attachment("photo", url=FILE_PREFIX + best.file_id, caption=caption))
    if message.location and not message.venue:
        attachments.append(
            Attachment(
                "location",
                latitude=message.location.latitude,
                longitude=message.location.longitude,
            )
        )
    text, payload = message.text or "", None
    if text.startswith("/"):  # a bot command (/start, /report_violation@bot) is a payload
        text, payload = "", text.split("@", 1)[0]
    if not text and payload is None and not attachments:
        kind = next((k for k in _UNSUPPORTED if getattr(message, k, None)), "other")
        metadata["unsupported"] = kind
    elif message.photo and caption:
        text = caption  # a caption is what the citizen wrote about the photo
    return InboundMessage(
        key=ConversationKey(CHANNEL, str(message.chat.id)),
        message_id=f"{message.chat.id}:{message.message_id}",
        text=text,
        payload=payload,
        attachments=tuple(attachments),
        metadata=metadata,
        received_at=datetime.now(UTC),
    )


def parse_update(update: Update) -> InboundMessage | None:
    """The message in an update, or None for updates the hotline ignores (edits, joins)."""
    if update.message is not None:
        if update.message.chat.type != "private":
            return None  # the hotline talks to citizens one to one
        return _from_message(update.message)
    query = update.callback_query
    if query is not None and query.data is not None:
        chat_id = query.message.chat.id if query.message is not None else query.from_user.id
        return InboundMessage(
            key=ConversationKey(CHANNEL, str(chat_id)),
            message_id=f"callback:{query.id}",
            payload=query.data,
            metadata={"callback_query_id": query.id},
            received_at=datetime.now(UTC),
        )
    return None


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Pieces of at most `limit` characters, cut at a line break, else a space, else anywhere."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = window.rfind("\n")
        if cut <= 0:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    if rest or not pieces:
        pieces.append(rest)
    return pieces

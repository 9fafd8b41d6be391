"""Channel-neutral messages: what a citizen sent and what the hotline answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, TypedDict


class ConversationFields(TypedDict):
    """What picks one conversation's rows in any store: its channel and its sender."""

    channel: str
    sender: str


@dataclass(frozen=True, order=True)
class ConversationKey:
    """One citizen on one channel: the unit of conversation state."""

    channel: str
    sender: str

    def __str__(self) -> str:
        return f"{self.channel}:{self.sender}"

    def fields(self) -> ConversationFields:
        """The fields every row of this conversation carries, in any store: its filter."""
        return ConversationFields(channel=self.channel, sender=self.sender)

    @classmethod
    def parse(cls, value: str) -> ConversationKey | None:
        """ "webchat:abc" back into its key; the sender may itself contain colons."""
        channel, sep, sender = value.partition(":")
        return cls(channel, sender) if sep and channel and sender else None


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Attachment:
    """A photo, file or location sent by the citizen, kept as evidence."""

    kind: Literal["photo", "file", "location"]
    url: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    caption: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attachment:
        return cls(**data)


@dataclass(frozen=True)
class InboundMessage:
    """What a channel parsed out of a platform request."""

    key: ConversationKey
    message_id: str
    text: str = ""
    payload: str | None = None
    attachments: tuple[Attachment, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    received_at: datetime | None = None

    @property
    def content(self) -> str:
        """The button payload if one was pressed, else the typed text."""
        return self.payload if self.payload is not None else self.text

    def to_record(self) -> dict[str, Any]:
        """What a store keeps beside the key and the message id."""
        return {
            "text": self.text,
            "payload": self.payload,
            "attachments": [a.to_dict() for a in self.attachments],
            "metadata": self.metadata,
            "received_at": self.received_at.isoformat() if self.received_at else None,
        }

    @classmethod
    def from_record(
        cls, key: ConversationKey, message_id: str, record: Mapping[str, Any]
    ) -> InboundMessage:
        received = record["received_at"]
        return cls(
            key=key,
            message_id=message_id,
            text=record["text"],
            payload=record["payload"],
            attachments=tuple(Attachment.from_dict(a) for a in record["attachments"]),
            metadata=record["metadata"],
            received_at=datetime.fromisoformat(received) if received else None,
        )


@dataclass(frozen=True)
class OutboundMessage:
    """A reply; channels without buttons render them as numbered text."""

    key: ConversationKey
    text: str
    buttons: tuple[Button, ...] = ()
    agent: str | None = None  # the agent who wrote it (a login); None when the bot did
    # Where the citizen stops what this message is part of (a notice's unsubscribe link), for
    # channels that carry it beside the text (e-mail's List-Unsubscribe header).
    unsubscribe: str | None = None
    # How the citizen sees the staff member who wrote it ("Tổng đài viên Lan"), never the login.
    staff: str | None = None

    @property
    def shown_text(self) -> str:
        """The text as a platform shows it: a staff member's words carry their label."""
        return f"{self.staff}: {self.text}" if self.staff else self.text

    def to_frame(self) -> dict[str, Any]:
        """What the citizen's channel gets: never the login of who on the staff wrote it."""
        frame: dict[str, Any] = {"text": self.text}
        if self.buttons:
            frame["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        if self.staff:
            frame["staff"] = self.staff
        return frame

    def to_record(self) -> dict[str, Any]:
        """What the transcript keeps: the frame, the agent who wrote it, the unsubscribe link."""
        record = {**self.to_frame(), "agent": self.agent} if self.agent else self.to_frame()
        return {**record, "unsubscribe": self.unsubscribe} if self.unsubscribe else record

    @classmethod
    def from_record(cls, key: ConversationKey, record: Mapping[str, Any]) -> OutboundMessage:
        buttons = tuple(Button(**b) for b in record.get("buttons", ()))
        return cls(
            key,
            record["text"],
            buttons,
            record.get("agent"),
            record.get("unsubscribe"),
            record.get("staff"),
        )

    def as_plain_text(self) -> str:
        """The reply for a channel that cannot show buttons."""
        if not self.buttons:
            return self.shown_text
        lines = [self.shown_text, *(f"{i}. {b.title}" for i, b in enumerate(self.buttons, 1))]
        return "\n".join(lines)

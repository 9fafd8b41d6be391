"""The e-mail channel: the hotline's mailbox read over IMAP, answered over SMTP submission.

A conversation is one mail thread with one correspondent: `ConversationKey("email", thread)`,
where the thread id is a hash of the thread's first Message-ID and the sender's address (see
`Letter.thread`). A new mail is a new conversation, so a new report starts afresh; a reply in the
thread comes back to the conversation, and so to the ticket it filed. The address itself is kept
in the stored message (and, encrypted, as the reporter's contact), never in the key.

Reading: every mail is stored (deduplicated by Message-ID) before the server is told it was seen,
then processed in the background like any webhook message. Machines (auto-replies, bounces,
loops) are marked seen and never answered. Sending: the courier hands each stored reply to
`send`, which mails it into the citizen's thread; the replies to one mail go out as one mail.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import Self

import aiohttp
from prometheus_client import Counter

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage, OutboundMessage
from hotline.bot.ratelimit import RateLimit
from hotline.channels.base import Channel, ChannelParts
from hotline.channels.delivery import Delivery, DeliveryFailed
from hotline.channels.intake import Intake
from hotline.channels.mail.evidence import Evidence
from hotline.channels.mail.imap import Mailbox
from hotline.channels.mail.parse import read_letter, why_ignored
from hotline.channels.mail.smtp import Submission, Thread, compose_reply
from hotline.config import Settings

log = logging.getLogger(__name__)

NAME = "email"
IGNORED = Counter("hotline_mail_ignored_total", "Mail never answered, by kind", ["kind"])
# Replies stored this close together answer the same mail: they go out as one.
SAME_TURN = timedelta(seconds=5)
# Submission servers throttle senders that burst; a hotline's volume is far below this.
LIMIT = RateLimit(per_second=5, burst=20)
STOP_GRACE = 10.0  # seconds the reader gets to log out at shutdown


class EmailChannel(Channel):
    name = NAME
    delivery = Delivery.COURIER
    limit = LIMIT
    carries_media = True
    writes_letters = True

    def __init__(
        self, settings: Settings, intake: Intake, conversations: ConversationStore
    ) -> None:
        self.address = (settings.email_address or settings.email_imap_user).strip().lower()
        if "@" not in self.address:
            raise ValueError("set HOTLINE_EMAIL_ADDRESS to the hotline's mail address")
        self.mailbox = Mailbox(
            host=settings.email_imap_host,
            port=settings.email_imap_port,
            user=settings.email_imap_user,
            password=settings.email_imap_password,
            tls=settings.email_imap_tls,
            poll_seconds=settings.email_poll_seconds,
        )
        self.submission = Submission(
            host=settings.email_smtp_host or settings.email_imap_host,
            port=settings.email_smtp_port,
            user=settings.email_smtp_user,  # SMTP login only when configured
            password=settings.email_smtp_password,
            tls=settings.email_smtp_tls,
        )
        self.intake = intake
        self.conversations = conversations
        self.evidence = Evidence(intake.media, settings.email_max_attachment_bytes)
        self.max_chars = settings.max_message_chars
        self._sent_within: set[int] = set()  # replies that went out inside an earlier mail

    @classmethod
    def enabled(cls, settings: Settings) -> bool:
        return bool(settings.email_imap_host and settings.email_imap_user)

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        """Nothing to connect: SMTP connects per mail, the reader starts with `reading`."""
        return cls(parts.settings, parts.intake, parts.conversations)

    @classmethod
    async def register(cls, settings: Settings, session: aiohttp.ClientSession) -> str:
        return f"email: no webhook; the mailbox {settings.email_imap_user} is read over IMAP"

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[None]:
        """The mailbox watched for as long as the block lasts."""
        task = asyncio.create_task(self.mailbox.watch(self.take))
        try:
            yield
        finally:
            task.cancel()
            # A server that never answers the IDLE's DONE or the LOGOUT must not hold the
            # shutdown: whatever was stored is safe, and unseen mail is read on the next start.
            done, _ = await asyncio.wait({task}, timeout=STOP_GRACE)
            if done:
                with suppress(asyncio.CancelledError):
                    await task
            else:
                log.warning("the mail reader did not stop within %.0fs; left behind", STOP_GRACE)

    async def take(self, raw: bytes, arrived: datetime | None) -> None:
        """Store one mail; the reader marks it seen when this returns."""
        reason = why_ignored(raw, self.address)
        if reason is not None:
            IGNORED.labels(reason.split(":")[0].split()[0]).inc()
            log.info("mail not answered (%s)", reason)
            return
        letter = read_letter(raw)
        contact = {"email": letter.sender, "name": letter.sender_name or None}
        message = InboundMessage(
            key=ConversationKey(NAME, letter.thread),
            message_id=letter.message_id,
            text=letter.said(self.max_chars),
            attachments=await self.evidence.keep(letter.attachments),
            metadata={
                "email": {
                    "from": letter.sender,
                    "name": letter.sender_name,
                    "subject": letter.subject,
                    "message_id": letter.message_id,
                    "references": list(letter.references),
                },
                "contact": {k: v for k, v in contact.items() if v},
            },
            received_at=arrived or datetime.now(UTC),
        )
        await self.intake.take(message)

    async def send(self, item: OutboxItem) -> bool:
        """Mail a stored reply, with the rest of its turn, into the citizen's thread."""
        if item.id in self._sent_within:
            self._sent_within.discard(item.id)
            return True
        thread = await self._thread(item.message.key)
        if thread is None:
            raise DeliveryFailed("no mail from this conversation to reply to")
        batch = await self._same_turn(item)
        text = "\n\n".join(as_mail_text(i.message) for i in batch)
        unsubscribe = next((i.message.unsubscribe for i in batch if i.message.unsubscribe), None)
        msg = compose_reply(
            self.address, thread, text, self._message_id(item), unsubscribe=unsubscribe
        )
        await self.submission.send(msg, self.address)
        self._sent_within.update(i.id for i in batch[1:])
        return True

    async def _thread(self, key: ConversationKey) -> Thread | None:
        """The citizen's latest mail in the conversation: the one a reply answers."""
        for entry in reversed(await self.conversations.transcript(key, limit=100)):
            if entry["direction"] != "in":
                continue
            mail = (entry.get("metadata") or {}).get("email")
            if mail:
                return Thread(
                    to=mail["from"],
                    name=mail.get("name") or "",
                    subject=mail.get("subject") or "",
                    message_id=mail["message_id"],
                    references=tuple(mail.get("references") or ()),
                )
        return None

    async def _same_turn(self, item: OutboxItem) -> list[OutboxItem]:
        batch = [item]
        for later in await self.conversations.pending(item.message.key):
            if later.id <= item.id:
                continue
            if later.created_at - batch[-1].created_at > SAME_TURN:
                break
            batch.append(later)
        return batch

    def _message_id(self, item: OutboxItem) -> str:
        domain = self.address.rsplit("@", 1)[1]
        return f"<{item.message.key.sender}.{item.id}@{domain}>"


def as_mail_text(message: OutboundMessage) -> str:
    """A reply as mail text: buttons cannot be pressed in a mail, so their titles are listed."""
    if not message.buttons:
        return message.shown_text
    return "\n".join([message.shown_text, *(f"- {b.title}" for b in message.buttons)])

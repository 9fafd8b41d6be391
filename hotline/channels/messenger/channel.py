"""Facebook Messenger (the fanpage), on aiohttp without an SDK.

`GET /webhooks/messenger` answers Meta's subscription check; `POST /webhooks/messenger` checks
`X-Hub-Signature-256` first (403, nothing stored), then handles every item of every entry of
the batch: messages stored and answered in the background, receipts recorded, echoes ignored.
`send` applies the 24-hour rule (see messenger_api) and sends quick replies for buttons.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Self

import aiohttp
from aiohttp import web

from hotline import safe_json
from hotline.bot.contact_book import PlatformContact
from hotline.bot.conversation import OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage
from hotline.bot.ratelimit import MESSENGER
from hotline.channels.base import ChannelParts, Route, json_error
from hotline.channels.freshness import fresh, stale
from hotline.channels.messenger.api import MessengerApi, Purpose, delivery, message_fields, texts_of
from hotline.channels.messenger.events import (
    CHANNEL,
    SIGNATURE_HEADER,
    events,
    signature_ok,
    verification_answer,
)
from hotline.channels.platform import ContactBookChannel
from hotline.config import Settings

log = logging.getLogger(__name__)

PATH = "/webhooks/messenger"


class MessengerChannel(ContactBookChannel[MessengerApi]):
    name = CHANNEL
    limit = MESSENGER

    @classmethod
    def enabled(cls, settings: Settings) -> bool:
        s = settings
        return bool(s.messenger_page_token and s.messenger_app_secret and s.messenger_verify_token)

    @classmethod
    def routes(cls) -> list[Route]:
        return [Route("GET", PATH, cls.verify), Route("POST", PATH, cls.webhook)]

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        s = parts.settings
        contacts = await parts.storage.contact_book()
        api = MessengerApi(
            parts.session, s.messenger_api_url, s.messenger_api_version, s.messenger_page_token
        )
        return cls(s, parts.intake, parts.conversations, parts.session, contacts, api)

    @classmethod
    async def register(cls, settings: Settings, session: aiohttp.ClientSession) -> str:
        return setup_instructions(settings)  # likewise in the Meta app dashboard

    async def verify(self, request: web.Request) -> web.Response:
        challenge = verification_answer(request.query, self._settings.messenger_verify_token)
        if challenge is None:
            return json_error(403, "verification failed")
        return web.Response(text=challenge)

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.read()
        header = request.headers.get(SIGNATURE_HEADER)
        if not signature_ok(header, body, self._settings.messenger_app_secret):
            return json_error(403, "bad or missing signature")
        batch = safe_json.parse(body, max_bytes=None)
        entries = batch.get("entry") if isinstance(batch, dict) else None
        stamps = [e.get("time") for e in entries or () if isinstance(e, dict)]
        if not all(fresh(t, self._settings.event_max_age_seconds) for t in stamps):
            stale(CHANNEL)
            return json_error(403, "event outside the time window")
        contacts = self._contacts
        for event in events(batch):
            if event.sender is None:
                continue
            key = ConversationKey(CHANNEL, event.sender)
            if event.kind in ("delivery", "read") and event.watermark:
                await contacts.receipt(key, event.kind, event.watermark)
            message = event.message
            if message is None:
                continue
            if await self._intake.take(message, self._fetch):
                at = message.received_at or datetime.now(UTC)
                await contacts.heard_from(key, at, message.message_id)
        return web.Response(text="EVENT_RECEIVED")

    async def send(self, item: OutboxItem) -> bool:
        api = self.api
        key = item.message.key
        contact = await self._contacts.get(key)
        how = delivery(await self._purpose(item, contact), contact.last_inbound_at, _now())

        async def send_part(text: str, last: bool) -> None:
            await api.send(key.sender, how, message_fields(item.message, text, last))

        await self._parts_sent.send(item, texts_of(item.message), send_part)
        return True

    async def _purpose(self, item: OutboxItem, contact: PlatformContact) -> Purpose:
        """An answer to the citizen's last message, an agent's reply, or news we push."""
        conversations = self._conversations
        key = item.message.key
        if contact.last_message_id:
            last = InboundMessage(key=key, message_id=contact.last_message_id)
            if any(i.id == item.id for i in await conversations.replies_to(last) or ()):
                return "answer"
        return "agent" if (await conversations.load(key)).mode == "agent" else "news"


def _now() -> datetime:
    return datetime.now(UTC)


def setup_instructions(settings: Settings) -> str:
    """Meta sets the webhook in the app dashboard: what to paste there."""
    base = settings.public_url.rstrip("/") or "https://<your public address>"
    return "\n".join(
        [
            "messenger: register the webhook in the Meta app dashboard (developers.facebook.com):",
            f"  1. Messenger > Webhooks > Callback URL: {base}{PATH}",
            "  2. Verify token: the value of HOTLINE_MESSENGER_VERIFY_TOKEN",
            "  3. Subscribe the page to: messages, messaging_postbacks, message_deliveries,"
            " message_reads",
            "  4. App secret into HOTLINE_MESSENGER_APP_SECRET, page token into"
            " HOTLINE_MESSENGER_PAGE_TOKEN",
        ]
    )

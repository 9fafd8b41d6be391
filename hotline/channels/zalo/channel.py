"""Zalo Official Account (API v3), on aiohttp without an SDK.

`POST /webhooks/zalo`: the signature first (403 and nothing stored when it is wrong), then the
event is parsed, the message stored and the webhook answered; the dialog runs in the background
and the courier sends the reply through `send`. Photos are copied into the media store at once,
because Zalo's media URLs expire. An `unfollow` marks the conversation unreachable; the citizen's
next message (or a new `follow`) opens it again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any, Self

import aiohttp
from aiohttp import web

from hotline import safe_json
from hotline.bot.conversation import OutboxItem
from hotline.bot.messages import ConversationKey
from hotline.bot.ratelimit import ZALO
from hotline.channels.base import ChannelParts, Route, json_error
from hotline.channels.freshness import fresh, stale
from hotline.channels.platform import ContactBookChannel
from hotline.channels.zalo.api import ZaloApi, cs_bodies
from hotline.channels.zalo.events import CHANNEL, SIGNATURE_HEADER, parse_event, signature_ok
from hotline.channels.zalo.tokens import StoredTokens, TokenPair, ZaloTokens
from hotline.config import Settings

log = logging.getLogger(__name__)

PATH = "/webhooks/zalo"
UNFOLLOWED = "the citizen unfollowed the Zalo OA"


class ZaloChannel(ContactBookChannel[ZaloApi]):
    name = CHANNEL
    limit = ZALO

    @classmethod
    def enabled(cls, settings: Settings) -> bool:
        return bool(
            settings.zalo_app_id and settings.zalo_secret_key and settings.zalo_access_token
        )

    @classmethod
    def routes(cls) -> list[Route]:
        return [Route("POST", PATH, cls.webhook)]

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        """Zalo's APIs, with the token pair kept in the store (each refresh token works once)."""
        s = parts.settings
        contacts = await parts.storage.contact_book()
        configured = TokenPair(s.zalo_access_token, s.zalo_refresh_token, s.zalo_refresh_token)
        tokens = ZaloTokens(
            parts.session,
            s.zalo_oauth_url,
            s.zalo_app_id,
            s.zalo_app_secret,
            configured,
            StoredTokens(await parts.storage.platform_tokens()),
        )
        api = ZaloApi(parts.session, s.zalo_api_url, tokens)
        return cls(s, parts.intake, parts.conversations, parts.session, contacts, api)

    @classmethod
    async def register(cls, settings: Settings, session: aiohttp.ClientSession) -> str:
        return setup_instructions(settings)  # no API: the steps to take in Zalo's console

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.read()
        header = request.headers.get(SIGNATURE_HEADER)
        if not header:
            return json_error(403, "missing signature")
        event = safe_json.parse(body, max_bytes=None)
        s = self._settings
        if not signature_ok(header, s.zalo_app_id, body, event, s.zalo_secret_key):
            return json_error(403, "bad signature")
        stamp = event.get("timestamp") if isinstance(event, dict) else None
        if not fresh(stamp, s.event_max_age_seconds):
            stale(CHANNEL)
            return json_error(403, "event outside the time window")
        parsed = parse_event(event)
        if parsed.kind == "unfollow" and parsed.user_id:
            await self._intake.unreachable(ConversationKey(CHANNEL, parsed.user_id), UNFOLLOWED)
        message = parsed.message
        if message is not None:
            if await self._intake.take(message, self._fetch):
                await self._contacts.heard_from(
                    message.key,
                    message.received_at or datetime.now(UTC),
                    None if parsed.kind == "follow" else message.message_id,
                )
        return web.json_response({"ok": True})

    async def send(self, item: OutboxItem) -> bool:
        """Send a reply quoting the citizen's last message; long replies go in parts."""
        api = self.api
        key = item.message.key
        contact = await self._contacts.get(key)
        bodies = cs_bodies(key.sender, item.message, contact.last_message_id)

        async def send_part(body: dict[str, Any], last: bool) -> None:
            await api.send_cs(body)

        await self._parts_sent.send(item, bodies, send_part)
        return True


def setup_instructions(settings: Settings) -> str:
    """Zalo has no API to set the webhook: what to paste in the Zalo developer console."""
    base = settings.public_url.rstrip("/") or "https://<your public address>"
    return "\n".join(
        [
            "zalo: register the webhook in the Zalo developer console (developers.zalo.me):",
            f"  1. App {settings.zalo_app_id or '<HOTLINE_ZALO_APP_ID>'} > Webhook > URL:"
            f" {base}{PATH}",
            "  2. Subscribe to: user_send_text, user_send_image, user_send_location,"
            " follow, unfollow",
            "  3. Copy the OA secret key into HOTLINE_ZALO_SECRET_KEY (it signs each event)",
        ]
    )

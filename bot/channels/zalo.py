"""Zalo Official Account (API v3), on aiohttp without an SDK.

`POST /webhooks/zalo`: the signature first (403 and nothing stored when it is wrong), then the
event is parsed, the message stored and the webhook answered; the dialog runs in the background
and the courier sends the reply through `send`. Photos are copied into the media store at once,
because Zalo's media URLs expire. An `unfollow` marks the conversation unreachable; the citizen's
next message (or a new `follow`) opens it again.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import aiohttp
from aiohttp import web

from bot.channels.base import json_error
from bot.channels.platform import Intake
from bot.channels.stores import ContactBooks, open_contact_book, open_token_store
from bot.channels.zalo_api import ZaloApi, cs_bodies
from bot.channels.zalo_events import CHANNEL, SIGNATURE_HEADER, parse_event, signature_ok
from bot.channels.zalo_tokens import TokenPair, ZaloTokens
from bot.config import Settings
from bot.conversation import OutboxItem
from bot.media import MediaRejected
from bot.messages import Attachment, ConversationKey
from bot.ratelimit import ZALO
from store.open import Database, open_database

log = logging.getLogger(__name__)

PATH = "/webhooks/zalo"
UNFOLLOWED = "the citizen unfollowed the Zalo OA"


class ZaloChannel:
    name = CHANNEL
    limit = ZALO
    carries_media = True

    def __init__(self, settings: Settings, intake: Intake) -> None:
        self._settings = settings
        self._intake = intake
        self._db: Database | None = None
        self._contacts: ContactBooks | None = None
        self._session: aiohttp.ClientSession | None = None
        self.api: ZaloApi | None = None
        self._sent_parts: dict[int, int] = {}  # outbox id -> parts of a long reply already sent

    def routes(self) -> list[web.AbstractRouteDef]:
        return [web.post(PATH, self.webhook)]

    async def open(self, session: aiohttp.ClientSession) -> None:
        """Connect to the store for the token pair and the contacts, and to Zalo's APIs."""
        s = self._settings
        self._session = session
        # The channel's own connection to the hotline's database: it opens with the
        # platforms, after the hotline, and the WAL file takes both.
        self._db = await open_database(s.store)
        self._contacts = await open_contact_book(self._db)
        configured = TokenPair(s.zalo_access_token, s.zalo_refresh_token, s.zalo_refresh_token)
        tokens = ZaloTokens(
            session,
            s.zalo_oauth_url,
            s.zalo_app_id,
            s.zalo_app_secret,
            configured,
            await open_token_store(self._db),
        )
        self.api = ZaloApi(session, s.zalo_api_url, tokens)

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.read()
        header = request.headers.get(SIGNATURE_HEADER)
        if not header:
            return json_error(403, "missing signature")
        try:
            event = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return json_error(400, "body is not valid JSON")
        s = self._settings
        if not signature_ok(header, s.zalo_app_id, body, event, s.zalo_secret_key):
            return json_error(403, "bad signature")
        parsed = parse_event(event)
        if parsed.kind == "unfollow" and parsed.user_id:
            await self._intake.unreachable(ConversationKey(CHANNEL, parsed.user_id), UNFOLLOWED)
        message = parsed.message
        if message is not None:
            has_photo = any(a.kind == "photo" for a in message.attachments)
            if await self._intake.take(message, self._fetch if has_photo else None):
                await self._contact_book().heard_from(
                    message.key,
                    message.received_at or datetime.now(UTC),
                    None if parsed.kind == "follow" else message.message_id,
                )
        return web.json_response({"ok": True})

    async def _fetch(self, attachment: Attachment) -> bytes:
        if self._session is None or not attachment.url:
            raise MediaRejected("channel not open or photo without a URL")
        return await self._intake.media.download(self._session, attachment.url)

    async def send(self, item: OutboxItem) -> bool:
        """Send a reply quoting the citizen's last message; long replies go in parts."""
        if self.api is None:
            raise RuntimeError("the Zalo channel is not open")
        key = item.message.key
        contact = await self._contact_book().get(key)
        bodies = cs_bodies(key.sender, item.message, contact.last_message_id)
        start = self._sent_parts.get(item.id, 0)  # a retry does not repeat what went out
        for index in range(start, len(bodies)):
            await self.api.send_cs(bodies[index])
            self._sent_parts[item.id] = index + 1
        self._sent_parts.pop(item.id, None)
        return True

    def _contact_book(self) -> ContactBooks:
        if self._contacts is None:
            raise RuntimeError("the Zalo channel is not open")
        return self._contacts


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

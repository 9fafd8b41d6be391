"""Viber, through its REST bot API: viberbot parses and shapes, our shared session sends.

Why not viberbot's `Api`: its HTTP calls are blocking `requests` (they would stall the event
loop, or need a thread per send) and its signature check is not constant time. Calling
`/pa/send_message` through the app's ClientSession keeps one connection pool, one timeout
policy, and a base URL tests can point at a fake.
"""

from __future__ import annotations

import logging
from typing import Any, Self

import aiohttp
from aiohttp import web
from prometheus_client import Counter
from viberbot.api.viber_requests import (
    ViberConversationStartedRequest,
    ViberFailedRequest,
    ViberMessageRequest,
    ViberSubscribedRequest,
    ViberUnsubscribedRequest,
    create_request,
)

from hotline import safe_json
from hotline.bot.conversation import OutboxItem
from hotline.bot.dialogs import texts
from hotline.bot.messages import Attachment, ConversationKey
from hotline.bot.ratelimit import VIBER
from hotline.channels.base import Channel, ChannelParts, Route, json_error
from hotline.channels.delivery import Delivery, DeliveryFailed, RecipientGone
from hotline.channels.freshness import fresh, stale
from hotline.channels.intake import Intake
from hotline.channels.viber import viber_on
from hotline.channels.viber.events import (
    CHANNEL,
    inbound,
    send_payload,
    signature_ok,
    welcome,
)
from hotline.config import Settings

log = logging.getLogger(__name__)

PATH = "/webhooks/viber"
SIGNATURE_HEADER = "X-Viber-Content-Signature"
RECEIPTS = Counter("hotline_viber_receipts_total", "Viber delivery receipts", ["event"])

# send_message status codes (REST bot API, "Errors"): what each means for the outbox.
_GONE = {5: "receiver not registered", 6: "receiver not subscribed", 11: "no suitable device"}
_BAD_MESSAGE = {3: "bad data", 4: "missing data", 13: "API version not supported"}
_RATE_LIMITED = 12
_RETRY_AFTER_RATE_LIMIT = 5.0  # Viber gives no retry_after; wait a little before trying


class ViberChannel(Channel):
    name = CHANNEL
    delivery = Delivery.COURIER
    limit = VIBER
    carries_media = True

    def __init__(self, settings: Settings, intake: Intake, session: aiohttp.ClientSession) -> None:
        self._token = settings.viber_token
        self._sender_name = settings.viber_name
        self._api = settings.viber_api_url.rstrip("/")
        self._intake = intake
        self._session = session
        self._max_age = settings.event_max_age_seconds

    @classmethod
    def enabled(cls, settings: Settings) -> bool:
        return viber_on(settings)

    @classmethod
    def routes(cls) -> list[Route]:
        return [Route("POST", PATH, cls.webhook)]

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        return cls(parts.settings, parts.intake, parts.session)

    @classmethod
    async def register(cls, settings: Settings, session: aiohttp.ClientSession) -> str:
        return await register_webhook(settings, session)

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.read()
        if not signature_ok(body, request.headers.get(SIGNATURE_HEADER), self._token):
            return json_error(403, "bad or missing signature")
        try:
            data = safe_json.parse(body, max_bytes=None)
            if not isinstance(data, dict):
                return json_error(400, "not a Viber callback")
            if not fresh(data.get("timestamp"), self._max_age):
                stale(CHANNEL)
                return json_error(403, "event outside the time window")
            event = create_request(data)
        except safe_json.BadJson:
            raise
        # viberbot raises bare Exception (and KeyError, TypeError) for a callback it cannot read.
        except Exception:
            return json_error(400, "malformed Viber callback")
        return await self._on(event)

    async def _on(self, event: Any) -> web.Response:
        if isinstance(event, ViberMessageRequest):
            message = inbound(event)
            await self._intake.take(message, self._fetch)
        elif isinstance(event, ViberConversationStartedRequest):
            # Viber shows a message returned here before the citizen subscribes.
            return web.json_response(welcome(texts.GREETING, self._sender_name))
        elif isinstance(event, ViberSubscribedRequest):
            await self._intake.reachable(ConversationKey(CHANNEL, str(event.user.id)))
        elif isinstance(event, ViberUnsubscribedRequest):
            key = ConversationKey(CHANNEL, str(event.user_id))
            await self._intake.unreachable(key, "unsubscribed")
        elif isinstance(event, ViberFailedRequest):
            RECEIPTS.labels("failed").inc()
            log.warning("viber could not deliver %s: %s", event.message_token, event.desc)
        elif event.event_type in ("delivered", "seen"):
            RECEIPTS.labels(event.event_type).inc()
        return web.Response(text="ok")

    async def _fetch(self, attachment: Attachment) -> bytes:
        return await self._intake.download(self._session, attachment)

    async def send(self, item: OutboxItem) -> bool:
        body = send_payload(item.message, self._sender_name)
        answer = await self._post("/pa/send_message", body)
        status = answer.get("status")
        if status == 0:
            return True
        reason = f"viber status {status}: {answer.get('status_message', '')}"
        if status in _GONE:
            raise RecipientGone(reason)
        if status in _BAD_MESSAGE:
            raise DeliveryFailed(reason)
        if status == _RATE_LIMITED:
            raise DeliveryFailed(reason, _RETRY_AFTER_RATE_LIMIT)
        raise DeliveryFailed(reason, 0.0)  # account or server trouble: retry with backoff

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            async with self._session.post(
                self._api + path,
                json=body,
                headers={"X-Viber-Auth-Token": self._token},
                timeout=aiohttp.ClientTimeout(total=10),
            ) as resp:
                if resp.status == 429:
                    after = float(resp.headers.get("Retry-After", _RETRY_AFTER_RATE_LIMIT))
                    raise DeliveryFailed("viber HTTP 429", after)
                if resp.status >= 500:
                    raise DeliveryFailed(f"viber HTTP {resp.status}", 0.0)
                if resp.status != 200:
                    raise DeliveryFailed(f"viber HTTP {resp.status}", 0.0)
                answer = await resp.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            raise DeliveryFailed(f"viber unreachable: {exc!r}", 0.0) from exc
        if not isinstance(answer, dict):
            raise DeliveryFailed("viber answered something that is not an object", 0.0)
        return answer


async def register_webhook(settings: Settings, session: aiohttp.ClientSession) -> str:
    """set_webhook: Viber then calls our webhook once (event "webhook") to check it."""
    if not settings.public_url:
        raise ValueError("set HOTLINE_PUBLIC_URL to the address Viber can reach")
    url = settings.public_url.rstrip("/") + PATH
    body = {
        "url": url,
        "event_types": [
            "delivered",
            "seen",
            "failed",
            "subscribed",
            "unsubscribed",
            "conversation_started",
        ],
        "send_name": True,
        "send_photo": False,
    }
    async with session.post(
        settings.viber_api_url.rstrip("/") + "/pa/set_webhook",
        json=body,
        headers={"X-Viber-Auth-Token": settings.viber_token},
    ) as resp:
        answer = await resp.json(content_type=None)
    if resp.status != 200 or answer.get("status") != 0:
        raise RuntimeError(f"viber set_webhook failed: {answer}")
    return f"viber: webhook set to {url}"

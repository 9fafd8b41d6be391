"""A fake Viber REST bot API (an aiohttp app on port 0) and callbacks shaped as Viber sends them.

It records every sent message, serves picture URLs with a real tiny JPEG, and can be told to answer
the next sends with HTTP 429, HTTP 500, or status 6 (receiver not subscribed). Shapes follow
https://developers.viber.com/docs/api/rest-bot-api/ (callbacks, send_message, set_webhook).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.messages import ConversationKey
from tests.support.fake_server import serving
from tests.support.fake_telegram import TINY_JPEG
from tests.support.hotline import hotline_of

TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"


@dataclass
class FakeViber:
    base_url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    first_sent: dict[str, float] = field(default_factory=dict)  # chat -> monotonic time
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # "429", "500" or "unsubscribed"
    unsubscribed: set[str] = field(default_factory=set)
    _tokens: itertools.count[int] = field(default_factory=lambda: itertools.count(5_741_311_803))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/pa/{method}", self._method)
        app.router.add_get("/media/{name}", self._media)
        return app

    def fail_next(self, count: int, kind: str) -> None:
        self.failures.extend([kind] * count)

    def sent_to(self, user: str) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["receiver"] == user]

    async def wait_sent(self, user: str, count: int, within: float = 10.0) -> list[str]:
        deadline = time.monotonic() + within
        while len(self.sent_to(user)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} messages expected, got {self.sent_to(user)}")
            await asyncio.sleep(0.02)
        return [m["text"] for m in self.sent_to(user)]

    async def _method(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.headers.get("X-Viber-Auth-Token") != TOKEN:
            return web.json_response({"status": 2, "status_message": "invalidAuthToken"})
        body = await request.json()
        self.calls.append((method, body))
        if method == "set_webhook":
            return web.json_response({"status": 0, "status_message": "ok", "event_types": []})
        if method != "send_message":
            return web.json_response({"status": 1, "status_message": "invalidUrl"})
        if self.failures:
            kind = self.failures.pop(0)
            if kind == "429":
                return web.Response(status=429, headers={"Retry-After": "1"}, text="slow down")
            if kind == "500":
                return web.Response(status=500, text="internal error")
            return web.json_response({"status": 6, "status_message": "notSubscribed"})
        if body["receiver"] in self.unsubscribed:
            return web.json_response({"status": 6, "status_message": "notSubscribed"})
        self.sent.append(body)
        self.first_sent.setdefault(body["receiver"], time.monotonic())
        return web.json_response(
            {"status": 0, "status_message": "ok", "message_token": next(self._tokens)}
        )

    async def _media(self, request: web.Request) -> web.Response:
        return web.Response(body=TINY_JPEG, content_type="image/jpeg")


@pytest.fixture
async def fake_viber() -> AsyncIterator[FakeViber]:
    """A FakeViber listening on 127.0.0.1; its `base_url` is HOTLINE_VIBER_API_URL."""
    fake = FakeViber()
    async with serving(fake.app()) as fake.base_url:
        yield fake


_tokens = itertools.count(4_912_661_846_655_238_145)


def _sender(user: str) -> dict[str, Any]:
    return {
        "id": user,
        "name": "Dân",
        "avatar": "https://media-direct.cdn.viber.com/download_photo?dlid=x",
        "country": "VN",
        "language": "vi",
        "api_version": 10,
    }


def message_event(user: str, message: dict[str, Any]) -> dict[str, Any]:
    """A `message` callback: what the citizen sent (text, picture, location...)."""
    return {
        "event": "message",
        "timestamp": int(time.time() * 1000),
        "chat_hostname": "SN-CHAT-01_",
        "message_token": next(_tokens),
        "sender": _sender(user),
        "message": message,
        "silent": False,
    }


def picture(fake: FakeViber, caption: str = "") -> dict[str, Any]:
    url = f"{fake.base_url}/media/photo-{next(_tokens)}.jpg"
    return {
        "type": "picture",
        "text": caption,
        "media": url,
        "thumbnail": url,
        "file_name": "photo.jpg",
        "size": len(TINY_JPEG),
    }


def event(kind: str, user: str, **extra: Any) -> dict[str, Any]:
    """conversation_started, subscribed, unsubscribed, delivered, seen, failed, webhook."""
    body: dict[str, Any] = {
        "event": kind,
        "timestamp": int(time.time() * 1000),
        "message_token": next(_tokens),
        **extra,
    }
    if kind in ("conversation_started", "subscribed"):
        body["user"] = _sender(user)
    elif kind != "webhook":
        body["user_id"] = user
    return body


def sign(body: bytes, token: str = TOKEN) -> str:
    return hmac.new(token.encode(), body, hashlib.sha256).hexdigest()


class ViberCitizen:
    """A citizen writing to the hotline's Viber bot: callbacks posted to our webhook."""

    def __init__(self, client: TestClient, fake: FakeViber, user: str) -> None:
        self.client = client
        self.fake = fake
        self.user = user

    async def post(self, callback: dict[str, Any], signature: str | None = "valid") -> Any:
        body = json.dumps(callback).encode()
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["X-Viber-Content-Signature"] = sign(body) if signature == "valid" else signature
        return await self.client.post("/webhooks/viber", data=body, headers=headers)

    async def send(self, callback: dict[str, Any], replies: int = 1) -> list[str]:
        before = len(self.fake.sent_to(self.user))
        resp = await self.post(callback)
        assert resp.status == 200, await resp.text()
        await self.fake.wait_sent(self.user, before + replies)
        await settled(self.client, self.user)
        return [m["text"] for m in self.fake.sent_to(self.user)][before:]

    async def say(self, text: str, replies: int = 1) -> list[str]:
        return await self.send(message_event(self.user, {"type": "text", "text": text}), replies)

    def buttons(self) -> list[dict[str, Any]]:
        board = self.fake.sent_to(self.user)[-1].get("keyboard") or {}
        return list(board.get("Buttons", []))

    async def press(self, title: str, replies: int = 1) -> list[str]:
        """A reply button sends its ActionBody back as a text message."""
        bodies = [b["ActionBody"] for b in self.buttons() if b["Text"] == title]
        assert bodies, f"no button {title!r} in {self.buttons()}"
        return await self.say(bodies[0], replies)


async def settled(client: TestClient, user: str, within: float = 10.0) -> None:
    conversations = hotline_of(client).conversations
    key = ConversationKey("viber", user)
    deadline = time.monotonic() + within
    while await conversations.unprocessed() or await conversations.pending(key):
        if time.monotonic() > deadline:
            raise AssertionError("the hotline did not settle")
        await asyncio.sleep(0.02)

"""A fake Viber REST bot API (an aiohttp app on port 0) and callbacks shaped as Viber sends them.

It records every sent message, serves picture URLs with a real tiny JPEG, and can be told to answer
the next sends with HTTP 429, HTTP 500, or status 6 (receiver not subscribed). Shapes follow
https://developers.viber.com/docs/api/rest-bot-api/ (callbacks, send_message, set_webhook).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from hotline.config import Settings
from tests.support.fake_platform import TINY_JPEG, Citizen, FakeApi, served
from tests.support.hotline import platform_settings

TOKEN = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9"


@dataclass
class FakeViber(FakeApi):
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unsubscribed: set[str] = field(default_factory=set)
    _tokens: itertools.count[int] = field(default_factory=lambda: itertools.count(5_741_311_803))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/pa/{method}", self._method)
        app.router.add_get("/media/{name}", self.photo)
        return app

    def sent_to(self, user: int | str) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["receiver"] == str(user)]

    def texts_to(self, user: int | str) -> list[str]:
        return [m["text"] for m in self.sent_to(user)]

    @property
    def attempts(self) -> int:
        """send_message calls, refused ones included."""
        return len([c for c in self.calls if c[0] == "send_message"])

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
        self.record(body, body["receiver"])
        return web.json_response(
            {"status": 0, "status_message": "ok", "message_token": next(self._tokens)}
        )


@pytest.fixture
async def fake_viber() -> AsyncIterator[FakeViber]:
    """A FakeViber on 127.0.0.1; its base_url is HOTLINE_VIBER_API_URL."""
    async with served(FakeViber()) as fake:
        yield fake


def settings_for(settings: Settings, url: str, tmp_path: Path) -> Settings:
    """Settings with the Viber channel on, talking to the fake at `url`."""
    return platform_settings(settings, tmp_path / "media", viber_token=TOKEN, viber_api_url=url)


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


class ViberCitizen(Citizen):
    """A citizen writing to the hotline's Viber bot: callbacks posted to our webhook."""

    channel = "viber"

    async def post(self, callback: dict[str, Any], signature: str | None = "valid") -> Any:
        body = json.dumps(callback).encode()
        headers = {"Content-Type": "application/json"}
        if signature is not None:
            headers["X-Viber-Content-Signature"] = sign(body) if signature == "valid" else signature
        return await self.client.post("/webhooks/viber", data=body, headers=headers)

    async def deliver(self, body: dict[str, Any]) -> int:
        resp = await self.post(body)
        return int(resp.status)

    def text(self, text: str) -> dict[str, Any]:
        return message_event(str(self.sender), {"type": "text", "text": text})

    def buttons(self) -> list[dict[str, Any]]:
        board = self.fake.sent_to(self.sender)[-1].get("keyboard") or {}
        return list(board.get("Buttons", []))

    async def press(self, title: str, replies: int = 1) -> list[str]:
        """A reply button sends its ActionBody back as a text message."""
        bodies = [b["ActionBody"] for b in self.buttons() if b["Text"] == title]
        assert bodies, f"no button {title!r} in {self.buttons()}"
        return await self.say(bodies[0], replies)

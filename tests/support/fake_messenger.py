"""A fake Graph API Send endpoint (an aiohttp app on port 0) and webhooks shaped as Meta posts.

It records every message sent, serves photos (a real tiny JPEG) at URLs that stand for Meta's
CDN, and can be told to answer the next sends with error 613 (rate limit), HTTP 500, or 551
(the person is not available). Shapes follow developers.facebook.com, Messenger Platform
(webhook events `messages`, `messaging_postbacks`, `message_deliveries`, `message_reads`;
POST /{version}/me/messages).
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
from tests.support.fake_platform import Citizen, FakeApi, served
from tests.support.hotline import platform_settings

PAGE_ID = "104729485123456"
PAGE_TOKEN = "EAAG-page-token-for-tests"
APP_SECRET = "messenger-app-secret"
VERIFY_TOKEN = "hotline-verify-token"
VERSION = "v21.0"

_ERRORS: dict[str, tuple[int, dict[str, Any]]] = {
    "rate_limit": (
        400,
        {"message": "(#613) Calls to this api have exceeded the rate limit.", "code": 613},
    ),
    "500": (500, {"message": "An unexpected error has occurred.", "code": 2}),
    "unavailable": (
        400,
        {
            "message": "(#551) This person isn't available right now.",
            "code": 551,
            "error_subcode": 1545041,
        },
    ),
}


@dataclass
class FakeMessenger(FakeApi):
    attempts: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(f"/{VERSION}/me/messages", self._send)
        app.router.add_get("/cdn/{name}", self.photo)
        return app

    def sent_to(self, psid: int | str) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["recipient"]["id"] == str(psid)]

    def texts_to(self, psid: int | str) -> list[str]:
        return [m["message"]["text"] for m in self.sent_to(psid)]

    async def _send(self, request: web.Request) -> web.Response:
        self.attempts += 1
        if request.query.get("access_token") != PAGE_TOKEN:
            error = {
                "message": "Invalid OAuth access token.",
                "type": "OAuthException",
                "code": 190,
            }
            return web.json_response({"error": error}, status=400)
        body = await request.json()
        if self.failures:
            status, error = _ERRORS[self.failures.pop(0)]
            error = {**error, "type": "OAuthException", "fbtrace_id": "AbCdEf"}
            return web.json_response({"error": error}, status=status)
        self.record(body, body["recipient"]["id"])
        return web.json_response(
            {"recipient_id": body["recipient"]["id"], "message_id": f"m_{next(self._ids)}"}
        )


@pytest.fixture
async def fake_messenger() -> AsyncIterator[FakeMessenger]:
    """A FakeMessenger on 127.0.0.1; its base_url is HOTLINE_MESSENGER_API_URL."""
    async with served(FakeMessenger()) as fake:
        yield fake


def settings_for(settings: Settings, url: str, tmp_path: Path) -> Settings:
    """Settings with the Messenger channel on, its Graph API the fake at `url`."""
    return platform_settings(
        settings,
        tmp_path / "media",
        messenger_page_token=PAGE_TOKEN,
        messenger_app_secret=APP_SECRET,
        messenger_verify_token=VERIFY_TOKEN,
        messenger_api_url=url,
        messenger_api_version=VERSION,
    )


_mids = itertools.count(1)


def _ms(at: float | None = None) -> int:
    return int((time.time() if at is None else at) * 1000)


def messaging(psid: str, at: float | None = None, **content: Any) -> dict[str, Any]:
    """One messaging item from a citizen (PSID) to the page."""
    return {"sender": {"id": psid}, "recipient": {"id": PAGE_ID}, "timestamp": _ms(at), **content}


def text_item(psid: str, text: str, at: float | None = None) -> dict[str, Any]:
    return messaging(psid, at, message={"mid": f"m_in{next(_mids)}", "text": text})


def quick_reply_item(psid: str, title: str, payload: str) -> dict[str, Any]:
    message = {"mid": f"m_in{next(_mids)}", "text": title, "quick_reply": {"payload": payload}}
    return messaging(psid, message=message)


def postback_item(psid: str, title: str, payload: str) -> dict[str, Any]:
    postback = {"mid": f"m_pb{next(_mids)}", "title": title, "payload": payload}
    return messaging(psid, postback=postback)


def image_item(psid: str, base_url: str) -> dict[str, Any]:
    n = next(_mids)
    image = {"type": "image", "payload": {"url": f"{base_url}/cdn/scontent-{n}.jpg"}}
    return messaging(psid, message={"mid": f"m_in{n}", "attachments": [image]})


def location_item(psid: str, lat: float, long: float) -> dict[str, Any]:
    place = {
        "type": "location",
        "title": "Vị trí đã ghim",
        "payload": {"coordinates": {"lat": lat, "long": long}},
    }
    return messaging(psid, message={"mid": f"m_in{next(_mids)}", "attachments": [place]})


def echo_item(psid: str, text: str) -> dict[str, Any]:
    message = {"mid": f"m_echo{next(_mids)}", "is_echo": True, "app_id": 1234, "text": text}
    return {
        "sender": {"id": PAGE_ID},
        "recipient": {"id": psid},
        "timestamp": _ms(),
        "message": message,
    }


def delivery_item(psid: str, mids: list[str]) -> dict[str, Any]:
    return messaging(psid, delivery={"mids": mids, "watermark": _ms()})


def read_item(psid: str) -> dict[str, Any]:
    return messaging(psid, read={"watermark": _ms()})


def batch(*entries: list[dict[str, Any]]) -> dict[str, Any]:
    """A page webhook: one entry per list of messaging items."""
    return {
        "object": "page",
        "entry": [{"id": PAGE_ID, "time": _ms(), "messaging": items} for items in entries],
    }


def signed(body: dict[str, Any], secret: str = APP_SECRET) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body, ensure_ascii=False).encode()
    mac = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return raw, {"X-Hub-Signature-256": f"sha256={mac}", "Content-Type": "application/json"}


class MessengerCitizen(Citizen):
    """A Facebook user writing to the hotline's fanpage: webhooks posted to our endpoint."""

    channel = "messenger"

    async def post(self, body: dict[str, Any], headers: dict[str, str] | None = None) -> int:
        raw, signature = signed(body)
        resp = await self.client.post(
            "/webhooks/messenger", data=raw, headers=signature if headers is None else headers
        )
        return resp.status

    async def deliver(self, body: dict[str, Any]) -> int:
        """`body` is one messaging item, posted as a page webhook of one entry."""
        return await self.post(batch([body]))

    def text(self, text: str) -> dict[str, Any]:
        return text_item(str(self.sender), text)

    def quick_replies(self) -> list[dict[str, str]]:
        return list(self.fake.sent_to(self.sender)[-1]["message"].get("quick_replies", []))

    async def press(self, title: str, replies: int = 1) -> list[str]:
        found = [q["payload"] for q in self.quick_replies() if q["title"] == title]
        assert found, f"no quick reply {title!r} in {self.quick_replies()}"
        return await self.send(quick_reply_item(str(self.sender), title, found[0]), replies)

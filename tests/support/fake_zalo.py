"""A fake Zalo OA API v3 and OAuth v4 (one aiohttp app on port 0), and events shaped as Zalo posts.

It records every customer-service message, serves photos (a real tiny JPEG) at URLs that stand
for Zalo's CDN, rotates token pairs like Zalo's OAuth server (each refresh token works once), and
can be told to answer the next sends with error -32 (rate limit), HTTP 500, -216 (the access
token expired) or -213 (the citizen unfollowed). Shapes follow developers.zalo.me (webhook
events `user_send_*`, `follow`/`unfollow`; POST /v3.0/oa/message/cs; POST /v4/oa/access_token).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient

from bot.channels.zalo_events import expected_signature
from bot.messages import ConversationKey
from tests.support.fake_server import serving
from tests.support.fake_telegram import TINY_JPEG
from tests.support.hotline import hotline_of

APP_ID = "2553928453557884079"
OA_ID = "3662729599332560487"
SECRET_KEY = "oa-secret-key-for-tests"
APP_SECRET = "app-secret-for-tests"
ACCESS_TOKEN = "access-0"
REFRESH_TOKEN = "refresh-0"

_ERRORS: dict[str, tuple[int, dict[str, Any]]] = {
    "rate_limit": (200, {"error": -32, "message": "The number of requests exceeds the limit"}),
    "500": (500, {"error": -1, "message": "Internal Server Error"}),
    "unfollowed": (200, {"error": -213, "message": "User has not followed OA"}),
}


@dataclass
class FakeZalo:
    sent: list[dict[str, Any]] = field(default_factory=list)
    attempts: int = 0
    failures: list[str] = field(default_factory=list)
    access_token: str = ACCESS_TOKEN
    refresh_token: str = REFRESH_TOKEN
    refreshes: list[dict[str, str]] = field(default_factory=list)
    downloads: int = 0
    first_sent: dict[str, float] = field(default_factory=dict)  # user -> monotonic time
    base_url: str = ""
    _pairs: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3.0/oa/message/cs", self._send)
        app.router.add_post("/v4/oa/access_token", self._refresh)
        app.router.add_get("/cdn/{name}", self._photo)
        return app

    def fail_next(self, count: int, kind: str) -> None:
        self.failures.extend([kind] * count)

    def expire_token(self) -> None:
        """The access token in use stops working, as it does after about 25 hours."""
        self.access_token = f"not-yet-issued-{time.monotonic()}"

    def sent_to(self, user_id: str) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["recipient"]["user_id"] == user_id]

    def texts_to(self, user_id: str) -> list[str]:
        return [m["message"]["text"] for m in self.sent_to(user_id)]

    async def wait_sent(self, user_id: str, count: int, within: float = 10.0) -> list[str]:
        deadline = time.monotonic() + within
        while len(self.sent_to(user_id)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} messages expected, got {self.sent_to(user_id)}")
            await asyncio.sleep(0.02)
        return self.texts_to(user_id)

    async def _send(self, request: web.Request) -> web.Response:
        self.attempts += 1
        body = await request.json()
        if request.headers.get("access_token") != self.access_token:
            return web.json_response({"error": -216, "message": "Access token is invalid"})
        if self.failures:
            status, answer = _ERRORS[self.failures.pop(0)]
            return web.json_response(answer, status=status)
        self.sent.append(body)
        self.first_sent.setdefault(body["recipient"]["user_id"], time.monotonic())
        return web.json_response(
            {
                "data": {"message_id": f"oa-msg-{next(self._ids)}", "user_id": "x"},
                "error": 0,
                "message": "Success",
            }
        )

    async def _refresh(self, request: web.Request) -> web.Response:
        form = {k: str(v) for k, v in (await request.post()).items()}
        self.refreshes.append(form)
        if (
            request.headers.get("secret_key") != APP_SECRET
            or form.get("app_id") != APP_ID
            or form.get("grant_type") != "refresh_token"
            or form.get("refresh_token") != self.refresh_token
        ):
            return web.json_response(
                {
                    "error": -14014,
                    "error_name": "Invalid refresh token",
                    "error_description": "Refresh token is invalid or expired",
                }
            )
        n = next(self._pairs)
        self.access_token, self.refresh_token = f"access-{n}", f"refresh-{n}"
        return web.json_response(
            {
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "expires_in": "90000",
            }
        )

    async def _photo(self, request: web.Request) -> web.Response:
        self.downloads += 1
        return web.Response(body=TINY_JPEG, content_type="image/jpeg")


@pytest.fixture
async def fake_zalo() -> AsyncIterator[tuple[FakeZalo, str]]:
    """A FakeZalo and its base URL (for HOTLINE_ZALO_API_URL and HOTLINE_ZALO_OAUTH_URL)."""
    fake = FakeZalo()
    async with serving(fake.app()) as url:
        yield fake, url


_msg_ids = itertools.count(1)


def _event(name: str, user_id: str, **rest: Any) -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "user_id_by_app": f"app-{user_id}",
        "event_name": name,
        "timestamp": str(int(time.time() * 1000)),
        **rest,
    }


def text_event(user_id: str, text: str) -> dict[str, Any]:
    message = {"text": text, "msg_id": f"zmsg{next(_msg_ids):016x}"}
    return _event(
        "user_send_text", user_id, sender={"id": user_id}, recipient={"id": OA_ID}, message=message
    )


def image_event(user_id: str, base_url: str, caption: str = "") -> dict[str, Any]:
    n = next(_msg_ids)
    photo = {"thumbnail": f"{base_url}/cdn/thumb-{n}.jpg", "url": f"{base_url}/cdn/photo-{n}.jpg"}
    message = {
        "text": caption,
        "msg_id": f"zmsg{n:016x}",
        "attachments": [{"type": "image", "payload": photo}],
    }
    return _event(
        "user_send_image", user_id, sender={"id": user_id}, recipient={"id": OA_ID}, message=message
    )


def location_event(user_id: str, latitude: float, longitude: float) -> dict[str, Any]:
    place = {"coordinates": {"latitude": str(latitude), "longitude": str(longitude)}}
    message = {
        "text": "Quán nhậu đường Yersin",
        "msg_id": f"zmsg{next(_msg_ids):016x}",
        "attachments": [{"type": "location", "payload": place}],
    }
    return _event(
        "user_send_location",
        user_id,
        sender={"id": user_id},
        recipient={"id": OA_ID},
        message=message,
    )


def follow_event(user_id: str, name: str = "follow") -> dict[str, Any]:
    return _event(name, user_id, oa_id=OA_ID, follower={"id": user_id}, source="oa_profile")


def echo_event(user_id: str, text: str) -> dict[str, Any]:
    message = {"text": text, "msg_id": f"zmsg{next(_msg_ids):016x}"}
    return _event(
        "oa_send_text", user_id, sender={"id": OA_ID}, recipient={"id": user_id}, message=message
    )


def signed(event: dict[str, Any], secret_key: str = SECRET_KEY) -> tuple[bytes, dict[str, str]]:
    """The body as Zalo sends it and its `X-ZEvent-Signature` header."""
    body = json.dumps(event, ensure_ascii=False).encode()
    mac = expected_signature(APP_ID, body, str(event["timestamp"]), secret_key)
    return body, {"X-ZEvent-Signature": mac, "Content-Type": "application/json"}


class ZaloCitizen:
    """A Zalo user writing to the hotline's OA: events posted to our webhook."""

    def __init__(self, client: TestClient, fake: FakeZalo, user_id: str) -> None:
        self.client = client
        self.fake = fake
        self.user_id = user_id

    async def post(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> int:
        body, signature = signed(event)
        resp = await self.client.post(
            "/webhooks/zalo", data=body, headers=signature if headers is None else headers
        )
        return resp.status

    async def send(self, event: dict[str, Any], replies: int = 1) -> list[str]:
        before = len(self.fake.sent_to(self.user_id))
        assert await self.post(event) == 200
        await self.fake.wait_sent(self.user_id, before + replies)
        await settled(self.client, "zalo", self.user_id)
        return self.fake.texts_to(self.user_id)[before:]

    async def say(self, text: str, replies: int = 1) -> list[str]:
        return await self.send(text_event(self.user_id, text), replies)

    def buttons(self) -> list[dict[str, str]]:
        last = self.fake.sent_to(self.user_id)[-1]["message"]
        return list(last.get("attachment", {}).get("payload", {}).get("buttons", []))

    async def press(self, title: str, replies: int = 1) -> list[str]:
        """An `oa.query.hide` button: Zalo sends its payload back as the citizen's text."""
        found = [b["payload"] for b in self.buttons() if b["title"] == title]
        assert found, f"no button {title!r} in {self.buttons()}"
        return await self.say(found[0], replies)


async def settled(client: TestClient, channel: str, sender: str, within: float = 10.0) -> None:
    """Wait until every message is processed and nothing is pending for the conversation."""
    conversations = hotline_of(client).conversations
    key = ConversationKey(channel, sender)
    deadline = time.monotonic() + within
    while await conversations.unprocessed() or await conversations.pending(key):
        if time.monotonic() > deadline:
            raise AssertionError("the hotline did not settle")
        await asyncio.sleep(0.02)

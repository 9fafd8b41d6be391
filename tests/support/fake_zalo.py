"""A fake Zalo OA API v3 and OAuth v4 (one aiohttp app on port 0), and events shaped as Zalo posts.

It records every customer-service message, serves photos (a real tiny JPEG) at URLs that stand
for Zalo's CDN, rotates token pairs like Zalo's OAuth server (each refresh token works once), and
can be told to answer the next sends with error -32 (rate limit), HTTP 500, -216 (the access
token expired) or -213 (the citizen unfollowed). Shapes follow developers.zalo.me (webhook
events `user_send_*`, `follow`/`unfollow`; POST /v3.0/oa/message/cs; POST /v4/oa/access_token).
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from hotline.channels.zalo.events import expected_signature
from hotline.config import Settings
from tests.support.fake_platform import Citizen, FakeApi, served
from tests.support.hotline import platform_settings

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
class FakeZalo(FakeApi):
    attempts: int = 0
    access_token: str = ACCESS_TOKEN
    refresh_token: str = REFRESH_TOKEN
    refreshes: list[dict[str, str]] = field(default_factory=list)
    _pairs: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3.0/oa/message/cs", self._send)
        app.router.add_post("/v4/oa/access_token", self._refresh)
        app.router.add_get("/cdn/{name}", self.photo)
        return app

    def expire_token(self) -> None:
        """The access token in use stops working, as it does after about 25 hours."""
        self.access_token = f"not-yet-issued-{time.monotonic()}"

    def sent_to(self, user_id: int | str) -> list[dict[str, Any]]:
        return [m for m in self.sent if m["recipient"]["user_id"] == str(user_id)]

    def texts_to(self, user_id: int | str) -> list[str]:
        return [m["message"]["text"] for m in self.sent_to(user_id)]

    async def _send(self, request: web.Request) -> web.Response:
        self.attempts += 1
        body = await request.json()
        if request.headers.get("access_token") != self.access_token:
            return web.json_response({"error": -216, "message": "Access token is invalid"})
        if self.failures:
            status, answer = _ERRORS[self.failures.pop(0)]
            return web.json_response(answer, status=status)
        self.record(body, body["recipient"]["user_id"])
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


@pytest.fixture
async def fake_zalo() -> AsyncIterator[FakeZalo]:
    """A FakeZalo on 127.0.0.1; its base_url is HOTLINE_ZALO_API_URL and HOTLINE_ZALO_OAUTH_URL."""
    async with served(FakeZalo()) as fake:
        yield fake


def settings_for(settings: Settings, url: str, tmp_path: Path) -> Settings:
    """Settings with the Zalo channel on, its API and OAuth server both the fake at `url`."""
    return platform_settings(
        settings,
        tmp_path / "media",
        zalo_app_id=APP_ID,
        zalo_secret_key=SECRET_KEY,
        zalo_access_token=ACCESS_TOKEN,
        zalo_refresh_token=REFRESH_TOKEN,
        zalo_app_secret=APP_SECRET,
        zalo_api_url=url,
        zalo_oauth_url=url,
    )


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


class ZaloCitizen(Citizen):
    """A Zalo user writing to the hotline's OA: events posted to our webhook."""

    channel = "zalo"

    async def post(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> int:
        body, signature = signed(event)
        resp = await self.client.post(
            "/webhooks/zalo", data=body, headers=signature if headers is None else headers
        )
        return resp.status

    async def deliver(self, body: dict[str, Any]) -> int:
        return await self.post(body)

    def text(self, text: str) -> dict[str, Any]:
        return text_event(str(self.sender), text)

    def buttons(self) -> list[dict[str, str]]:
        last = self.fake.sent_to(self.sender)[-1]["message"]
        return list(last.get("attachment", {}).get("payload", {}).get("buttons", []))

    async def press(self, title: str, replies: int = 1) -> list[str]:
        """An `oa.query.hide` button: Zalo sends its payload back as the citizen's text."""
        found = [b["payload"] for b in self.buttons() if b["title"] == title]
        assert found, f"no button {title!r} in {self.buttons()}"
        return await self.say(found[0], replies)

"""A fake Telegram Bot API (an aiohttp app on port 0) and updates shaped as Telegram sends them.

It records every sent message, serves getFile and the file download with a real tiny JPEG, and can
be told to answer the next sends with 429 (+ retry_after), 500, or 403 "bot was blocked".
Shapes follow https://core.telegram.org/bots/api (Update, Message, PhotoSize, CallbackQuery, File).
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

from hotline.config import Settings
from tests.support.fake_platform import TINY_JPEG, Citizen, FakeApi, served
from tests.support.hotline import platform_settings

TOKEN = "123456:TEST-token"
SECRET = "hotline-webhook-secret"

_ERRORS = {
    "429": (429, "Too Many Requests: retry after 1", {"retry_after": 1}),
    "500": (500, "Internal Server Error", None),
    "blocked": (403, "Forbidden: bot was blocked by the user", None),
}


@dataclass
class FakeTelegram(FakeApi):
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # chats that blocked the bot for good
    retry_after: int = 1
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post(f"/bot{TOKEN}/{{method}}", self._method)
        app.router.add_get(f"/file/bot{TOKEN}/{{path:.+}}", self.photo)
        return app

    def sent_to(self, chat_id: int | str) -> list[dict[str, Any]]:
        return [m for m in self.sent if str(m["chat_id"]) == str(chat_id)]

    def texts_to(self, chat_id: int | str) -> list[str]:
        return [m["text"] for m in self.sent_to(chat_id)]

    @property
    def attempts(self) -> int:
        """sendMessage calls, refused ones included."""
        return len([c for c in self.calls if c[0] == "sendMessage"])

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        params: dict[str, Any] = {}
        for key, value in (await request.post()).items():
            text = str(value)
            try:  # PTB sends nested objects (reply_markup) as JSON strings in form fields
                params[key] = json.loads(text) if text[:1] in "[{" else text
            except ValueError:
                params[key] = text
        return params

    async def _method(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        self.calls.append((method, params))
        handler = getattr(self, f"_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        return await handler(params)  # type: ignore[no-any-return]

    async def _getMe(self, params: dict[str, Any]) -> web.Response:
        return _ok(
            {
                "id": 123456,
                "is_bot": True,
                "first_name": "Tổng đài 1022",
                "username": "hotline1022_bot",
                "can_join_groups": False,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        )

    async def _sendMessage(self, params: dict[str, Any]) -> web.Response:
        if str(params["chat_id"]) in self.blocked:
            return _error(*_ERRORS["blocked"])
        if self.failures:
            kind = self.failures.pop(0)
            status, text, extra = _ERRORS[kind]
            if kind == "429":
                extra = {"retry_after": self.retry_after}
            return _error(status, text, extra)
        self.record(params, str(params["chat_id"]))
        chat = {"id": int(params["chat_id"]), "type": "private", "first_name": "Dân"}
        return _ok(
            {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": chat,
                "text": params["text"],
            }
        )

    async def _answerCallbackQuery(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def _setWebhook(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    async def _getFile(self, params: dict[str, Any]) -> web.Response:
        file_id = params["file_id"]
        return _ok(
            {
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "file_size": len(TINY_JPEG),
                "file_path": f"photos/{file_id}.jpg",
            }
        )


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, parameters: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A FakeTelegram on 127.0.0.1; its base_url is HOTLINE_TELEGRAM_API_URL."""
    async with served(FakeTelegram()) as fake:
        yield fake


def settings_for(settings: Settings, url: str, tmp_path: Path) -> Settings:
    """Settings with the Telegram channel on, talking to the fake at `url`."""
    return platform_settings(
        settings,
        tmp_path / "media",
        telegram_token=TOKEN,
        telegram_secret=SECRET,
        telegram_api_url=url,
    )


_updates = itertools.count(10_000)
_messages = itertools.count(1)


def _user(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "is_bot": False, "first_name": "Dân", "language_code": "vi"}


def message_update(chat_id: int, **content: Any) -> dict[str, Any]:
    """An Update with a private-chat Message carrying `content` (text, photo, location...)."""
    return {
        "update_id": next(_updates),
        "message": {
            "message_id": next(_messages),
            "from": _user(chat_id),
            "chat": {"id": chat_id, "first_name": "Dân", "type": "private"},
            "date": int(time.time()),
            **content,
        },
    }


def photo_update(chat_id: int, caption: str | None = None) -> dict[str, Any]:
    """A photo as Telegram sends it: the same picture in several sizes, smallest first."""
    n = next(_messages)
    sizes = [
        {
            "file_id": f"small-{n}",
            "file_unique_id": f"s{n}",
            "file_size": 120,
            "width": 90,
            "height": 67,
        },
        {
            "file_id": f"large-{n}",
            "file_unique_id": f"l{n}",
            "file_size": len(TINY_JPEG),
            "width": 1280,
            "height": 960,
        },
        {
            "file_id": f"medium-{n}",
            "file_unique_id": f"m{n}",
            "file_size": 900,
            "width": 320,
            "height": 240,
        },
    ]
    content: dict[str, Any] = {"photo": sizes}
    if caption:
        content["caption"] = caption
    return message_update(chat_id, **content)


def callback_update(chat_id: int, data: str) -> dict[str, Any]:
    """A press on an inline keyboard button under one of the bot's messages."""
    bot_message = {
        "message_id": next(_messages),
        "from": {"id": 123456, "is_bot": True, "first_name": "Tổng đài 1022"},
        "chat": {"id": chat_id, "first_name": "Dân", "type": "private"},
        "date": int(time.time()),
        "text": "…",
    }
    return {
        "update_id": next(_updates),
        "callback_query": {
            "id": f"cb-{next(_messages)}",
            "from": _user(chat_id),
            "message": bot_message,
            "chat_instance": "-1234567890",
            "data": data,
        },
    }


class TelegramCitizen(Citizen):
    """A citizen writing to the hotline's Telegram bot: updates posted to our webhook."""

    channel = "telegram"

    async def post(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        resp = await self.client.post("/webhooks/telegram", json=update, headers=headers)
        return resp.status

    async def deliver(self, body: dict[str, Any]) -> int:
        return await self.post(body)

    def text(self, text: str) -> dict[str, Any]:
        return message_update(int(self.sender), text=text)

    def buttons(self) -> list[dict[str, str]]:
        markup = self.fake.sent_to(self.sender)[-1].get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]

    async def press(self, title: str, replies: int = 1) -> list[str]:
        data = [b["callback_data"] for b in self.buttons() if b["text"] == title]
        assert data, f"no button {title!r} in {self.buttons()}"
        return await self.send(callback_update(int(self.sender), data[0]), replies)

"""What the four fake messaging platforms share: the API's record of what it sent (`FakeApi`), and
the citizen who writes to our webhook and waits for the answer (`Citizen`).

Each platform's fake (tests/support/fake_<platform>.py) adds its own routes, wire format and
failures; these hold the bookkeeping that is the same on all of them.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from aiohttp import web
from aiohttp.test_utils import TestClient

from hotline.bot.messages import ConversationKey
from tests.support.fake_server import serving, wait_for_count
from tests.support.hotline import settled
from tests.support.images import photo

# A complete 1x1 JPEG drawn by Pillow: the photo every fake's CDN serves (the hotline decodes
# and redraws every photo, so it must be one a decoder reads to the end).
TINY_JPEG = photo("JPEG", size=(1, 1))


@dataclass
class FakeApi:
    """What a fake platform sent, to whom first when, what it refuses next, and photos served."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    first_sent: dict[str, float] = field(default_factory=dict)  # chat -> monotonic time
    failures: list[str] = field(default_factory=list)  # what the next sends get
    downloads: int = 0
    base_url: str = ""

    def app(self) -> web.Application:
        """The fake's routes, to serve on a port (see fake_server.serving)."""
        raise NotImplementedError

    def fail_next(self, count: int, kind: str) -> None:
        self.failures.extend([kind] * count)

    def sent_to(self, chat: int | str) -> list[dict[str, Any]]:
        """The bodies sent to one chat, in order."""
        raise NotImplementedError

    def texts_to(self, chat: int | str) -> list[str]:
        raise NotImplementedError

    async def wait_sent(self, chat: int | str, count: int, within: float = 10.0) -> list[str]:
        """The texts sent to a chat, once there are at least `count` of them."""
        await wait_for_count(lambda: self.sent_to(chat), count, within)
        return self.texts_to(chat)

    def record(self, body: dict[str, Any], chat: str) -> None:
        self.sent.append(body)
        self.first_sent.setdefault(chat, time.monotonic())

    async def photo(self, request: web.Request) -> web.Response:
        self.downloads += 1
        return web.Response(body=TINY_JPEG, content_type="image/jpeg")


Fake = TypeVar("Fake", bound=FakeApi)


@asynccontextmanager
async def served(fake: Fake) -> AsyncIterator[Fake]:
    """The fake listening on 127.0.0.1; its `base_url` is what HOTLINE_<PLATFORM>_API_URL says."""
    async with serving(fake.app()) as fake.base_url:
        yield fake


class Citizen:
    """A citizen writing to the hotline on one platform: messages posted to our webhook."""

    channel: ClassVar[str]

    def __init__(self, client: TestClient, fake: FakeApi, sender: int | str) -> None:
        self.client = client
        self.fake = fake
        self.sender = sender
        self.key = ConversationKey(self.channel, str(sender))

    async def deliver(self, body: dict[str, Any]) -> int:
        """POST a message to our webhook as the platform would; the status."""
        raise NotImplementedError

    def text(self, text: str) -> dict[str, Any]:
        """A text message from this citizen, as `send` takes it."""
        raise NotImplementedError

    async def send(self, body: dict[str, Any], replies: int = 1) -> list[str]:
        """Post a message; the texts sent back once it is answered and nothing is pending."""
        before = len(self.fake.sent_to(self.sender))
        assert await self.deliver(body) == 200
        await self.fake.wait_sent(self.sender, before + replies)
        await settled(self.client, self.key)
        return self.fake.texts_to(self.sender)[before:]

    async def say(self, text: str, replies: int = 1) -> list[str]:
        return await self.send(self.text(text), replies)

"""The channel interface: mount routes, turn requests into messages, deliver replies."""

from __future__ import annotations

from typing import Protocol

from aiohttp import web

from bot.conversation import OutboxItem
from bot.messages import ConversationKey, InboundMessage


class Inbox(Protocol):
    """All a channel may do with the core: hand in a message and account for deliveries."""

    async def handle(self, message: InboundMessage) -> list[OutboxItem]: ...

    async def mark_delivered(self, ids: list[int]) -> None: ...

    async def pending(self, key: ConversationKey) -> list[OutboxItem]: ...


class Channel(Protocol):
    name: str

    def routes(self) -> list[web.AbstractRouteDef]: ...

    async def send(self, item: OutboxItem) -> bool:
        """Deliver a stored reply and record it as delivered; False if it could not go now."""
        ...


def json_error(status: int, message: str) -> web.Response:
    """A clear 4xx answer for bad input."""
    return web.json_response({"error": message}, status=status)

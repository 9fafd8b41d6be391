"""The channel interface: mount routes, turn requests into messages, deliver replies."""

from __future__ import annotations

import json
from typing import Any, Protocol, runtime_checkable

from aiohttp import web

from hotline.bot.conversation import OutboxItem
from hotline.bot.messages import ConversationKey, InboundMessage


class Inbox(Protocol):
    """All a channel may do with the core: hand in a message and account for deliveries."""

    async def handle(self, message: InboundMessage) -> list[OutboxItem]:
        """Store and process a message; a redelivery gets the replies it got before."""
        ...

    async def accept(self, message: InboundMessage) -> bool:
        """Store a message only (False for a redelivery); answer the webhook, then `finish`."""
        ...

    async def finish(self, message: InboundMessage, is_new: bool = True) -> list[OutboxItem]: ...

    async def mark_delivered(self, ids: list[int]) -> None: ...

    async def pending(self, key: ConversationKey) -> list[OutboxItem]: ...


class Channel(Protocol):
    name: str

    def routes(self) -> list[web.AbstractRouteDef]: ...

    async def send(self, item: OutboxItem) -> bool:
        """Deliver a stored reply and record it as delivered; False if it could not go now."""
        ...


@runtime_checkable
class HeldChannel(Protocol):
    """A channel whose citizens hold a connection to one worker (a socket, a waiting request)."""

    async def hand_over(self, key: ConversationKey) -> None:
        """Hand what waits for this conversation over the connection, if this worker holds one."""
        ...


class DeliveryFailed(Exception):
    """A platform refused a send. `retry_after` (seconds) when it may work later, else None."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after

    @property
    def permanent(self) -> bool:
        return self.retry_after is None


def json_dumps(value: Any) -> str:
    """JSON as UTF-8 text (Vietnamese stays readable), for every JSON response."""
    return json.dumps(value, ensure_ascii=False)


def json_response(value: Any, status: int = 200) -> web.Response:
    return web.json_response(value, status=status, dumps=json_dumps)


def json_error(status: int, message: str) -> web.Response:
    """A clear 4xx answer for bad input."""
    return json_response({"error": message}, status=status)

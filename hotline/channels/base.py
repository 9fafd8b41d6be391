"""The channel interface: one class every channel derives from, with optional hooks.

A channel is one way citizens reach the hotline (the app's REST API, the web chat, a messaging
platform, the mailbox). The app lists its routes when it is built and builds the channel with
`open` once the hotline runs; the routes are then served by that channel.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

import aiohttp
from aiohttp import web

from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.messages import ConversationKey
from hotline.bot.ratelimit import UNLIMITED, RateLimit
from hotline.channels.delivery import Delivery, DeliveryFailed
from hotline.channels.intake import Inbox, Intake
from hotline.config import Settings
from hotline.handoff.confidentiality import SenderProofs
from hotline.storage.base import Storage

# A channel's request handler: one of its methods, called on the running channel.
ChannelHandler = Callable[[Any, web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    """A route the app mounts when it is built, for a channel built later: `handler` is the
    channel class's method, called on the channel once it runs."""

    method: str
    path: str
    handler: ChannelHandler


@dataclass(frozen=True)
class ChannelParts:
    """What channels are built with, once the hotline runs."""

    settings: Settings
    inbox: Inbox  # the engine
    conversations: ConversationStore  # waiting replies, delivery marks, transcripts
    intake: Intake  # store first, process in the background
    session: aiohttp.ClientSession  # the app's one HTTP client
    storage: Storage  # the hotline's, for the channels' own small stores
    proofs: SenderProofs = field(default_factory=lambda: SenderProofs(b""))  # senders' secrets


class Channel:
    """One way citizens reach the hotline.

    Every channel has a `name`, is built by `open` and delivers its replies one way:
    - `Delivery.HELD`: the citizen holds a connection to one worker (the web chat's socket, the
      app's waiting request); `push` hands a stored reply over it, `hand_over` all that waits;
    - `Delivery.COURIER`: the courier calls `send` for each stored reply, in order, within
      `limit`, and records the outcome.
    The other hooks are optional: `enabled` (on when its credentials are set), `routes`,
    `stopping` (let held connections go), `close`, `reading` (a background reader, as the
    mailbox has), `register` (for `hotline webhooks set`), `carries_media` and
    `writes_letters` (what the dialogs may ask).
    """

    name: ClassVar[str]
    delivery: ClassVar[Delivery]
    limit: ClassVar[RateLimit] = UNLIMITED
    carries_media: ClassVar[bool] = False  # photos and locations reach the report form as evidence
    writes_letters: ClassVar[bool] = False  # a citizen writes whole letters: the letter dialog

    @classmethod
    def enabled(cls, settings: Settings) -> bool:
        return True

    @classmethod
    def routes(cls) -> list[Route]:
        return []

    @classmethod
    async def open(cls, parts: ChannelParts) -> Self:
        """Build the channel on the running hotline, connected and ready to deliver."""
        raise NotImplementedError

    @classmethod
    def unreachable(cls, error: Exception) -> bool:
        """Whether `open` failed because the platform cannot be reached now (then the rest
        serves and its set-up is retried in the background), not because it refused us (then
        the start fails: a wrong token is the operator's to fix)."""
        return isinstance(error, aiohttp.ClientConnectionError | TimeoutError | ConnectionError)

    async def stopping(self) -> None:
        """The server stops (aiohttp's on_shutdown, before it waits for open requests): let
        held connections go at once, so the stop is not held up by them."""

    async def close(self) -> None:
        """Stop what `open` started."""

    def reading(self) -> AbstractAsyncContextManager[None]:
        """Read in the background while the block lasts; entered once the whole hotline runs."""
        return nullcontext()

    async def push(self, item: OutboxItem) -> bool:
        """HELD: hand a stored reply over a connection held here and record it delivered;
        False when this worker holds none."""
        return False

    async def hand_over(self, key: ConversationKey) -> None:
        """HELD: hand what waits for this conversation over, if this worker holds its
        connection."""

    async def send(self, item: OutboxItem) -> bool:
        """COURIER: send a stored reply; True when the platform took it, else DeliveryFailed."""
        raise DeliveryFailed(f"the {self.name} channel does not send through the courier")

    @classmethod
    async def register(cls, settings: Settings, session: aiohttp.ClientSession) -> str | None:
        """`hotline webhooks set`: tell the platform our webhook, or say how to; a note."""
        return None


# json.dumps with an option builds a JSONEncoder a call; one made once (it keeps no state
# between calls) spares that, about 0.8 us of a webhook's answer.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def json_dumps(value: Any) -> str:
    """JSON as UTF-8 text (Vietnamese stays readable), for every JSON response."""
    return _ENCODER.encode(value)


def json_response(value: Any, status: int = 200) -> web.Response:
    return web.json_response(value, status=status, dumps=json_dumps)


def json_error(status: int, message: str) -> web.Response:
    """A clear 4xx answer for bad input."""
    return json_response({"error": message}, status=status)

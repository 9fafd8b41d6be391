"""How a channel's replies reach citizens, and how a send fails."""

from __future__ import annotations

from enum import StrEnum


class Delivery(StrEnum):
    """Who takes a stored reply to the citizen."""

    HELD = "held"  # the channel itself, over a connection a citizen holds to one worker
    COURIER = "courier"  # the courier, in order, within the platform's rate limit, with retries


class DeliveryFailed(Exception):
    """A platform refused a send. `retry_after` (seconds) when it may work later, else None."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after

    @property
    def permanent(self) -> bool:
        return self.retry_after is None


class RecipientGone(DeliveryFailed):
    """The citizen cannot be reached here any more (bot blocked, unsubscribed, no such chat)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, None)

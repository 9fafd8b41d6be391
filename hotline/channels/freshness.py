"""Timestamp windows for signed platform events: a signature proves who sent an event, not when.

A captured event, correctly signed, could be sent again years later (the probe's were dated
2017). Viber, Zalo and Messenger put the time of sending in the signed body, in milliseconds since
1970; an event older than the window (`HOTLINE_EVENT_MAX_AGE_SECONDS`, an hour by default: the
platforms retry for less) or from more than five minutes in the future is refused with 403.
An event without a timestamp is judged by its signature alone, as before.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from prometheus_client import Counter

AHEAD_SECONDS = 300.0
STALE = Counter(
    "hotline_stale_events_total",
    "Signed platform events refused as too old or too new",
    ["channel"],
)


def fresh(stamp_ms: Any, max_age_seconds: float, now: datetime | None = None) -> bool:
    """Whether a platform timestamp (milliseconds, a number or digits) lies within the window."""
    if stamp_ms is None or stamp_ms == "":
        return True
    if isinstance(stamp_ms, bool) or not isinstance(stamp_ms, int | float | str):
        return False
    try:
        sent = float(stamp_ms) / 1000
    except (ValueError, OverflowError):
        return False
    age = (now or datetime.now(UTC)).timestamp() - sent
    return -AHEAD_SECONDS <= age <= max_age_seconds


def stale(channel: str) -> None:
    """Count a refused event."""
    STALE.labels(channel).inc()

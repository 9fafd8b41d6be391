"""The hotline's one clock: now, in UTC."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Now, as an aware UTC datetime (pass another `Clock` in tests)."""
    return datetime.now(UTC)


def utc_stamp() -> str:
    """Now as ISO 8601 text in UTC, to the millisecond: the FAQ's `updated_at` stamp."""
    return utc_now().isoformat(timespec="milliseconds")

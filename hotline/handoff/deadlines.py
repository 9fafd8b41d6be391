"""Deadline policy: how long each ticket category may wait, and how urgent it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

# Vietnam has one time zone and no daylight saving, so a fixed offset is exact.
VIETNAM = timezone(timedelta(hours=7), "ICT")

CATEGORIES: tuple[str, ...] = (
    "violation",
    "contact_tip",
    "hardship",
    "emergency",
    "health",
    "feedback",
    "other",
)

DEFAULT_WINDOW = timedelta(hours=5)

_DEFAULT_WINDOWS: dict[str, timedelta] = {"emergency": timedelta(hours=1)}
_DEFAULT_PRIORITIES: dict[str, str] = {
    "emergency": "urgent",
    "contact_tip": "urgent",
    "hardship": "high",
    "violation": "normal",
    "health": "normal",
    "other": "normal",
    "feedback": "low",
}


@dataclass(frozen=True)
class DeadlinePolicy:
    """Per-category windows (5 hours unless said otherwise) and priorities."""

    windows: Mapping[str, timedelta] = field(default_factory=lambda: dict(_DEFAULT_WINDOWS))
    priorities: Mapping[str, str] = field(default_factory=lambda: dict(_DEFAULT_PRIORITIES))
    default_window: timedelta = DEFAULT_WINDOW

    def window(self, category: str) -> timedelta:
        return self.windows.get(category, self.default_window)

    def due_at(self, category: str, received_at: datetime) -> datetime:
        return received_at + self.window(category)

    def priority(self, category: str) -> str:
        return self.priorities.get(category, "normal")


def local_time(moment: datetime) -> str:
    """A deadline as a citizen reads it: "15:30 ngày 28/11/2026" in Vietnam time."""
    return moment.astimezone(VIETNAM).strftime("%H:%M ngày %d/%m/%Y")

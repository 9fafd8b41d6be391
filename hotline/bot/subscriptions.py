"""Citizens' subscriptions to the province's notices: who follows which ward, district or the
whole province, on which channel. Nobody is sent a notice without a subscription here."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hotline.bot.messages import ConversationKey


@dataclass(frozen=True, order=True)
class Area:
    """A ward (with its district), a whole district, or the whole province (both None)."""

    district: str | None = None
    ward: str | None = None

    @property
    def is_province(self) -> bool:
        return self.district is None and self.ward is None

    @property
    def code(self) -> str:
        """The area as one stable text, part of a subscription's key."""
        if self.is_province:
            return "*"
        return f"{self.district or ''}/{self.ward or ''}"

    def within(self, districts: Collection[str], wards: Collection[str]) -> bool:
        """Whether a notice for these districts and wards concerns this area.

        No district and no ward: the notice is for the whole province, so every area. A
        subscriber of the whole province gets every notice; one of a district gets the notices
        for the district and for its wards; one of a ward those for the ward and its district.
        """
        if not districts and not wards:
            return True
        if self.is_province:
            return True
        if self.district in districts:
            return True
        if self.ward is None:  # a district's follower: a notice for one of its wards
            return any(w.partition("/")[0] == self.district for w in wards)
        return f"{self.district}/{self.ward}" in wards


@dataclass(frozen=True)
class Subscription:
    key: ConversationKey
    area: Area
    since: datetime


class SubscriptionBook(Protocol):
    """Who follows what; a citizen may follow several areas on one channel."""

    async def follow(self, key: ConversationKey, area: Area) -> bool:
        """Start following; False when this conversation already follows this area."""
        ...

    async def of(self, key: ConversationKey) -> list[Subscription]:
        """What this conversation follows, in the order it started."""
        ...

    async def stop(self, key: ConversationKey) -> int:
        """Stop every subscription of this conversation; how many there were."""
        ...

    async def everyone(self) -> list[Subscription]:
        """Every subscription, for a notice's audience and the dashboard."""
        ...

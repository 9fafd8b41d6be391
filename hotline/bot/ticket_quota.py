"""How many tickets a chat may file: a limit per conversation and a limit per channel and minute.

The probe filed 10 tickets from one REST sender in 0.3 s and 20 from 20 new senders in 0.4 s,
each with a deadline and an agent assigned. A conversation (one sender on one channel) may file
`per_conversation` tickets within `window`; a channel takes at most `per_channel_per_minute`
new tickets a minute from its chats, however many senders it invents. Emergencies are never
held back: the citizen is told to call 115 and the ticket is filed. A refusal is a polite reply
(`texts.TICKET_QUOTA`) and counts in `/metrics` as `hotline_ticket_quota_refusals_total`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from prometheus_client import Counter

from hotline.bot.messages import ConversationKey
from hotline.handoff.store import TicketQuery, TicketStore

REFUSALS = Counter(
    "hotline_ticket_quota_refusals_total",
    "Tickets a chat was not allowed to file, by channel and the limit reached",
    ["channel", "limit"],
)
NEVER_HELD = frozenset({"emergency"})


class TicketQuotaReached(Exception):
    """This conversation or channel has filed as many tickets as it may for now."""

    def __init__(self, limit: str) -> None:
        super().__init__(limit)
        self.limit = limit


@dataclass(frozen=True)
class TicketQuota:
    per_conversation: int = 5
    window: timedelta = timedelta(hours=24)
    per_channel_per_minute: int = 60

    async def check(
        self, store: TicketStore, key: ConversationKey, category: str, now: datetime
    ) -> None:
        """Raise TicketQuotaReached when filing one more would pass a limit."""
        if category in NEVER_HELD:
            return
        since, channel = now - self.window, key.channel
        mine = [t for t in await store.for_conversation(**key.fields()) if t.created_at >= since]
        if len(mine) >= self.per_conversation:
            self._refuse(channel, "conversation")
        # Counted, only this channel's and no more than the limit: under a flood of tickets
        # this runs per ticket, and it read (and opened) every ticket of the last minute.
        minute = TicketQuery(
            created_from=now - timedelta(minutes=1),
            channel=channel,
            limit=self.per_channel_per_minute,
        )
        if await store.count(minute) >= self.per_channel_per_minute:
            self._refuse(channel, "channel")

    @staticmethod
    def _refuse(channel: str, limit: str) -> None:
        REFUSALS.labels(channel, limit).inc()
        raise TicketQuotaReached(limit)

"""Broadcasts: a notice taken to every subscriber it concerns, through the outbox.

A notice is planned first: a delivery row per subscriber, or a skipped row where the platform's
rules forbid an unsolicited message (Messenger outside the 24 hours since the citizen last
wrote, Zalo OA outside its 48 hours). Then each row is claimed once and its message stored in
the outbox, a batch at a time, while at most `in_flight` of the notice's platform messages wait
for the courier (which sends oldest first), so a citizen's reply never queues behind ten
thousand notices, only behind about a second's worth of them. The web
widget and the app (held channels) get theirs when they next connect or fetch.

Restart safety: rows exist before anything is sent; a claim is an insert only one caller wins;
a claim whose row was never marked queued (the process stopped between the two writes) is
settled by looking in the conversation's outbox for the notice before queueing it again.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from hotline.bot.contact_book import ContactBook
from hotline.bot.conversation import ConversationStore, OutboxItem
from hotline.bot.dialogs import texts
from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.bot.notice_reports import delivery_report
from hotline.bot.notices import Delivery, DeliveryLog, Notice, NoticeBoard, Stage
from hotline.bot.outbox import Outbox
from hotline.bot.subscriptions import SubscriptionBook
from hotline.bot.unsubscribe import UnsubscribeLinks
from hotline.bot.waits import every_pass
from hotline.channels.delivery import Delivery as Carrier
from hotline.clock import utc_now


class Skip(StrEnum):
    """Why a subscriber is not sent a notice."""

    MESSENGER_WINDOW = "messenger_outside_24h"  # Messenger's standard messaging window
    ZALO_WINDOW = "zalo_outside_48h"  # Zalo OA's free reply window ("tin phản hồi")
    CHANNEL_OFF = "channel_off"  # the channel is not running on this hotline


# Platforms whose rules let an official account write only within a window after the citizen's
# last message; the other channels may send to a subscriber at any time.
WINDOWS: Mapping[str, tuple[timedelta, Skip]] = {
    "messenger": (timedelta(hours=24), Skip.MESSENGER_WINDOW),
    "zalo": (timedelta(hours=48), Skip.ZALO_WINDOW),
}


@dataclass(frozen=True)
class Target:
    """Which subscribers a notice concerns: districts, wards ("district/ward"), channels."""

    districts: tuple[str, ...] = ()
    wards: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()

    @classmethod
    def of(cls, notice: Notice) -> Target:
        return cls(notice.districts, notice.wards, notice.channels)


def notice_text(notice: Notice) -> str:
    # The number makes each notice's message its own, which a restart's settling relies on.
    return texts.NOTICE.format(number=notice.id, text=notice.text)


# Channels whose notices carry a link that stops them (the reader may not write back).
LINKED = frozenset({"email"})


class Broadcaster:
    def __init__(
        self,
        board: NoticeBoard,
        deliveries: DeliveryLog,
        subscriptions: SubscriptionBook,
        contacts: ContactBook,
        conversations: ConversationStore,
        outbox: Outbox,
        *,
        clock: Callable[[], datetime] = utc_now,
        batch: int = 50,
        in_flight: int = 30,  # a second of Telegram's 30 messages a second
        pause: float = 0.05,
        stale_claim: timedelta = timedelta(minutes=1),
        poll_seconds: float = 30.0,
        links: UnsubscribeLinks | None = None,
    ) -> None:
        self.board = board
        self.deliveries = deliveries
        self.subscriptions = subscriptions
        self.contacts = contacts
        self.conversations = conversations
        self.outbox = outbox
        self._clock = clock
        self.batch = batch
        self.in_flight = in_flight
        self.pause = pause
        self.stale_claim = stale_claim
        self.poll_seconds = poll_seconds
        self.links = links
        self._woken = asyncio.Event()

    @property
    def channels(self) -> Collection[str]:
        return self.outbox.channels

    async def audience(self, target: Target) -> list[ConversationKey]:
        """Every conversation subscribed to an area the notice concerns, once each."""
        keys = {
            s.key: None
            for s in await self.subscriptions.everyone()
            if s.area.within(target.districts, target.wards)
            and (not target.channels or s.key.channel in target.channels)
        }
        return list(keys)

    async def _rule(self, key: ConversationKey, now: datetime) -> Skip | None:
        if key.channel not in self.channels:
            return Skip.CHANNEL_OFF
        window = WINDOWS.get(key.channel)
        if window is None:
            return None
        last = (await self.contacts.get(key)).last_inbound_at
        if last is None or now - last > window[0]:
            return window[1]
        return None

    async def preview(self, target: Target) -> dict[str, Any]:
        """Who a notice would reach now, before it is written: counts only."""
        now, reached, skipped = self._clock(), Counter[str](), Counter[str]()
        audience = await self.audience(target)
        for key in audience:
            rule = await self._rule(key, now)
            if rule is None:
                reached[key.channel] += 1
            else:
                skipped[rule.value] += 1
        return {
            "subscribers": len(audience),
            "reachable": sum(reached.values()),
            "by_channel": dict(reached),
            "skipped": dict(skipped),
        }

    async def publish(self, text: str, author: str, target: Target) -> Notice:
        """Keep the notice; the running broadcaster plans and sends it (`run`)."""
        notice = await self.board.publish(
            text, author, target.districts, target.wards, target.channels
        )
        self._woken.set()
        return notice

    async def run(self) -> None:
        """Forever: finish every unfinished notice, then wait to be woken (or poll)."""
        await every_pass(self.resume, self._woken, self.poll_seconds, "broadcast")

    async def resume(self) -> int:
        """Plan and send what the notices not yet finished still owe; how many were finished."""
        done = 0
        for notice in await self.board.unfinished():
            await self.broadcast(notice)
            done += 1
        return done

    async def broadcast(self, notice: Notice) -> None:
        if not notice.planned:
            await self.plan(notice)
        await self.send(notice)

    async def plan(self, notice: Notice) -> int:
        """Write every subscriber's row before anything is sent; how many rows are new."""
        now, rows = self._clock(), []
        for key in await self.audience(Target.of(notice)):
            rule = await self._rule(key, now)
            stage = Stage.WAITING if rule is None else Stage.SKIPPED
            rows.append(Delivery(notice.id, key, stage, rule.value if rule else None))
        added = await self.deliveries.plan(rows)
        await self.board.mark(notice.id, planned=True)
        return added

    async def send(self, notice: Notice) -> None:
        """Queue every waiting row once, a batch at a time; then the notice is finished."""
        waiting = await self.deliveries.of(notice.id, Stage.WAITING)
        unsettled: list[ConversationKey] = []
        outstanding: list[int] = []  # this pass's platform messages the courier has not sent
        for start in range(0, len(waiting), self.batch):
            outstanding = await self._hold_back(outstanding)
            keys = [row.key for row in waiting[start : start + self.batch]]
            claimed = await self.deliveries.claim_many(notice.id, keys)  # one write a batch
            won = set(claimed)
            unsettled += [k for k in keys if k not in won]
            items = await self._queue(notice, [self.message(notice, k) for k in claimed])
            outstanding += [i.id for i in items if self._by_courier(i.message.key.channel)]
        if unsettled and await self._settle(notice, unsettled):
            return  # another worker is still queueing some: it or a later pass finishes
        await self.board.mark(notice.id, finished=True)

    def message(self, notice: Notice, key: ConversationKey) -> OutboundMessage:
        """The notice as this subscriber receives it."""
        text = notice_text(notice)
        if key.channel not in LINKED or self.links is None:
            return OutboundMessage(key, text)
        url = self.links.url(key)
        footer = texts.NOTICE_MAIL_FOOTER.format(url=url)
        return OutboundMessage(key, f"{text}\n\n{footer}", unsubscribe=url)

    async def _queue(self, notice: Notice, messages: list[OutboundMessage]) -> list[OutboxItem]:
        if not messages:
            return []
        items = await self.outbox.push(messages)
        await self.deliveries.queued_many(notice.id, {i.message.key: i.id for i in items})
        return items

    async def _settle(self, notice: Notice, keys: list[ConversationKey]) -> bool:
        """Rows claimed by a run that stopped before marking them; True if some are too fresh
        to settle (a live worker may be queueing them)."""
        fresh = False
        for key in keys:
            text = self.message(notice, key).text
            claimed = await self.deliveries.claimed_at(notice.id, key)
            if claimed is not None and self._clock() - claimed < self.stale_claim:
                fresh = True
                continue
            found = next(
                (i for i in await self.conversations.pending(key) if i.message.text == text),
                None,
            )
            if found is not None:
                await self.deliveries.queued(notice.id, key, found.id)
            elif any(
                line.get("direction") == "out" and line.get("text") == text
                for line in await self.conversations.transcript(key, limit=50)
            ):
                await self.deliveries.queued(notice.id, key, None)  # sent before the stop
            else:
                await self._queue(notice, [self.message(notice, key)])
        return fresh

    async def _hold_back(self, outstanding: list[int]) -> list[int]:
        """Wait while `in_flight` of these platform messages still wait for the courier, so a
        citizen's reply on the same platform queues behind at most that many; those still
        waiting."""
        while len(outstanding) >= self.in_flight:
            statuses = await self.conversations.outbox_status(outstanding)
            outstanding = [i for i in outstanding if statuses.get(i, ("",))[0] == "pending"]
            if len(outstanding) >= self.in_flight:
                await asyncio.sleep(self.pause)
        return outstanding

    def _by_courier(self, channel: str) -> bool:
        found = self.outbox.channels.get(channel)
        return found is not None and found.delivery is Carrier.COURIER

    async def report(self, notice: Notice) -> dict[str, Any]:
        """Where the notice's deliveries are: sent, waiting, failed, skipped with the reason."""
        return await delivery_report(notice, self.deliveries, self.conversations)

"""Contracts of the subscription book, the notice board and the notices' delivery log."""

from __future__ import annotations

from hotline.bot.messages import ConversationKey, OutboundMessage
from hotline.bot.notices import Delivery, Stage
from hotline.bot.subscriptions import Area
from hotline.storage.base import Storage

ZALO = ConversationKey("zalo", "u1")
WEB = ConversationKey("webchat", "w1")
PHU_CUONG = Area("Thủ Dầu Một", "Phú Cường")


async def test_a_citizen_follows_several_areas_and_stops_them_all(storage: Storage) -> None:
    book = await storage.subscriptions()
    assert await book.follow(ZALO, PHU_CUONG)
    assert not await book.follow(ZALO, PHU_CUONG)  # once per area
    assert await book.follow(ZALO, Area("Bến Cát"))
    assert await book.follow(ZALO, Area())
    assert await book.follow(WEB, PHU_CUONG)
    # Followed within the same millisecond, which is all MongoDB keeps of `since`: any order.
    followed = [s.area for s in await book.of(ZALO)]
    assert len(followed) == 3
    assert set(followed) == {PHU_CUONG, Area("Bến Cát"), Area()}
    assert len(await book.everyone()) == 4
    assert await book.stop(ZALO) == 3
    assert await book.of(ZALO) == []
    assert [s.key for s in await book.everyone()] == [WEB]


async def test_notices_are_kept_newest_first(storage: Storage) -> None:
    board = await storage.notices()
    first = await board.publish("Tiêm mũi 3", "an", ("Bến Cát",), (), ())
    second = await board.publish("Xét nghiệm", "an", (), ("Thủ Dầu Một/Phú Cường",), ("zalo",))
    assert second.id > first.id
    assert [n.text for n in await board.latest()] == ["Xét nghiệm", "Tiêm mũi 3"]
    assert (await board.get(second.id)) == second
    assert second.wards == ("Thủ Dầu Một/Phú Cường",) and second.channels == ("zalo",)
    await board.mark(first.id, planned=True)
    await board.mark(first.id, finished=True)
    got = await board.get(first.id)
    assert got is not None and got.planned and got.finished
    assert [n.id for n in await board.unfinished()] == [second.id]
    assert await board.get(999) is None


async def test_a_delivery_is_planned_once_and_claimed_once(storage: Storage) -> None:
    log = await storage.notice_deliveries()
    rows = [
        Delivery(1, ZALO, Stage.WAITING),
        Delivery(1, WEB, Stage.SKIPPED, "ngoài cửa sổ"),
    ]
    assert await log.plan(rows) == 2
    assert await log.plan(rows) == 0  # a restart plans again: nothing new
    assert [d.key for d in await log.of(1, Stage.WAITING)] == [ZALO]
    assert await log.claim(1, ZALO)
    assert not await log.claim(1, ZALO)  # the second caller (a restart, a worker) loses
    assert await log.claim(2, ZALO)  # another notice
    await log.queued(1, ZALO, 42)
    (queued,) = await log.of(1, Stage.QUEUED)
    assert queued.outbox_id == 42 and queued.key == ZALO
    skipped = {d.key: d.reason for d in await log.of(1, Stage.SKIPPED)}
    assert skipped == {WEB: "ngoài cửa sổ"}
    assert await log.of(1, Stage.WAITING) == []


async def test_a_batch_of_deliveries_is_claimed_and_marked_in_one_call(storage: Storage) -> None:
    log = await storage.notice_deliveries()
    keys = [ConversationKey("telegram", str(n)) for n in range(5)]
    assert await log.plan([Delivery(3, k, Stage.WAITING) for k in keys]) == 5
    assert await log.claim(3, keys[1])  # a claim from before a restart
    assert await log.claim_many(3, keys) == [keys[0], *keys[2:]]  # the others, in order
    assert await log.claim_many(3, keys) == []  # a second caller wins none
    assert await log.claim_many(3, []) == []
    claimed = await log.claimed_at(3, keys[4])
    assert claimed is not None
    await log.queued_many(3, {keys[0]: 7, keys[2]: 8, keys[3]: None})
    await log.queued_many(3, {})
    queued = {d.key: d.outbox_id for d in await log.of(3, Stage.QUEUED)}
    assert queued == {keys[0]: 7, keys[2]: 8, keys[3]: None}
    assert [d.key for d in await log.of(3, Stage.WAITING)] == [keys[1], keys[4]]


async def test_the_outbox_says_where_each_reply_is(storage: Storage) -> None:
    conversations = await storage.conversations()
    first, second, third = await conversations.queue(
        [OutboundMessage(ZALO, "một"), OutboundMessage(ZALO, "hai"), OutboundMessage(WEB, "ba")]
    )
    await conversations.mark_delivered([first.id])
    await conversations.mark_failed(second.id, "blocked", None)
    found = await conversations.outbox_status([first.id, second.id, third.id, 10_000])
    assert found == {
        first.id: ("delivered", None),
        second.id: ("failed", "blocked"),
        third.id: ("pending", None),
    }

"""The dashboard's notice figures: who follows which district, and what the period's notices
reached."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from hotline.bot.broadcasts import Broadcaster
from hotline.web.admin.charts import bars

WHOLE_PROVINCE = "Toàn tỉnh"


async def subscribers_by_district(broadcasts: Broadcaster) -> list[tuple[str, int]]:
    """Subscribers (conversations) per district followed, a ward counting for its district;
    the whole province apart; biggest first."""
    follows: dict[str, set[str]] = {}
    for s in await broadcasts.subscriptions.everyone():
        place = s.area.district or WHOLE_PROVINCE
        follows.setdefault(place, set()).add(str(s.key))
    return sorted(((p, len(keys)) for p, keys in follows.items()), key=lambda r: (-r[1], r[0]))


async def notices_sent(
    broadcasts: Broadcaster, since: datetime, until: datetime
) -> tuple[int, list[tuple[str, int]]]:
    """How many notices were written in the period, and their deliveries by outcome."""
    notices = [n for n in await broadcasts.board.latest(500) if since <= n.created_at < until]
    totals: Counter[str] = Counter()
    for notice in notices:
        report = await broadcasts.report(notice)
        for field in ("sent", "waiting", "failed", "skipped"):
            totals[field] += report[field]
    rows = [
        ("Đã gửi", totals["sent"]),
        ("Đang chờ mở ứng dụng, chat web", totals["waiting"]),
        ("Gửi lỗi", totals["failed"]),
        ("Không gửi (quy định nền tảng)", totals["skipped"]),
    ]
    return len(notices), rows


async def notice_charts(
    broadcasts: Broadcaster, since: datetime, until: datetime
) -> tuple[tuple[str, Any], ...]:
    followers = await subscribers_by_district(broadcasts)
    count, outcomes = await notices_sent(broadcasts, since, until)
    return (
        (
            "Người đăng ký nhận thông báo theo địa bàn",
            bars(followers[:12], "Người đăng ký theo địa bàn"),
        ),
        (f"Thông báo trong kỳ: {count}", bars(outcomes, "Thông báo đã gửi")),
    )

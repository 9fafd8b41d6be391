"""A notice's delivery report: what the API, the admin page and the dashboard show."""

from __future__ import annotations

from collections import Counter
from typing import Any

from hotline.bot.conversation import ConversationStore
from hotline.bot.notices import DeliveryLog, Notice, Stage


async def delivery_report(
    notice: Notice, deliveries: DeliveryLog, conversations: ConversationStore
) -> dict[str, Any]:
    """Where the notice's deliveries are: sent, waiting, failed, skipped with the reason."""
    rows = await deliveries.of(notice.id)
    ids = [d.outbox_id for d in rows if d.outbox_id is not None]
    statuses = await conversations.outbox_status(ids) if ids else {}
    counts, skipped, failures = Counter[str](), Counter[str](), Counter[str]()
    for row in rows:
        if row.stage is Stage.SKIPPED:
            skipped[row.reason or "?"] += 1
            continue
        if row.stage is Stage.WAITING:
            counts["planned"] += 1
            continue
        if row.outbox_id is None:
            counts["sent"] += 1
            continue
        status, error = statuses.get(row.outbox_id, ("pending", None))
        if status == "delivered":
            counts["sent"] += 1
        elif status == "failed":
            counts["failed"] += 1
            failures[error or "?"] += 1
        else:
            counts["waiting"] += 1
    return {
        "id": notice.id,
        "text": notice.text,
        "author": notice.author,
        "created_at": notice.created_at.isoformat(),
        "districts": list(notice.districts),
        "wards": list(notice.wards),
        "channels": list(notice.channels),
        "finished": notice.finished,
        "subscribers": len(rows),
        "sent": counts["sent"],
        "waiting": counts["waiting"] + counts["planned"],
        "failed": counts["failed"],
        "failures": dict(failures),
        "skipped": sum(skipped.values()),
        "skipped_reasons": dict(skipped),
    }

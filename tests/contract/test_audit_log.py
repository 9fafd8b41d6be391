"""The AuditLog contract: every showing recorded, read per ticket in order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hotline.handoff.audit import AuditEntry
from hotline.storage.base import Storage

NOW = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)


async def test_entries_per_ticket_in_order(storage: Storage) -> None:
    audit = await storage.audit()
    entries = [
        AuditEntry(NOW, "lan", "agent", "PA-1", "gọi lại"),
        AuditEntry(NOW - timedelta(minutes=5), "minh", "supervisor", "PA-1", "kiểm tra"),
        AuditEntry(NOW, "lan", "agent", "PA-2", "gọi lại", what="evidence"),
    ]
    for entry in entries:
        await audit.record(entry)
    assert await audit.for_ticket("PA-1") == entries[:2]  # written order, not clock order
    assert await audit.for_ticket("PA-2") == entries[2:]
    assert await audit.for_ticket("PA-3") == []
